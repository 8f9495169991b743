package claims

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"commonwealth/internal/scenario"
)

// TestPRCC checks the partial rank correlation on made-up data: an effect
// that rises with one key and falls with another gets a strong positive and
// a strong negative PRCC; a key it ignores gets about 0. (PRCC reaches ±1
// only when the effect is linear in the ranks; for these curved effects,
// summed, it is about ±0.8 to ±0.95.)
func TestPRCC(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var x [][]float64
	var y []float64
	for range 200 {
		a, b, c := r.Float64(), r.Float64(), r.Float64()
		x = append(x, []float64{a, b, c})
		y = append(y, math.Exp(3*a)-10*b*b*b) // rises with a, falls with b, ignores c
	}
	got := []float64{prcc(x, y, 0), prcc(x, y, 1), prcc(x, y, 2)}
	// With 200 sets, an unrelated key's PRCC has a standard error of about
	// 1/sqrt(200) ≈ 0.07; 0.2 is three of them.
	if got[0] < 0.75 || got[1] > -0.75 || math.Abs(got[2]) > 0.2 {
		t.Fatalf("PRCC %v, want about +1, −1, 0", got)
	}
	if !math.IsNaN(prcc(x[:3], y[:3], 0)) {
		t.Error("three sets cannot hold two other keys fixed, yet a PRCC came out")
	}
}

// TestRobust checks the shares of each verdict and the ranking.
func TestRobust(t *testing.T) {
	c := &scenario.Claim{Op: "<"}
	var vs [][]Verdict
	var x [][]float64
	for s := range 10 {
		out := Supported
		if s >= 6 {
			out = Contradicted
		}
		vs = append(vs, []Verdict{{Claim: c, Outcome: out, Mean: float64(s)}})
		x = append(x, []float64{float64(10 - s), float64((s * 7) % 10)})
	}
	rob := Robust(vs, []string{"a", "b"}, x)
	if rob[0].Share[Supported] != 0.6 || rob[0].Share[Contradicted] != 0.4 || rob[0].Influence[0].Key != "a" || rob[0].Influence[0].PRCC > -0.99 {
		t.Fatalf("%+v", rob[0])
	}
}

// TestPRCCInterval checks the Fisher z interval against numbers worked by
// hand, and the warning on too few sets: the example, 8 sets and 4
// keys (3 others held fixed), leaves a standard error of 1/√2 on z, so
// only |PRCC| > tanh(1.96/√2) ≈ 0.88 differs from none.
func TestPRCCInterval(t *testing.T) {
	lo, hi := prccInterval(0, 8, 3)
	if math.Abs(hi-0.8823) > 1e-4 || math.Abs(lo+0.8823) > 1e-4 {
		t.Errorf("r = 0, 8 sets, 3 other keys: [%v, %v], want ±0.882", lo, hi)
	}
	if r := SmallestPRCC(8, 4); math.Abs(r-hi) > 1e-12 {
		t.Errorf("smallest PRCC %v, want %v", r, hi)
	}
	// r = 0.5 over 103 sets with no other key: z = 0.5493, se = 0.1.
	lo, hi = prccInterval(0.5, 103, 0)
	if math.Abs(lo-math.Tanh(0.5493061-0.1959964)) > 1e-6 || math.Abs(hi-math.Tanh(0.5493061+0.1959964)) > 1e-6 {
		t.Errorf("r = 0.5, 103 sets: [%v, %v]", lo, hi)
	}
	if lo, _ := prccInterval(0.9, 6, 3); !math.IsNaN(lo) {
		t.Error("6 sets and 3 other keys leave no degree of freedom, yet an interval came out")
	}
	if w := tooFew(8, 4); !strings.Contains(w, "8 sets judged for 4 uncertain keys: a PRCC must exceed ±0.88 to differ from none (95%); run at least 22 sets") {
		t.Errorf("warning %q", w)
	}
	if w := tooFew(22, 4); w != "" {
		t.Errorf("22 sets for 4 keys: warning %q", w)
	}
	if w := tooFew(5, 4); !strings.Contains(w, "too few for an interval") {
		t.Errorf("5 sets for 4 keys: warning %q", w)
	}
	if w := tooFew(0, 4); w != "no set where the claim was judged: no PRCC" {
		t.Errorf("no set judged: warning %q", w)
	}
}

// TestRobustGiven checks that sets where the claim's precondition failed
// are counted apart from the three verdicts and left out of the PRCCs: the
// effect rises with key a where the claim applies, and the sets where it
// does not carry effects that would reverse that.
func TestRobustGiven(t *testing.T) {
	g, err := scenario.ParseGiven("a.gini_wealth > 0", []string{"a"}, []string{"gini_wealth"})
	if err != nil {
		t.Fatal(err)
	}
	c := &scenario.Claim{Op: "<", Given: g}
	var vs [][]Verdict
	var x [][]float64
	for s := range 40 {
		v := Verdict{Claim: c, Outcome: Supported, Mean: float64(s) + 8*math.Sin(float64(s)), Values: make([]float64, 4)}
		if s%4 == 0 {
			// Not applicable, with a misleading effect that PRCC must not see.
			v.Outcome, v.Mean, v.Failed = NotApplicable, float64(-10*s), 3
		}
		vs = append(vs, []Verdict{v})
		x = append(x, []float64{float64(s), float64((s * 7) % 40)})
	}
	r := Robust(vs, []string{"a", "b"}, x)[0]
	if r.Share[NotApplicable] != 0.25 || r.Share[Supported] != 0.75 || r.Judged != 30 || math.Abs(r.SeedsFailed-30.0/160) > 1e-12 {
		t.Fatalf("%+v", r)
	}
	if in := r.Influence[0]; in.Key != "a" || in.PRCC < 0.7 || !(in.Lo > 0.3 && in.Lo < in.PRCC && in.PRCC < in.Hi) {
		t.Errorf("most influential %+v", in)
	}
	s := r.Summary()
	for _, want := range []string{"supported in 75% of 40 parameter sets", "NOT APPLICABLE in 25% (its precondition failed there; it failed in 19% of all seeds)", "a (PRCC +0."} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
	if strings.Contains(s, "warning") {
		t.Errorf("30 sets for 2 keys: %q", s)
	}
	var sets, infl strings.Builder
	if err := WriteRobustCSV(&sets, []string{"a", "b"}, x, vs); err != nil {
		t.Fatal(err)
	}
	if err := WriteInfluenceCSV(&infl, []int{1}, []Robustness{r}); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(sets.String(), "\n")
	if rows[0] != "set,a,b,claim,verdict,effect,lo,hi,seeds_failed" || !strings.HasPrefix(rows[1], "1,0,0,0,NOT APPLICABLE,") || !strings.HasSuffix(rows[1], ",3") ||
		!strings.Contains(rows[2], ",SUPPORTED,") || !strings.HasSuffix(rows[2], ",0") {
		t.Errorf("robust.csv begins %q", rows[:3])
	}
	rows = strings.Split(infl.String(), "\n")
	if len(rows) != 4 || !strings.HasPrefix(rows[1], "1,a,0.") || !strings.Contains(rows[1], ",30,27,0.3665") { // tanh(1.96/√26)
		t.Errorf("robust_influence.csv: %q", rows)
	}
}
