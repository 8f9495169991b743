package main

import (
	"fmt"
	"io"
	"strings"

	"commonwealth/internal/batch"
	"commonwealth/internal/numfmt"
	"commonwealth/internal/scenario"
)

// columns is the width the terminal output keeps within.
const columns = 100

// summaryMetrics are the built-in metrics whose end values are printed
// after a run, when present; the scenario's own metrics follow them.
var summaryMetrics = []string{"gini_wealth", "top10_share", "bottom50_share", "unemployed_share", "wage_share"}

// printSummary prints, per metric and arm, the mean and 95% interval over
// seeds at the end and, for every arm after the first, its paired
// difference from the first, seed by seed, and which way it goes: a block
// per metric, so that any number of arms fits in 100 columns.
func printSummary(w io.Writer, sc *scenario.Scenario, rs []batch.Result) {
	cols := rs[0].Series
	seeds := sc.Run().Seeds
	end := func(a, col int) []float64 { return batch.EndValues(rs, seeds, a, col) }
	first := sc.Arms[0].Name
	fmt.Fprintf(w, "\nat the end (the mean of the last year) over %d seeds: mean [95%% t interval]", seeds)
	if len(sc.Arms) > 1 {
		fmt.Fprintf(w, ";\nthen each arm minus %s, paired seed by seed, and in how many seeds it is lower or higher", clip(first, 20))
	}
	fmt.Fprintln(w)
	printStops(w, sc, rs)
	for _, m := range append(summaryMetrics[:len(summaryMetrics):len(summaryMetrics)], sc.OwnMetrics()...) {
		c := cols.Column(m)
		if c < 0 {
			continue
		}
		unit := sc.Unit(m)
		fmt.Fprintf(w, "%s (%s)\n", m, unit)
		for a, arm := range sc.Arms {
			line := fmt.Sprintf("  %-20s %-26s", clip(arm.Name, 20), numfmt.Sample(end(a, c), unit))
			if a > 0 {
				p := batch.Compare(end(a, c), end(0, c))
				line += " " + numfmt.Interval(p.Mean, p.Lo, p.Hi, numfmt.Any, true) + ", " + p.Direction()
			}
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}
	fmt.Fprintln(w)
}

// printStops says how many runs stop_when ended early, and when.
func printStops(w io.Writer, sc *scenario.Scenario, rs []batch.Result) {
	stops := batch.Stops(sc, nil, rs)
	if len(stops) == 0 {
		return
	}
	first, last := stops[0].Month, stops[0].Month
	for _, s := range stops {
		first, last = min(first, s.Month), max(last, s.Month)
	}
	when := fmt.Sprintf("month %d", first)
	if last > first {
		when = fmt.Sprintf("months %d to %d", first, last)
	}
	fmt.Fprintf(w, "stop_when ended %d of %d runs early, at %s (manifest.json lists them);\nthe end is each run's own last year\n", len(stops), len(rs), when)
}

// printWrote names the files written into dir, wrapped to the width.
func printWrote(w io.Writer, files []string, dir string) {
	line := fmt.Sprintf("wrote %d files into %s:", len(files), dir)
	for _, f := range files {
		if len([]rune(line))+1+len([]rune(f))+1 > columns {
			fmt.Fprintln(w, line)
			line = " "
		}
		line += " " + f + ","
	}
	fmt.Fprintln(w, strings.TrimSuffix(line, ","))
}

// clip shortens s to n characters, ending with "…" when cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
