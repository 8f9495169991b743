package claims

import (
	"math"
	"testing"

	"commonwealth/internal/scenario"
)

// TestDecide checks verdicts on hand-made values: the interval decides
// "<", ">" and "within"; the sign test decides truth values.
func TestDecide(t *testing.T) {
	for _, c := range []struct {
		name   string
		claim  scenario.Claim
		values []float64
		bool   bool
		want   bool
		agree  int
	}{
		{"clearly below", scenario.Claim{Op: "<"}, []float64{-1, -1.1, -0.9, -1.2}, false, true, 4},
		{"straddles zero", scenario.Claim{Op: "<"}, []float64{-1, 1, -0.5, 0.4}, false, false, 2},
		{"clearly above", scenario.Claim{Op: ">"}, []float64{2, 2.1, 1.9}, false, true, 3},
		{"below is not above", scenario.Claim{Op: ">"}, []float64{-2, -2.1, -1.9}, false, false, 0},
		{"within", scenario.Claim{Op: "within", Tolerance: 0.1}, []float64{0.01, -0.02, 0.0, 0.015}, false, true, 4},
		{"interval wider than the tolerance", scenario.Claim{Op: "within", Tolerance: 0.1}, []float64{0.09, -0.09, 0.08, -0.08}, false, false, 4},
		{"one seed has no interval", scenario.Claim{Op: "<"}, []float64{-0.3}, false, true, 1},
		// 5 of 5: p = 1/32 < 0.05.
		{"true in every seed", scenario.Claim{}, []float64{1, 1, 1, 1, 1}, true, true, 5},
		// 4 of 5: p = 6/32 > 0.05.
		{"true in most seeds is not enough with five", scenario.Claim{}, []float64{1, 1, 0, 1, 1}, true, false, 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := Verdict{Claim: &c.claim, Values: c.values, Boolean: c.bool}
			v.decide()
			if v.Supported != c.want || v.Agree != c.agree {
				t.Fatalf("supported %v agree %d (%s); want %v, %d", v.Supported, v.Agree, v.Evidence, c.want, c.agree)
			}
		})
	}
	v := Verdict{Claim: &scenario.Claim{}, Values: []float64{1, 1, 1, 1, 1}, Boolean: true}
	v.decide()
	if math.Abs(v.P-1.0/32) > 1e-12 || v.Evidence != "holds in 5/5 seeds (sign test p = 0.0312)" {
		t.Fatalf("p %v, evidence %q", v.P, v.Evidence)
	}
}
