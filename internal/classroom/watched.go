package classroom

import (
	"cmp"
	"math"
	"slices"
)

// Watching is which of the lesson's worlds the class watches: its seed is
// chosen from the answer over every seed, when the answer is in by the
// time the worlds start.
type Watching int

// The worlds a teacher may show.
const (
	Typical    Watching = iota // the world whose effect is nearest the median of the worlds: it represents the answer
	Surprising                 // the world that bears the answer out least, to discuss chance
)

// counted returns the indices of the seeds the answer counts (those whose
// precondition held), ordered by their effect, the lower index first on a
// tie.
func (a *Answer) counted() []int {
	var ks []int
	for k := range a.Diff {
		if a.Passed == nil || a.Passed[k] {
			ks = append(ks, k)
		}
	}
	slices.SortStableFunc(ks, func(i, j int) int { return cmp.Compare(a.Diff[i], a.Diff[j]) })
	return ks
}

// Median returns the median of the counted seeds' effects (the mean of the
// two in the middle of an even number), or NaN when none counts.
func (a *Answer) Median() float64 {
	ks := a.counted()
	n := len(ks)
	switch {
	case n == 0:
		return math.NaN()
	case n%2 == 1:
		return a.Diff[ks[n/2]]
	}
	return (a.Diff[ks[n/2-1]] + a.Diff[ks[n/2]]) / 2
}

// Typical returns the index of the counted seed whose effect is nearest
// the median (the first in the seed list on a tie), or −1 when none counts.
func (a *Answer) Typical() int {
	m, best := a.Median(), -1
	for k := range a.Diff {
		if (a.Passed == nil || a.Passed[k]) && (best < 0 || math.Abs(a.Diff[k]-m) < math.Abs(a.Diff[best]-m)) {
			best = k
		}
	}
	return best
}

// Surprising returns the index of the counted seed that bears the answer
// out least: the lowest effect where the worlds mostly ended higher (the
// mean above zero), the highest where they mostly ended lower, and with
// no direction the farthest from the median; −1 when none counts.
func (a *Answer) Surprising() int {
	ks := a.counted()
	if len(ks) == 0 {
		return -1
	}
	first, last := ks[0], ks[len(ks)-1]
	switch m := a.Median(); {
	case a.Mean > 0:
		return first
	case a.Mean < 0:
		return last
	case math.Abs(a.Diff[last]-m) > math.Abs(a.Diff[first]-m):
		return last
	}
	return first
}

// Place returns the rank of seed index k among the counted seeds by effect,
// from 1 for the lowest, and how many are counted; 0 when k is not counted.
func (a *Answer) Place(k int) (rank, of int) {
	ks := a.counted()
	return slices.Index(ks, k) + 1, len(ks)
}

// Pick returns the index of the seed to watch, or −1 when none counts.
func (a *Answer) Pick(w Watching) int {
	if w == Surprising {
		return a.Surprising()
	}
	return a.Typical()
}
