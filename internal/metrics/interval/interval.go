// Package interval gives the confidence intervals the batch tools report
// over seeds. It is apart from package metrics so that the window, which
// measures one world at a time, does not carry gonum's statistics into
// its browser build.
package interval

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MeanCI returns the mean of xs and the two-sided confidence interval of the
// given level (0.95 for 95%) for the mean, by Student's t with len(xs)−1
// degrees of freedom. With fewer than two values the interval is the mean.
func MeanCI(xs []float64, level float64) (mean, lo, hi float64) {
	mean = stat.Mean(xs, nil)
	n := float64(len(xs))
	if len(xs) < 2 {
		return mean, mean, mean
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.5 + level/2)
	half := t * stat.StdDev(xs, nil) / math.Sqrt(n)
	return mean, mean - half, mean + half
}
