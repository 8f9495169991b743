package claims

import (
	"math"
	"strings"
	"testing"

	"commonwealth/internal/batch"
	"commonwealth/internal/scenario"
)

// TestDecide checks verdicts on hand-made values with known intervals:
// each of the three verdicts for "<", ">" and "within", and for the sign
// test of truth values.
func TestDecide(t *testing.T) {
	S, C, I := Supported, Contradicted, Inconclusive
	for _, c := range []struct {
		name   string
		claim  scenario.Claim
		values []float64
		bool   bool
		want   Outcome
		agree  int
	}{
		{"clearly below", scenario.Claim{Op: "<"}, []float64{-1, -1.1, -0.9, -1.2}, false, S, 4},
		{"straddles zero", scenario.Claim{Op: "<"}, []float64{-1, 1, -0.5, 0.4}, false, I, 2},
		{"clearly above, claimed below", scenario.Claim{Op: "<"}, []float64{1, 1.1, 0.9}, false, C, 0},
		{"clearly above", scenario.Claim{Op: ">"}, []float64{2, 2.1, 1.9}, false, S, 3},
		{"below is not above", scenario.Claim{Op: ">"}, []float64{-2, -2.1, -1.9}, false, C, 0},
		{"within", scenario.Claim{Op: "within", Tolerance: 0.1}, []float64{0.01, -0.02, 0.0, 0.015}, false, S, 4},
		{"interval wider than the tolerance", scenario.Claim{Op: "within", Tolerance: 0.1}, []float64{0.09, -0.09, 0.08, -0.08}, false, I, 4},
		{"wholly outside the tolerance", scenario.Claim{Op: "within", Tolerance: 0.1}, []float64{0.5, 0.52, 0.49}, false, C, 0},
		{"one seed has no interval", scenario.Claim{Op: "<"}, []float64{-0.3}, false, I, 1},
		// A margin: "lowers it by at least 0.02" (and "raises it by at least").
		{"lowers by more than the margin", scenario.Claim{Op: "<", By: 0.02}, []float64{-0.05, -0.06, -0.04, -0.05}, false, S, 4},
		{"lowers, but by less than the margin", scenario.Claim{Op: "<", By: 0.02}, []float64{-0.01, -0.012, -0.008, -0.011}, false, C, 0},
		{"lowers by about the margin", scenario.Claim{Op: "<", By: 0.02}, []float64{-0.01, -0.03, -0.015, -0.025}, false, I, 2},
		{"raises by more than the margin", scenario.Claim{Op: ">", By: 0.02}, []float64{0.05, 0.06, 0.04}, false, S, 3},
		{"raises, but by less than the margin", scenario.Claim{Op: ">", By: 0.02}, []float64{0.01, 0.012, 0.008}, false, C, 0},
		// 5 of 5: p = 1/32 < 0.05.
		{"true in every seed", scenario.Claim{}, []float64{1, 1, 1, 1, 1}, true, S, 5},
		// 4 of 5: p = 6/32 > 0.05 either way.
		{"true in most seeds is not enough with five", scenario.Claim{}, []float64{1, 1, 0, 1, 1}, true, I, 4},
		// 0 of 5: the chance of none agreeing is 1/32 < 0.05.
		{"false in every seed", scenario.Claim{}, []float64{0, 0, 0, 0, 0}, true, C, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := Verdict{Claim: &c.claim, Values: c.values, Boolean: c.bool, Tol: c.claim.Tolerance}
			v.decide()
			if v.Outcome != c.want || v.Agree != c.agree {
				t.Fatalf("%v, agree %d (%s); want %v, %d", v.Outcome, v.Agree, v.Evidence, c.want, c.agree)
			}
		})
	}
	v := Verdict{Claim: &scenario.Claim{Op: "<", By: 0.02, Metric: "gini_wealth", Arm: "a", Compare: "b"}, Values: []float64{-0.05, -0.06, -0.04}}
	v.decide()
	if !strings.HasSuffix(v.Evidence, "3/3 seeds agree; claimed < −0.02") {
		t.Errorf("evidence %q", v.Evidence)
	}
	v = Verdict{Claim: &scenario.Claim{}, Values: []float64{1, 1, 1, 1, 1}, Boolean: true}
	v.decide()
	if math.Abs(v.P-1.0/32) > 1e-12 || v.Evidence != "holds in 5/5 seeds (sign test p = 0.0312)" || v.Test != "one-sided sign test over 5 seeds" {
		t.Fatalf("p %v, evidence %q, test %q", v.P, v.Evidence, v.Test)
	}
}

// result is a hand-made run whose metric is x in every month.
func result(x float64) batch.Result {
	return batch.Result{Series: batch.Series{Names: []string{"gini_wealth"}, Months: []int{0, 1}, Rows: [][]float64{{x}, {x}}}}
}

// TestRelativeTolerance judges "within 10%" against the compared arm's
// mean: the same absolute difference passes at one level and fails at a
// tenth of it.
func TestRelativeTolerance(t *testing.T) {
	src := []byte(`model = "exchange"
months = 1
seeds = 3
[[arm]]
name = "a"
[[arm]]
name = "b"
[[claim]]
text = "a is within 10% of b"
metric = "gini_wealth"
arm = "a"
compare = "b"
op = "within"
tolerance = "10%"
`)
	sc, err := scenario.Parse("rel.toml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		level float64
		want  Outcome
	}{{1, Supported}, {0.1, Contradicted}} {
		// a is b + 0.03 (± a little): 3% of 1, but 30% of 0.1.
		rs := []batch.Result{result(c.level + 0.03), result(c.level + 0.031), result(c.level + 0.029),
			result(c.level), result(c.level), result(c.level)}
		vs, err := Judge(sc, rs)
		if err != nil {
			t.Fatal(err)
		}
		if v := vs[0]; v.Outcome != c.want || math.Abs(v.Tol-0.1*c.level) > 1e-12 || !strings.Contains(v.Evidence, "10% of the reference's mean") {
			t.Errorf("level %g: %v, tolerance %g (%s); want %v", c.level, v.Outcome, v.Tol, v.Evidence, c.want)
		}
	}
}
