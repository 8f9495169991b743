package report

import (
	"fmt"
	"slices"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/numfmt"
	"commonwealth/internal/scenario"
)

// headline are the metrics a lever decomposition reports, when present.
var headline = []string{"gini_wealth", "top1_share", "bottom50_share", "poverty_rate", "unemployed_share",
	"labour_share", "profit_share", "output", "consumption", "leisure", "automation_share"}

// Levers finds a lever design in sc: a first arm (the baseline), arms that
// each set their own keys (one lever each), and a last arm that sets every
// key the lever arms set, to the same values (all levers together). It
// returns the lever arms' indices and ok.
func Levers(sc *scenario.Scenario) ([]int, bool) {
	n := len(sc.Arms)
	if n < 4 {
		return nil, false
	}
	all := sc.Arms[n-1]
	vals := scenario.Values(all.Settings)
	var union []string
	var arms []int
	for a := 1; a < n-1; a++ {
		arm := sc.Arms[a]
		if len(arm.Overrides) == 0 {
			return nil, false
		}
		own := scenario.Values(arm.Settings)
		for _, k := range arm.Overrides {
			if slices.Contains(union, k) || fmt.Sprint(own[k]) != fmt.Sprint(vals[k]) {
				return nil, false
			}
			union = append(union, k)
		}
		arms = append(arms, a)
	}
	if len(union) != len(all.Overrides) {
		return nil, false
	}
	for _, k := range all.Overrides {
		if !slices.Contains(union, k) {
			return nil, false
		}
	}
	return arms, true
}

// leverTable decomposes the difference between all levers together and the
// baseline into each lever's paired effect alone and their interaction (what
// together adds to the sum of the levers alone), at the end (mean of the
// last year), each with its 95% interval over seeds.
func leverTable(sc *scenario.Scenario, rs []batch.Result, levers []int) Table {
	seeds := len(rs) / len(sc.Arms)
	last := len(sc.Arms) - 1
	base := sc.Arms[0].Name
	t := Table{Caption: fmt.Sprintf("Each lever alone and all together, minus %s, paired by seed (mean of the last year [95%% interval]); the interaction is what the levers together add to the sum of their effects alone.", base),
		Head: []string{"metric"}}
	for _, a := range levers {
		t.Head = append(t.Head, sc.Arms[a].Name)
	}
	t.Head = append(t.Head, "sum of the levers", sc.Arms[last].Name, "interaction")
	for _, name := range headline {
		col := rs[0].Series.Column(name)
		if col < 0 {
			continue
		}
		end := func(a int) []float64 { return batch.EndValues(rs, seeds, a, col) }
		b := end(0)
		row := []string{name}
		sum := make([]float64, seeds)
		for _, a := range levers {
			d := diff(end(a), b)
			for s := range sum {
				sum[s] += d[s]
			}
			row = append(row, meanText(d))
		}
		together := diff(end(last), b)
		row = append(row, meanText(sum), meanText(together), meanText(diff(together, sum)))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// diff returns xs − ys, seed by seed.
func diff(xs, ys []float64) []float64 {
	d := make([]float64, len(xs))
	for i := range xs {
		d[i] = xs[i] - ys[i]
	}
	return d
}

// meanText formats the mean of xs and its 95% interval.
func meanText(xs []float64) string {
	mean, lo, hi := interval.MeanCI(xs, 0.95)
	return numfmt.Interval(mean, lo, hi, numfmt.Any, true)
}
