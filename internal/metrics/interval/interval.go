// Package interval gives the confidence intervals the batch tools and the
// window's lessons report over seeds. Its arithmetic is the same in every
// build, so that the browser's answer to a lesson equals `headless check`'s
// to the last bit; only Student's t quantile comes from gonum outside the
// browser and from a table made from gonum in it (quantile_js.go), since
// gonum's statistics would add 0.8 MB to the gzipped browser build.
package interval

import "math"

// MeanCI returns the mean of xs and the two-sided confidence interval of the
// given level (0.95 for 95%) for the mean, by Student's t with len(xs)−1
// degrees of freedom. With fewer than two values the interval is the mean.
func MeanCI(xs []float64, level float64) (mean, lo, hi float64) {
	n := float64(len(xs))
	for _, x := range xs {
		mean += x
	}
	mean /= n
	if len(xs) < 2 {
		return mean, mean, mean
	}
	// The corrected two-pass variance (Chan, Golub and LeVeque 1983):
	// the second sum corrects the rounding of the mean.
	var ss, comp float64
	for _, x := range xs {
		d := x - mean
		ss += d * d
		comp += d
	}
	sd := math.Sqrt((ss - comp*comp/n) / (n - 1))
	half := tQuantile(0.5+level/2, len(xs)-1) * sd / math.Sqrt(n)
	return mean, mean - half, mean + half
}
