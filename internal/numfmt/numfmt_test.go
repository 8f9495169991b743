package numfmt

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {0.853, "0.853"}, {0.5, "0.5"}, {12.34, "12.3"}, {1234.6, "1235"}, {1.2e-05, "0.000012"},
		{-0.25, "−0.25"}, {-1e-12, "−0.000000000001"}, {math.NaN(), "n/a"}, {math.Inf(1), "∞"}, {123456789, "123456789"},
	} {
		if got := Number(c.x); got != c.want {
			t.Errorf("Number(%g) = %q, want %q", c.x, got, c.want)
		}
	}
	if got := Signed(0.25); got != "+0.25" {
		t.Errorf("Signed(0.25) = %q", got)
	}
	if got := Signed(0); got != "0" {
		t.Errorf("Signed(0) = %q", got)
	}
}

func TestInterval(t *testing.T) {
	share := RangeOf("0..1")
	for _, c := range []struct {
		mean, lo, hi float64
		r            Range
		signed       bool
		want         string
	}{
		{0.853, 0.8481, 0.8579, share, false, "0.8530 [0.8481, 0.8579]"},
		{0.853, 0.848, 0.858, share, false, "0.853 [0.848, 0.858]"},
		{-0.025, -0.0498, -0.0012, Any, true, "−0.025 [−0.050, −0.001]"},
		{-0.236, -0.245, -0.227, Any, true, "−0.236 [−0.245, −0.227]"},
		// A share near zero: no negative bound, no exponent.
		{1.2e-05, -3.1e-06, 2.71e-05, share, false, "0.000012 [0.000000, 0.000027]"},
		{0.98, 0.95, 1.01, share, false, "0.980 [0.950, 1.000]"},
		{1234.6, 1201, 1268, Any, false, "1235 [1201, 1268]"},
		// The same seeds in both arms: no width.
		{0, 0, 0, Any, true, "0 [0, 0]"},
		{0.5, 0.5, 0.5, share, false, "0.500 [0.500, 0.500]"},
		// A mean lost in its interval keeps two figures of the largest...
		{0.31, -5, 5, Any, true, "+0.3 [−5.0, +5.0]"},
		// ...but a mean that is not zero is never printed as zero, so that
		// "lower" or "higher" beside it can be read from it.
		{0.001, -5, 5, Any, true, "+0.001 [−5.000, +5.000]"},
		{-0.004, -0.16, 0.15, Any, true, "−0.004 [−0.160, +0.150]"},
		// An interval far narrower than the mean: six figures at most.
		{0.853, 0.853 - 1e-9, 0.853 + 1e-9, share, false, "0.853000 [0.853000, 0.853000]"},
		{3, 1, 5, RangeOf("count"), false, "3.0 [1.0, 5.0]"},
		{1, -2, 4, RangeOf("count"), false, "1.0 [0.0, 4.0]"},
	} {
		if got := Interval(c.mean, c.lo, c.hi, c.r, c.signed); got != c.want {
			t.Errorf("Interval(%g, %g, %g) = %q, want %q", c.mean, c.lo, c.hi, got, c.want)
		}
	}
}

// TestSample: a share's interval is clipped to 0..1 while its values lie in
// it; the poorest half's share of net worth, below zero where they are in
// debt, is not clipped to [0, 0] around its mean.
func TestSample(t *testing.T) {
	if got := Sample([]float64{0.01, 0.01, 0.04}, "0..1"); got != "0.020 [0.000, 0.063]" {
		t.Errorf("shares near zero: %q, want the interval clipped at 0", got)
	}
	if got := Sample([]float64{-0.032, -0.019, -0.012}, "0..1"); got != "−0.021 [−0.046, 0.004]" {
		t.Errorf("shares below zero: %q", got)
	}
}

func TestRangeOf(t *testing.T) {
	for unit, want := range map[string]Range{
		"0..1": {0, 1}, "0.2..1": {0.2, 1}, "count": {0, math.Inf(1)}, "money units": Any, "per year": Any, "1..0": Any,
	} {
		if got := RangeOf(unit); got != want {
			t.Errorf("RangeOf(%q) = %v, want %v", unit, got, want)
		}
	}
}
