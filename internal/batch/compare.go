package batch

import (
	"fmt"

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
// differences, its 95% interval, and in how many seeds the first is lower
// and higher.
type Paired struct {
	Mean, Lo, Hi         float64
	Lower, Higher, Seeds int
}

// Compare pairs xs with base seed by seed (xs − base).
func Compare(xs, base []float64) Paired {
	d := make([]float64, len(xs))
	p := Paired{Seeds: len(xs)}
	for s := range xs {
		d[s] = xs[s] - base[s]
		switch {
		case d[s] < 0:
			p.Lower++
		case d[s] > 0:
			p.Higher++
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

// Direction says which way the arm moved, by the sign of the mean
// difference, and in how many seeds it moved that way: "lower in 12/12",
// "higher in 9/12", or "no change in 12/12".
func (p Paired) Direction() string {
	switch {
	case p.Mean < 0:
		return fmt.Sprintf("lower in %d/%d", p.Lower, p.Seeds)
	case p.Mean > 0:
		return fmt.Sprintf("higher in %d/%d", p.Higher, p.Seeds)
	}
	return fmt.Sprintf("no change in %d/%d", p.Seeds-p.Lower-p.Higher, p.Seeds)
}
