package batch

import (
	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/scenario"
)

// EndValues returns a metric (by column) at the end of each seed of arm a —
// the mean over its last year, as claims read it — in seed order; rs is
// ordered by arm, then seed, as Run returns it.
func EndValues(rs []Result, seeds, a, col int) []float64 {
	xs := make([]float64, seeds)
	end := scenario.Moment{Month: -1}
	for s := range seeds {
		r := &rs[a*seeds+s]
		xs[s] = At(r, end, r.Series.Names[col])
	}
	return xs
}

// Paired is a paired comparison over seeds: the mean of the per-seed
// differences, its 95% interval, and in how many seeds the first is lower.
type Paired struct {
	Mean, Lo, Hi float64
	Lower, Seeds int
}

// Compare pairs xs with base seed by seed (xs − base).
func Compare(xs, base []float64) Paired {
	d := make([]float64, len(xs))
	p := Paired{Seeds: len(xs)}
	for s := range xs {
		d[s] = xs[s] - base[s]
		if d[s] < 0 {
			p.Lower++
		}
	}
	p.Mean, p.Lo, p.Hi = interval.MeanCI(d, 0.95)
	return p
}

// Metric returns a metric of arm a in every seed of the point, read at the
// moment m.
func (p *Point) Metric(a int, m scenario.Moment, metric string) []float64 {
	var xs []float64
	for i := range p.Results {
		if r := &p.Results[i]; r.Arm == a {
			xs = append(xs, At(r, m, metric))
		}
	}
	return xs
}
