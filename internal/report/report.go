// Package report writes report.html: one self-contained page per output
// folder with the scenario, the verdicts of its claims, tables of end values
// with intervals, every plot, and the manifest — readable offline in any
// browser, and printable.
package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

//go:embed report.html.tmpl
var pageText string

var page = template.Must(template.New("report").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(pageText))

// Page is everything a report shows.
type Page struct {
	Title       string
	Description string
	Command     string // what produced it: run, check, sweep or merge
	Verdicts    []Verdict
	Tables      []Table
	Figures     []Figure
	Manifest    batch.Manifest
	Seeds       string
}

// Verdict is one claim's line in the report.
type Verdict struct {
	Text, Evidence, Figure string
	Supported              bool
}

// Table is a table of numbers with a caption.
type Table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// Figure is a plot file in the folder.
type Figure struct {
	File    string
	Caption string
	Image   bool // shown inline (PNG, SVG); PDF files are linked
}

// New assembles the report of a batch: its results, the verdicts of its
// claims (nil unless checked) and the files written.
func New(command string, sc *scenario.Scenario, rs []batch.Result, vs []claims.Verdict, m batch.Manifest, files []string) Page {
	p := Page{Title: sc.Name, Description: sc.Description, Command: command, Manifest: m}
	p.Seeds = seedText(m.Seeds)
	for i, v := range vs {
		p.Verdicts = append(p.Verdicts, Verdict{Text: v.Claim.Text, Evidence: v.Evidence, Supported: v.Supported,
			Figure: findFile(files, fmt.Sprintf("claim_%d.", i+1))})
	}
	if len(rs) > 0 {
		if levers, ok := Levers(sc); ok {
			p.Tables = append(p.Tables, leverTable(sc, rs, levers))
		}
		p.Tables = append(p.Tables, endTables(sc, rs)...)
	}
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".png" && ext != ".svg" && ext != ".pdf" || strings.HasPrefix(f, "claim_") {
			continue
		}
		p.Figures = append(p.Figures, Figure{File: f, Caption: captions[strings.TrimSuffix(f, ext)], Image: ext != ".pdf"})
	}
	return p
}

// AddFigures adds plot files with captions (for sweeps).
func (p *Page) AddFigures(files []string, caption func(string) string) {
	for _, f := range files {
		ext := filepath.Ext(f)
		p.Figures = append(p.Figures, Figure{File: f, Caption: caption(f), Image: ext != ".pdf"})
	}
}

// Write writes the page as HTML.
func (p *Page) Write(w io.Writer) error { return page.Execute(w, p) }

var captions = map[string]string{
	"wealth_histogram":    "The wealth distribution at the end, every seed pooled, an arm a colour.",
	"wealth_ccdf":         "The share of people holding at least w, on log-log axes: an exponential law bends down, a Pareto tail is a straight line.",
	"lorenz":              "Lorenz curves at the end (mean over seeds); the further below the diagonal, the more unequal. The legend gives each arm's Gini.",
	"gini":                "The Gini coefficient of wealth over time: the mean over seeds and its 95% band.",
	"classes":             "Shares of workers, capitalists and unemployed over time (yearly means over seeds, 95% bands).",
	"firm_sizes":          "Firm sizes at the end on log-log axes, with the power law fitted to firms of 3 or more employees.",
	"automation":          "The share of the month's goods made by automation units, and unemployment, over time.",
	"compute_price":       "The price of compute over time: it rises as the data centres' capacity fills.",
	"datacenters":         "Data centres over time, ready or being built.",
	"burden_quintiles":    "The environmental burden of the data centres on each fifth of the people, poorest first; 0.2 would be a fair share.",
	"consumption_leisure": "What people get: real consumption (goods a person a month) and leisure (the share of full time freed from work for those in work), over time.",
}

func findFile(files []string, prefix string) string {
	for _, f := range files {
		if strings.HasPrefix(f, prefix) {
			return f
		}
	}
	return ""
}

func seedText(seeds []uint64) string {
	if len(seeds) == 0 {
		return ""
	}
	if len(seeds) == 1 {
		return fmt.Sprint(seeds[0])
	}
	return fmt.Sprintf("%d seeds, %d to %d", len(seeds), seeds[0], seeds[len(seeds)-1])
}

// endTables are the metrics at the end per arm (mean and 95% interval over
// seeds) and, with several arms, each arm's paired difference from the first.
func endTables(sc *scenario.Scenario, rs []batch.Result) []Table {
	names := rs[0].Series.Names
	seeds := len(rs) / len(sc.Arms)
	end := func(a, col int) []float64 { return batch.EndValues(rs, seeds, a, col) }
	ends := Table{Caption: fmt.Sprintf("Every metric at the end (the mean of the last year): mean over %d seeds [95%% t interval].", seeds), Head: append([]string{"metric"}, armNames(sc)...)}
	diffs := Table{Caption: fmt.Sprintf("Paired by seed: each arm minus %s at the end (the mean of the last year), mean [95%% interval], and in how many seeds it is lower.", sc.Arms[0].Name), Head: []string{"metric"}}
	for _, a := range sc.Arms[1:] {
		diffs.Head = append(diffs.Head, a.Name+" − "+sc.Arms[0].Name)
	}
	for col, name := range names {
		row := []string{name}
		drow := []string{name}
		for a := range sc.Arms {
			mean, lo, hi := metrics.MeanCI(end(a, col), 0.95)
			row = append(row, fmt.Sprintf("%.4g [%.4g, %.4g]", mean, lo, hi))
			if a == 0 {
				continue
			}
			p := batch.Compare(end(a, col), end(0, col))
			drow = append(drow, fmt.Sprintf("%+.4g [%+.4g, %+.4g], %d/%d lower", p.Mean, p.Lo, p.Hi, p.Lower, p.Seeds))
		}
		ends.Rows = append(ends.Rows, row)
		diffs.Rows = append(diffs.Rows, drow)
	}
	if len(sc.Arms) == 1 {
		return []Table{ends}
	}
	return []Table{ends, diffs}
}

func armNames(sc *scenario.Scenario) []string {
	var ns []string
	for _, a := range sc.Arms {
		ns = append(ns, a.Name)
	}
	return ns
}
