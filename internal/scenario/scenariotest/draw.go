// Package scenariotest draws scenario values at random for property tests.
package scenariotest

import (
	"fmt"
	"math"
	"math/rand/v2"

	"commonwealth/internal/scenario"
)

// Draw draws a value of key k from its documented range, as --set takes
// it: uniformly, log-uniformly where the range spans orders of magnitude,
// and one time in edge at one of the range's ends (0 for never).
func Draw(r *rand.Rand, k *scenario.Key, edge int) string {
	switch {
	case k.Choices != nil:
		return k.Choices[r.IntN(len(k.Choices))]
	case k.Kind == scenario.Bool:
		return fmt.Sprint(r.IntN(2) == 1)
	}
	lo, hi := k.Min, min(k.Max, 1e12)
	x := lo + r.Float64()*(hi-lo)
	if lo >= 0 && hi > 100*max(lo, 1) {
		x = math.Exp(math.Log(max(lo, 1e-3)) + r.Float64()*(math.Log(hi)-math.Log(max(lo, 1e-3))))
	}
	if edge > 0 && r.IntN(edge) == 0 {
		x = lo
		if r.IntN(2) == 0 {
			x = hi
		}
	}
	if k.MaxOpen && x >= k.Max {
		x = k.Min
	}
	x = min(max(x, lo), hi)
	if k.Kind == scenario.Int {
		return fmt.Sprint(int64(math.Round(x)))
	}
	return fmt.Sprint(x)
}
