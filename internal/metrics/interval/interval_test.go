package interval

import (
	"math"
	"testing"
)

func TestMeanCI(t *testing.T) {
	mean, lo, hi := MeanCI([]float64{1, 2, 3, 4, 5}, 0.95)
	// t(0.975, 4) = 2.7764; sd = √2.5; half-width = 2.7764·1.5811/√5 = 1.9632.
	if math.Abs(mean-3) > 1e-12 || math.Abs(hi-mean-1.9632) > 1e-4 || math.Abs((mean-lo)-(hi-mean)) > 1e-12 {
		t.Fatalf("MeanCI = %v [%v, %v]", mean, lo, hi)
	}
	if m, l, h := MeanCI([]float64{7}, 0.95); m != 7 || l != 7 || h != 7 {
		t.Fatalf("one value: %v [%v, %v]", m, l, h)
	}
}
