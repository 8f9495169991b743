package claims

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Robustness is how one claim fares over the plausible values of the
// scenario's uncertain keys: the share of parameter sets where each verdict
// came out, apart from them the share where its precondition failed, and
// which keys move the claim's effect most.
type Robustness struct {
	Sets        int
	Share       [4]float64  // indexed by Outcome, each a share of all Sets (NotApplicable: the precondition failed)
	Given       bool        // the claim has a precondition
	SeedsFailed float64     // the share of all seeds, over every set, where the precondition failed
	Judged      int         // the sets where the claim applies and has an effect: the PRCCs are over these
	Influence   []Influence // every uncertain key, the most influential first
	Warning     string      // when the sets are too few to tell an influence from none; "" otherwise
}

// Influence is how strongly one uncertain key moves a claim's effect: the
// partial rank correlation coefficient (PRCC) of the key with the effect,
// the other keys held fixed — from −1 to 1, 0 for none. A monotone effect
// of any shape scores high; keys' effects on one another are taken out.
// Lo and Hi are its 95% interval (see prccInterval), NaN where there is
// none.
type Influence struct {
	Key    string
	PRCC   float64
	Lo, Hi float64
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
		var effects []float64
		var judged [][]float64 // the keys' values at the sets judged
		seeds, failed := 0, 0
		for s := range verdicts {
			v := &verdicts[s][c]
			r.Share[v.Outcome]++
			r.Given = r.Given || v.Claim.Given != nil
			seeds, failed = seeds+len(v.Values), failed+v.Failed
			if v.Outcome != NotApplicable && !math.IsNaN(v.Mean) && !math.IsInf(v.Mean, 0) {
				effects, judged = append(effects, v.Mean), append(judged, x[s])
			}
		}
		for o := range r.Share {
			r.Share[o] /= float64(r.Sets)
		}
		if seeds > 0 {
			r.SeedsFailed = float64(failed) / float64(seeds)
		}
		r.Judged = len(effects)
		for k, key := range keys {
			in := Influence{Key: key, PRCC: math.NaN()}
			if len(judged) > 0 {
				in.PRCC = prcc(judged, effects, k)
			}
			in.Lo, in.Hi = prccInterval(in.PRCC, len(judged), len(keys)-1)
			r.Influence = append(r.Influence, in)
		}
		r.Warning = tooFew(len(judged), len(keys))
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

// Summary says in one line how often the claim was supported, apart from
// that how often its precondition failed, what moves it most, and a
// warning when the sets are too few for the keys.
func (r Robustness) Summary() string {
	s := fmt.Sprintf("supported in %.0f%% of %d parameter sets, contradicted in %.0f%%, inconclusive in %.0f%%",
		100*r.Share[Supported], r.Sets, 100*r.Share[Contradicted], 100*r.Share[Inconclusive])
	if r.Given {
		s += fmt.Sprintf("; NOT APPLICABLE in %.0f%% (its precondition failed there; it failed in %.0f%% of all seeds)",
			100*r.Share[NotApplicable], 100*r.SeedsFailed)
	}
	if infl := r.InfluenceText(2); infl != "" {
		s += "; most influential: " + infl
	}
	if r.Warning != "" {
		s += "; warning: " + r.Warning
	}
	return s
}

// InfluenceText lists the n most influential keys with their PRCC and its
// 95% interval.
func (r Robustness) InfluenceText(n int) string {
	var parts []string
	for _, in := range r.Influence[:min(n, len(r.Influence))] {
		if math.IsNaN(in.PRCC) {
			continue
		}
		part := fmt.Sprintf("%s (PRCC %s", in.Key, signed2(in.PRCC))
		if !math.IsNaN(in.Lo) {
			part += fmt.Sprintf(" [%s, %s]", signed2(in.Lo), signed2(in.Hi))
		}
		parts = append(parts, part+")")
	}
	return strings.Join(parts, ", ")
}

// signed2 formats a correlation with its sign, a true minus and two
// decimals.
func signed2(x float64) string { return strings.Replace(fmt.Sprintf("%+.2f", x), "-", "−", 1) }

// z975 is the standard normal's 97.5% quantile.
var z975 = distuv.UnitNormal.Quantile(0.975)

// prccInterval is the 95% interval of a partial correlation r over n sets
// with k other keys held fixed, by Fisher's z: atanh(r) is about normal
// with standard error 1/√(n − 3 − k) (the partial correlation has
// n − 2 − k degrees of freedom, one fewer than that for the z's error).
// NaN, NaN when r is NaN or n − 3 − k < 1.
func prccInterval(r float64, n, k int) (lo, hi float64) {
	df := n - 3 - k
	if math.IsNaN(r) || df < 1 {
		return math.NaN(), math.NaN()
	}
	z, half := math.Atanh(r), z975/math.Sqrt(float64(df))
	return math.Tanh(z - half), math.Tanh(z + half)
}

// SmallestPRCC is the smallest |PRCC| whose 95% interval leaves out zero,
// with n sets and keys uncertain keys (NaN when there is no interval).
func SmallestPRCC(n, keys int) float64 {
	df := n - 3 - (keys - 1)
	if df < 1 {
		return math.NaN()
	}
	return math.Tanh(z975 / math.Sqrt(float64(df)))
}

// MinSets is the fewest sets with which a PRCC of ±0.46 or more differs
// from none at 95%, for a number of keys: n − 3 − k ≥ 16, k = keys − 1.
// With fewer, only a key that decides nearly everything shows.
func MinSets(keys int) int { return keys + 18 }

// tooFew warns when n sets are too few for the keys (see MinSets).
func tooFew(n, keys int) string {
	if n >= MinSets(keys) {
		return ""
	}
	if n == 0 {
		return "no set where the claim was judged: no PRCC"
	}
	of := fmt.Sprintf("%d sets judged for %d uncertain keys", n, keys)
	if keys == 1 {
		of = fmt.Sprintf("%d sets judged for 1 uncertain key", n)
	}
	if r := SmallestPRCC(n, keys); !math.IsNaN(r) {
		return fmt.Sprintf("%s: a PRCC must exceed ±%.2f to differ from none (95%%); run at least %d sets", of, r, MinSets(keys))
	}
	return fmt.Sprintf("%s: too few for an interval on a PRCC; run at least %d sets", of, MinSets(keys))
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
