package claims

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Robustness is how one claim fares over the plausible values of the
// scenario's uncertain keys: the share of parameter sets where each verdict
// came out, and which keys move the claim's effect most.
type Robustness struct {
	Sets      int
	Share     [3]float64  // indexed by Outcome
	Influence []Influence // every uncertain key, the most influential first
}

// Influence is how strongly one uncertain key moves a claim's effect: the
// partial rank correlation coefficient (PRCC) of the key with the effect,
// the other keys held fixed — from −1 to 1, 0 for none. A monotone effect
// of any shape scores high; keys' effects on one another are taken out.
type Influence struct {
	Key  string
	PRCC float64
}

// Robust summarises the verdicts of each claim at every parameter set:
// verdicts[s][c] is claim c's verdict at set s, whose uncertain keys had
// the values x[s] (in the order of keys).
func Robust(verdicts [][]Verdict, keys []string, x [][]float64) []Robustness {
	if len(verdicts) == 0 {
		return nil
	}
	out := make([]Robustness, len(verdicts[0]))
	for c := range out {
		r := &out[c]
		r.Sets = len(verdicts)
		effects := make([]float64, len(verdicts))
		for s := range verdicts {
			r.Share[verdicts[s][c].Outcome] += 1 / float64(len(verdicts))
			effects[s] = verdicts[s][c].Mean
		}
		for k, key := range keys {
			r.Influence = append(r.Influence, Influence{Key: key, PRCC: prcc(x, effects, k)})
		}
		slices.SortStableFunc(r.Influence, func(a, b Influence) int {
			return cmp.Compare(abs(b.PRCC), abs(a.PRCC))
		})
	}
	return out
}

// abs is |x|, with NaN (no influence to measure) below every number.
func abs(x float64) float64 {
	if math.IsNaN(x) {
		return -1
	}
	return math.Abs(x)
}

// Summary says in one line how often the claim was supported and what
// moves it most.
func (r Robustness) Summary() string {
	s := fmt.Sprintf("supported in %.0f%% of %d parameter sets, contradicted in %.0f%%, inconclusive in %.0f%%",
		100*r.Share[Supported], r.Sets, 100*r.Share[Contradicted], 100*r.Share[Inconclusive])
	if infl := r.InfluenceText(2); infl != "" {
		s += "; most influential: " + infl
	}
	return s
}

// InfluenceText lists the n most influential keys with their PRCC.
func (r Robustness) InfluenceText(n int) string {
	var parts []string
	for _, in := range r.Influence[:min(n, len(r.Influence))] {
		if !math.IsNaN(in.PRCC) {
			parts = append(parts, fmt.Sprintf("%s (PRCC %s)", in.Key, strings.Replace(fmt.Sprintf("%+.2f", in.PRCC), "-", "−", 1)))
		}
	}
	return strings.Join(parts, ", ")
}

// prcc is the partial rank correlation of column k of x with y: the
// correlation of the residuals of rank(x_k) and of rank(y), each regressed
// (least squares, with an intercept) on the ranks of the other columns.
// NaN when there are too few sets to hold the other columns fixed, or when
// either residual does not vary.
func prcc(x [][]float64, y []float64, k int) float64 {
	n, cols := len(x), len(x[0])
	if n < cols+2 {
		return math.NaN()
	}
	ranked := make([][]float64, cols)
	for j := range cols {
		col := make([]float64, n)
		for i := range n {
			col[i] = x[i][j]
		}
		ranked[j] = ranks(col)
	}
	others := mat.NewDense(n, cols, nil) // an intercept and the other columns
	for i := range n {
		others.Set(i, 0, 1)
		c := 1
		for j := range cols {
			if j != k {
				others.Set(i, c, ranked[j][i])
				c++
			}
		}
	}
	rx, ok1 := residuals(others, ranked[k])
	ry, ok2 := residuals(others, ranks(y))
	if !ok1 || !ok2 || stat.StdDev(rx, nil) == 0 || stat.StdDev(ry, nil) == 0 {
		return math.NaN()
	}
	return stat.Correlation(rx, ry, nil)
}

// residuals returns y minus its least-squares fit on the columns of a.
func residuals(a *mat.Dense, y []float64) ([]float64, bool) {
	b := mat.NewVecDense(len(y), slices.Clone(y))
	var coef mat.VecDense
	if err := coef.SolveVec(a, b); err != nil {
		return nil, false
	}
	var fit mat.VecDense
	fit.MulVec(a, &coef)
	out := make([]float64, len(y))
	for i := range y {
		out[i] = y[i] - fit.AtVec(i)
	}
	return out, true
}

// ranks returns the rank of each value among xs, from 1, ties sharing
// their mean rank.
func ranks(xs []float64) []float64 {
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(xs[a], xs[b]) })
	r := make([]float64, len(xs))
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && xs[order[j+1]] == xs[order[i]] {
			j++
		}
		for t := i; t <= j; t++ {
			r[order[t]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}
