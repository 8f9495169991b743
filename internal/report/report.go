// Package report writes report.html: one self-contained page per output
// folder — the verdicts of its claims first, then every plot (embedded in
// the page), tables of end values with intervals, and the manifest with
// every value each arm ran — readable offline in any browser, alone, and
// printable.
package report

import (
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/numfmt"
	"commonwealth/internal/scenario"
)

//go:embed report.html.tmpl
var pageText string

var page = template.Must(template.New("report").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(pageText))

// Page is everything a report shows.
type Page struct {
	Title       string
	Description string
	Verdicts    []Verdict
	Robust      []Robust // after check --robust
	Tables      []Table
	Figures     []Figure
	Manifest    batch.Manifest
	Settings    Table // the values the arms ran that differ from the defaults or between arms
	Seeds       string
	Command     string // the command as given
	Design      string // what the batch ran, in words: the arms chosen, the swept or drawn keys
	Given       bool   // some claim has a precondition: the page says what NOT APPLICABLE means
}

// Verdict is one claim's line in the report.
type Verdict struct {
	Text, Evidence, Figure string
	Data                   template.URL // the figure as a data: URL, filled in by Write
	Outcome                string       // SUPPORTED, CONTRADICTED, INCONCLUSIVE or NOT APPLICABLE
	Test                   string
}

// Robust is one claim's robustness over the uncertain keys.
type Robust struct {
	Text, Outcome, Summary, Figure string
	Data                           template.URL // the figure as a data: URL, filled in by Write
}

// AddRobustness adds each claim's robustness, with its plot.
func (p *Page) AddRobustness(vs []claims.Verdict, rob []claims.Robustness, files []string) {
	for i, v := range vs {
		p.Robust = append(p.Robust, Robust{Text: v.Claim.Text, Outcome: v.Outcome.String(), Summary: rob[i].Summary(),
			Figure: findFile(files, fmt.Sprintf("robust_claim_%d.", v.Claim.Number))})
	}
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
	Data    template.URL // the file as a data: URL, filled in by Write
	PDF     bool         // shown as an embedded document, not an image
}

// New assembles the report of a batch: its results, the verdicts of its
// claims (nil unless checked) and the files written.
func New(sc *scenario.Scenario, rs []batch.Result, vs []claims.Verdict, m batch.Manifest, files []string) Page {
	p := Page{Title: sc.Name, Description: sc.Description, Manifest: m, Settings: settingsTable(sc)}
	p.Seeds = seedText(m.Seeds)
	p.Command, p.Design = commandText(m), designText(m.Design)
	for i, v := range vs {
		p.Given = p.Given || v.Claim.Given != nil
		p.Verdicts = append(p.Verdicts, Verdict{Text: v.Claim.Text, Evidence: v.Evidence, Outcome: v.Outcome.String(), Test: v.Test,
			Figure: findFile(files, fmt.Sprintf("claim_%d.", i+1))})
	}
	if len(rs) > 0 {
		if levers, ok := Levers(sc); ok {
			p.Tables = append(p.Tables, leverTable(sc, rs, levers))
		}
		p.Tables = append(p.Tables, endTables(sc, rs)...)
	}
	if own := ownMetrics(sc); own != nil {
		p.Tables = append(p.Tables, *own)
	}
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".png" && ext != ".svg" && ext != ".pdf" || strings.HasPrefix(f, "claim_") {
			continue
		}
		p.Figures = append(p.Figures, Figure{File: f, Caption: captions[strings.TrimSuffix(f, ext)]})
	}
	return p
}

// AddFigures adds plot files with captions (for sweeps).
func (p *Page) AddFigures(files []string, caption func(string) string) {
	for _, f := range files {
		p.Figures = append(p.Figures, Figure{File: f, Caption: caption(f)})
	}
}

// mediaTypes are the plot formats a page embeds.
var mediaTypes = map[string]string{".png": "image/png", ".svg": "image/svg+xml", ".pdf": "application/pdf"}

// Write writes the page as HTML, every plot embedded as read by read, so
// that the page needs no file beside it.
func (p *Page) Write(w io.Writer, read func(name string) ([]byte, error)) error {
	var err error
	for i := range p.Figures {
		f := &p.Figures[i]
		f.PDF = filepath.Ext(f.File) == ".pdf"
		if f.Data, err = dataURL(read, f.File); err != nil {
			return err
		}
	}
	for i := range p.Verdicts {
		if v := &p.Verdicts[i]; v.Figure != "" {
			if v.Data, err = dataURL(read, v.Figure); err != nil {
				return err
			}
		}
	}
	for i := range p.Robust {
		if r := &p.Robust[i]; r.Figure != "" {
			if r.Data, err = dataURL(read, r.Figure); err != nil {
				return err
			}
		}
	}
	return page.Execute(w, p)
}

// dataURL reads a plot file into a data: URL.
func dataURL(read func(name string) ([]byte, error), name string) (template.URL, error) {
	b, err := read(name)
	if err != nil {
		return "", err
	}
	return template.URL("data:" + mediaTypes[filepath.Ext(name)] + ";base64," + base64.StdEncoding.EncodeToString(b)), nil
}

// settingsTable lists, for every key whose value differs from its default
// or between arms, the default and each arm's value.
func settingsTable(sc *scenario.Scenario) Table {
	t := Table{Caption: "Settings that differ from the defaults or between arms (every other key has its default; `headless keys` lists them)",
		Head: append([]string{"key", "default"}, armNames(sc)...)}
	def := scenario.Values(scenario.Defaults())
	vals := make([]map[string]any, len(sc.Arms))
	for a, arm := range sc.Arms {
		vals[a] = scenario.Values(arm.Settings)
	}
	for i := range scenario.Keys {
		path := scenario.Keys[i].Path
		row := []string{path, show(def[path])}
		differs := false
		for a := range sc.Arms {
			row = append(row, show(vals[a][path]))
			differs = differs || fmt.Sprint(vals[a][path]) != fmt.Sprint(def[path]) || fmt.Sprint(vals[a][path]) != fmt.Sprint(vals[0][path])
		}
		if differs {
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func show(v any) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprint(v)
}

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
	diffs := Table{Caption: fmt.Sprintf("Paired by seed: each arm minus %s at the end (the mean of the last year), mean [95%% interval], and in how many seeds it is lower or higher.", sc.Arms[0].Name), Head: []string{"metric"}}
	for _, a := range sc.Arms[1:] {
		diffs.Head = append(diffs.Head, a.Name+" − "+sc.Arms[0].Name)
	}
	for col, name := range names {
		unit := sc.Unit(name)
		label := name
		if unit != "" {
			label += " (" + unit + ")"
		}
		row := []string{label}
		drow := []string{label}
		for a := range sc.Arms {
			row = append(row, numfmt.Sample(end(a, col), unit))
			if a == 0 {
				continue
			}
			p := batch.Compare(end(a, col), end(0, col))
			drow = append(drow, numfmt.Interval(p.Mean, p.Lo, p.Hi, numfmt.Any, true)+", "+p.Direction())
		}
		ends.Rows = append(ends.Rows, row)
		diffs.Rows = append(diffs.Rows, drow)
	}
	if len(sc.Arms) == 1 {
		return []Table{ends}
	}
	return []Table{ends, diffs}
}

// ownMetrics is the table of the metrics the scenario defines, with the
// expression of each, or nil when it defines none.
func ownMetrics(sc *scenario.Scenario) *Table {
	c := sc.Run().Custom
	if c == nil || len(c.Metrics) == 0 {
		return nil
	}
	t := Table{Caption: "The scenario's own metrics ([[metric]]), computed every month after the built-in ones.", Head: []string{"metric", "unit", "meaning", "expression"}}
	for _, m := range c.Metrics {
		t.Rows = append(t.Rows, []string{m.Name, m.Unit, m.Text, m.Expr})
	}
	return &t
}

func armNames(sc *scenario.Scenario) []string {
	var ns []string
	for _, a := range sc.Arms {
		ns = append(ns, a.Name)
	}
	return ns
}
