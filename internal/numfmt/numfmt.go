// Package numfmt writes numbers for people — the terminal, the report, a
// claim's evidence — one way everywhere: a few significant figures, never
// an exponent (1.2e-05 is written 0.000012), a true minus sign, and
// intervals whose bounds share their decimals and stay inside what the
// metric can be. Tables for programs (CSV) keep every digit instead.
package numfmt

import (
	"math"
	"strconv"
	"strings"

	"commonwealth/internal/metrics/interval"
)

// Minus is the minus sign people read: U+2212, not the hyphen.
const Minus = "−"

// decimals is how many digits after the point show x to sig significant
// figures (0 when x needs none: 1234 to 3 figures is 1234).
func decimals(x float64, sig int) int {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0
	}
	return max(0, sig-1-int(math.Floor(math.Log10(math.Abs(x)))))
}

// fixed writes x with d decimals, a true minus sign, and no "−0".
func fixed(x float64, d int, signed bool) string {
	switch {
	case math.IsNaN(x):
		return "n/a"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return Minus + "∞"
	}
	s := strconv.FormatFloat(x, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // −0.000 is 0.000
	}
	if strings.HasPrefix(s, "-") {
		return Minus + s[1:]
	}
	if signed && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// Number writes x to three significant figures (whole numbers from 100 up
// keep all their digits), without trailing zeros: 0.853, 0.5, 12.3, 1234,
// 0.000012, −0.25.
func Number(x float64) string {
	s := fixed(x, decimals(x, 3), false)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Signed is Number with a sign, + or −, on every number but zero.
func Signed(x float64) string {
	s := Number(x)
	if x > 0 && strings.Trim(s, "0.") != "" {
		return "+" + s
	}
	return s
}

// Range is what a metric can be: [Lo, Hi], either end infinite when
// unbounded.
type Range struct{ Lo, Hi float64 }

// Any is the range of a number that can be anything (a difference).
var Any = Range{math.Inf(-1), math.Inf(1)}

// RangeOf reads a metric's range from its unit as the registry writes it:
// "0..1" and "0.2..1" are ranges, a count is never negative; any other
// unit gives Any.
func RangeOf(unit string) Range {
	if lo, hi, ok := strings.Cut(unit, ".."); ok {
		a, errA := strconv.ParseFloat(lo, 64)
		b, errB := strconv.ParseFloat(hi, 64)
		if errA == nil && errB == nil && a <= b {
			return Range{a, b}
		}
	}
	if unit == "count" {
		return Range{0, math.Inf(1)}
	}
	return Any
}

// Sample writes values' mean and its 95% t interval as Interval does,
// clipped to the range the unit gives (RangeOf) while every value lies in
// it: a range the values themselves leave (the production economy's shares
// and Gini of net worth, where many are in debt) says nothing of where their
// interval may reach.
func Sample(values []float64, unit string) string {
	mean, lo, hi := interval.MeanCI(values, 0.95)
	return Interval(mean, lo, hi, RangeOf(unit).holding(values), false)
}

// holding is r when every one of values lies in it, else Any.
func (r Range) holding(values []float64) Range {
	for _, v := range values {
		if v < r.Lo || v > r.Hi {
			return Any
		}
	}
	return r
}

// clip keeps x inside r.
func (r Range) clip(x float64) float64 { return min(max(x, r.Lo), r.Hi) }

// Interval writes "mean [lo, hi]" with the bounds clipped to r (a t
// interval of a share near zero may reach below it; the share cannot) and
// all three with the same decimals: enough for two significant figures of
// the interval's width, and for two of the largest of the three, but not
// more than six. With signed every number but zero carries its sign.
func Interval(mean, lo, hi float64, r Range, signed bool) string {
	lo, hi = r.clip(lo), r.clip(hi)
	big := max(math.Abs(mean), math.Abs(lo), math.Abs(hi))
	d := decimals(big, 3)
	if w := hi - lo; w > 0 && !math.IsInf(w, 0) {
		d = min(max(decimals(w, 2), decimals(big, 2)), decimals(big, 6))
	}
	if mean != 0 && math.Abs(mean) < 0.5*math.Pow10(-d) {
		d = min(max(d, decimals(math.Abs(mean), 1)), decimals(big, 6)) // a mean that is not zero is not printed as zero
	}
	return fixed(mean, d, signed) + " [" + fixed(lo, d, signed) + ", " + fixed(hi, d, signed) + "]"
}
