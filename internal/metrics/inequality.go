// Package metrics turns snapshots of a world into numbers: inequality
// measures, shares and class structure, and records them over time. It knows
// nothing of how the world steps; the driver decides when to observe.
package metrics

// Gini returns the Gini coefficient of sorted, a non-decreasing slice of
// non-negative values:
//
//	G = (2 Σ_i i·x_i) / (n Σ_i x_i) − (n + 1)/n,  i = 1..n.
//
// It is 0 when everyone holds the same and approaches 1 when one holds all.
// It returns 0 for an empty slice or a zero total.
func Gini[T int64 | float64](sorted []T) float64 {
	var weighted, total float64
	for i, x := range sorted {
		weighted += float64(i+1) * float64(x)
		total += float64(x)
	}
	n := float64(len(sorted))
	if total == 0 {
		return 0
	}
	return 2*weighted/(n*total) - (n+1)/n
}

// TopShare returns the share of the total held by the richest fraction p of
// sorted (non-decreasing), counting whole persons: the richest ⌈p·n⌉.
func TopShare[T int64 | float64](sorted []T, p float64) float64 {
	return topShare(sorted, p, sumOf(sorted))
}

// topShare is TopShare given the total of sorted.
func topShare[T int64 | float64](sorted []T, p, total float64) float64 {
	n := len(sorted)
	k := ceilCount(p, n)
	return sumOf(sorted[n-k:]) / nonZero(total)
}

// BottomShare returns the share of the total held by the poorest fraction p of
// sorted (non-decreasing): the poorest ⌊p·n⌋ persons.
func BottomShare[T int64 | float64](sorted []T, p float64) float64 {
	return bottomShare(sorted, p, sumOf(sorted))
}

// bottomShare is BottomShare given the total of sorted.
func bottomShare[T int64 | float64](sorted []T, p, total float64) float64 {
	k := int(p * float64(len(sorted)))
	return sumOf(sorted[:k]) / nonZero(total)
}

// Lorenz writes into dst the Lorenz curve of sorted (non-decreasing) at the
// population fractions p_k = k/(len(dst)−1): the share of the total held by
// the poorest p_k, interpolated linearly between persons. It returns dst.
func Lorenz(dst []float64, sorted []int64) []float64 {
	n := len(sorted)
	total := nonZero(sumOf(sorted))
	var cum float64
	next := 0 // persons counted into cum
	for k := range dst {
		pos := float64(k) / float64(len(dst)-1) * float64(n)
		whole := int(pos)
		for ; next < whole; next++ {
			cum += float64(sorted[next])
		}
		share := cum
		if whole < n {
			share += (pos - float64(whole)) * float64(sorted[whole])
		}
		dst[k] = share / total
	}
	return dst
}

func ceilCount(p float64, n int) int {
	k := int(p * float64(n))
	if float64(k) < p*float64(n) {
		k++
	}
	return min(max(k, 1), n)
}

func sumOf[T int64 | float64](xs []T) float64 {
	var s T
	for _, x := range xs {
		s += x
	}
	return float64(s)
}

// nonZero returns x, or 1 when x is zero, so shares of a zero total are zero.
func nonZero(x float64) float64 {
	if x == 0 {
		return 1
	}
	return x
}
