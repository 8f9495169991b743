// Package claims judges a scenario's claims on the results of its runs:
// per seed, the value the claim is about (a paired difference between two
// arms, a difference from a number, or an expression), then a verdict over
// all seeds with a 95% confidence interval or a sign test.
package claims

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics"
	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/numfmt"
	"commonwealth/internal/scenario"
)

// Level is the confidence level of the intervals and the sign test.
const Level = 0.95

// Outcome is a claim's verdict.
type Outcome int

// The three verdicts: the evidence on the claimed side, on the other side,
// or on neither.
const (
	Inconclusive Outcome = iota // the interval straddles the line, or the sign test decides neither way
	Supported                   // the whole interval on the claimed side of the line (or the sign test agrees at 95%)
	Contradicted                // the whole interval on the other side of the line (or the sign test disagrees at 95%)
)

// NotApplicable is the fourth outcome, apart from the three verdicts: the
// claim's precondition (`given`) failed in too many seeds to judge it
// (scenario.Claim.Applicable). `check` counts it as not supported.
const NotApplicable Outcome = Contradicted + 1

func (o Outcome) String() string {
	return [...]string{"INCONCLUSIVE", "SUPPORTED", "CONTRADICTED", "NOT APPLICABLE"}[o]
}

// Verdict is a claim judged over all seeds.
type Verdict struct {
	Claim    *scenario.Claim
	Outcome  Outcome
	Values   []float64 // per seed: the difference (or expression), or 1/0 for true/false
	Boolean  bool      // Values are truth values, judged by a sign test
	Mean     float64   // mean of Values
	Lo, Hi   float64   // its 95% interval (numbers)
	Tol      float64   // the tolerance of a "within" claim, in the metric's units
	P        float64   // the sign test's one-sided p-value (truth values); NaN for intervals
	Agree    int       // seeds in which the claim holds on its own
	Test     string    // how the verdict was reached
	Evidence string    // one line, for people
	Passed   []bool    // per seed: whether the precondition held; nil without one
	Failed   int       // seeds where the precondition failed, not counted
	Reason   string    // where the precondition failed, for people; "" when it never did
}

// Supported reports whether the claim is supported.
func (v *Verdict) Supported() bool { return v.Outcome == Supported }

// Judge judges every claim of sc on rs, the results of running sc (ordered
// by arm, then seed, as batch.Run returns them).
func Judge(sc *scenario.Scenario, rs []batch.Result) ([]Verdict, error) {
	seeds := sc.Run().Seeds
	arm := map[string]int{}
	for i, a := range sc.Arms {
		arm[a.Name] = i
	}
	run := func(a, s int) *batch.Result { return &rs[a*seeds+s] }
	ms := sc.Run().Metrics()   // what the expressions were compiled against
	env := scenario.ArmEnv(ms) // one record type for every arm, made once
	var vs []Verdict
	for i := range sc.Claims {
		c := &sc.Claims[i]
		v := Verdict{Claim: c, Tol: c.Tolerance}
		var refs []float64 // what a relative tolerance is a share of, per seed
		var given scenario.Tally
		for s := range seeds {
			at := func(a int) *batch.Result { return run(a, s) }
			x, err := valueFor(c, sc, arm, ms, env, at)
			if err != nil {
				return nil, fmt.Errorf("claim %q, seed %d: %w", c.Text, run(0, s).Seed, err)
			}
			v.Values = append(v.Values, x)
			if !given.Add(c, func(a, m string) float64 { return batch.At(at(arm[a]), c.Moment, m) }) {
				continue // not counted, nor in refs
			}
			if c.Compare != "" {
				refs = append(refs, batch.At(at(arm[c.Compare]), c.Moment, c.Metric))
			} else {
				refs = append(refs, c.Value)
			}
		}
		if c.Relative {
			v.Tol = c.Tolerance * math.Abs(stat.Mean(refs, nil))
		}
		v.Boolean = c.Boolean()
		v.Passed, v.Reason = given.Passed, given.Reason(c)
		v.decide()
		if c.Given != nil {
			v.Evidence += "; " + conditions(c, arm, seeds, run)
		}
		vs = append(vs, v)
	}
	return vs, nil
}

// conditions says what the worlds a claim compares were like by the
// metrics its precondition reads — automation's share in each, say — as
// means over every seed and the claim's months.
func conditions(c *scenario.Claim, arm map[string]int, seeds int, run func(a, s int) *batch.Result) string {
	cs := c.Conditions(seeds, func(s int, a, m string) float64 { return batch.At(run(arm[a], s), c.Moment, m) })
	var parts []string
	for i, cd := range cs {
		if i == 0 || cs[i-1].Metric != cd.Metric {
			parts = append(parts, cd.Metric+": ")
		} else {
			parts[len(parts)-1] += ", "
		}
		parts[len(parts)-1] += cd.Arm + " " + numfmt.Number(cd.Mean)
	}
	return strings.Join(parts, "; ") + " (means over every seed)"
}

// valueFor computes the claim's value in one seed.
func valueFor(c *scenario.Claim, sc *scenario.Scenario, arm map[string]int, ms []metrics.Metric, t reflect.Type, run func(a int) *batch.Result) (float64, error) {
	if c.Program == nil {
		x := batch.At(run(arm[c.Arm]), c.Moment, c.Metric)
		if c.Compare != "" {
			return x - batch.At(run(arm[c.Compare]), c.Moment, c.Metric), nil
		}
		return x - c.Value, nil
	}
	env := map[string]any{}
	for a, armDef := range sc.Arms {
		r := run(a)
		rec := reflect.New(t).Elem()
		for f, m := range ms {
			rec.Field(f).SetFloat(batch.At(r, c.Moment, m.Name))
		}
		env[armDef.Name] = rec.Interface()
	}
	out, err := expr.Run(c.Program, env)
	if err != nil {
		return 0, err
	}
	switch x := out.(type) {
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	}
	return 0, fmt.Errorf("the expression gave %T", out)
}

// counted returns the values of the seeds whose precondition held (every
// seed's without a precondition), and counts the others in v.Failed.
func (v *Verdict) counted() []float64 {
	if v.Passed == nil {
		return v.Values
	}
	var xs []float64
	v.Failed = 0
	for s, x := range v.Values {
		if v.Passed[s] {
			xs = append(xs, x)
		} else {
			v.Failed++
		}
	}
	return xs
}

// notApplicable decides NOT APPLICABLE, when the precondition held in too
// few of all seeds (Values being the seeds where it held).
func (v *Verdict) notApplicable(all int) bool {
	n := len(v.Values)
	if v.Passed == nil || v.Claim.Applicable(n, all) {
		return false
	}
	for _, x := range v.Values {
		if v.Boolean && x == 1 || !v.Boolean && v.holds(x) {
			v.Agree++
		}
	}
	v.Outcome, v.Mean, v.Lo, v.Hi, v.P = NotApplicable, math.NaN(), math.NaN(), math.NaN(), math.NaN()
	v.Test = "not judged: " + v.Claim.Applicability()
	v.Evidence = fmt.Sprintf("%s; in the %d where it held, the claim held in %d", v.Reason, n, v.Agree)
	return true
}

// restore puts back the values of all seeds after decide and, where the
// precondition failed in some seeds, says so in the test and the evidence.
func (v *Verdict) restore(all []float64) {
	n := len(v.Values)
	v.Values = all
	if v.Failed > 0 && v.Outcome != NotApplicable {
		v.Test = strings.Replace(v.Test, fmt.Sprintf("over %d seeds", n), fmt.Sprintf("over %d of %d seeds", n, len(all)), 1)
		v.Evidence += "; " + v.Reason + ": not counted"
	}
}

// decide computes the statistics, the verdict and the evidence, over the
// seeds whose precondition held: Values holds only theirs until it returns.
func (v *Verdict) decide() {
	all := v.Values
	v.Values = v.counted()
	defer v.restore(all)
	if v.notApplicable(len(all)) {
		return
	}
	n := len(v.Values)
	if v.Boolean {
		for _, x := range v.Values {
			if x == 1 {
				v.Agree++
			}
		}
		v.Mean = float64(v.Agree) / float64(n)
		// One-sided sign tests: the chance of at least Agree of n seeds
		// agreeing (or at most, for the other side) were the claim as
		// likely to fail as to hold.
		b := distuv.Binomial{N: float64(n), P: 0.5}
		v.P = 1
		if v.Agree > 0 {
			v.P = 1 - b.CDF(float64(v.Agree-1))
		}
		switch {
		case v.P < 1-Level:
			v.Outcome = Supported
		case b.CDF(float64(v.Agree)) < 1-Level:
			v.Outcome = Contradicted
		}
		v.Test = fmt.Sprintf("one-sided sign test over %d seeds", n)
		v.Evidence = fmt.Sprintf("holds in %d/%d seeds (sign test p = %s)", v.Agree, n, numfmt.Number(v.P))
		return
	}
	v.P = math.NaN()
	v.Mean, v.Lo, v.Hi = interval.MeanCI(v.Values, Level)
	c := v.Claim
	for _, x := range v.Values {
		if v.holds(x) {
			v.Agree++
		}
	}
	switch {
	case n < 2:
		v.Outcome = Inconclusive // one seed has no interval (check refuses to run so)
	case c.Op == "<":
		v.Outcome = side(v.Hi < c.Threshold(), v.Lo > c.Threshold())
	case c.Op == ">":
		v.Outcome = side(v.Lo > c.Threshold(), v.Hi < c.Threshold())
	case c.Op == "within":
		v.Outcome = side(v.Lo > -v.Tol && v.Hi < v.Tol, v.Lo >= v.Tol || v.Hi <= -v.Tol)
	}
	v.Test = fmt.Sprintf("95%% t interval over %d seeds, paired by seed", n)
	v.Evidence = fmt.Sprintf("%s: %s, %d/%d seeds agree", v.Subject(), numfmt.Interval(v.Mean, v.Lo, v.Hi, numfmt.Any, true), v.Agree, n)
	if c.By != 0 {
		v.Evidence += fmt.Sprintf("; claimed %s %s", c.Op, numfmt.Signed(c.Threshold()))
	}
	if c.Op == "within" {
		v.Evidence += fmt.Sprintf("; tolerance ±%s", numfmt.Number(v.Tol))
		if c.Relative {
			v.Evidence += fmt.Sprintf(" (%g%% of the reference's mean)", c.Tolerance*100)
		}
	}
}

// side turns the two one-sided findings into a verdict.
func side(claimed, other bool) Outcome {
	switch {
	case claimed:
		return Supported
	case other:
		return Contradicted
	}
	return Inconclusive
}

// holds reports whether one seed's value satisfies the claim.
func (v *Verdict) holds(x float64) bool {
	switch v.Claim.Op {
	case "<":
		return x < v.Claim.Threshold()
	case ">":
		return x > v.Claim.Threshold()
	}
	return math.Abs(x) < v.Tol
}

// Subject names what the values are, such as "saving − random gini_wealth".
func (v *Verdict) Subject() string {
	c := v.Claim
	switch {
	case c.Program != nil:
		return c.Expr
	case c.Compare != "":
		return fmt.Sprintf("%s: %s − %s (%s)", c.Metric, c.Arm, c.Compare, c.When())
	}
	return fmt.Sprintf("%s: %s − %s (%s)", c.Metric, c.Arm, strconv.FormatFloat(c.Value, 'g', -1, 64), c.When())
}
