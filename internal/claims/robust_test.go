package claims

import (
	"math"
	"math/rand/v2"
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
