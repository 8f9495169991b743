package metrics

import "math"

// PowerLawExponent fits a power law p(x) ∝ x^−α to the values of xs at or
// above xmin by maximum likelihood, with the continuous approximation for
// integer data of Clauset, Shalizi and Newman (SIAM Review 51, 2009, eq. 3.7):
//
//	α = 1 + n / Σ ln(x_i / (xmin − ½)).
//
// It also returns the share of xs in the tail. α is NaN with fewer than two
// values in the tail.
func PowerLawExponent(xs []float64, xmin float64) (alpha, tailShare float64) {
	var n, logs float64
	for _, x := range xs {
		if x >= xmin {
			n++
			logs += math.Log(x / (xmin - 0.5))
		}
	}
	if n < 2 || logs == 0 {
		return math.NaN(), 0
	}
	return 1 + n/logs, n / float64(len(xs))
}
