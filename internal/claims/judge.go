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
	"gonum.org/v1/gonum/stat/distuv"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// Level is the confidence level of the intervals and the sign test.
const Level = 0.95

// Verdict is a claim judged over all seeds.
type Verdict struct {
	Claim     *scenario.Claim
	Supported bool
	Values    []float64 // per seed: the difference (or expression), or 1/0 for true/false
	Boolean   bool      // Values are truth values, judged by a sign test
	Mean      float64   // mean of Values
	Lo, Hi    float64   // its 95% interval (numbers)
	P         float64   // the sign test's one-sided p-value (truth values)
	Agree     int       // seeds in which the claim holds on its own
	Evidence  string    // one line, for people
}

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
		v := Verdict{Claim: c}
		for s := range seeds {
			x, err := valueFor(c, sc, arm, ms, env, func(a int) *batch.Result { return run(a, s) })
			if err != nil {
				return nil, fmt.Errorf("claim %q, seed %d: %w", c.Text, run(0, s).Seed, err)
			}
			v.Values = append(v.Values, x)
		}
		v.Boolean = c.Program != nil && c.Program.Node().Type().Kind() == reflect.Bool
		v.decide()
		vs = append(vs, v)
	}
	return vs, nil
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

// decide computes the statistics, the verdict and the evidence.
func (v *Verdict) decide() {
	n := len(v.Values)
	if v.Boolean {
		for _, x := range v.Values {
			if x == 1 {
				v.Agree++
			}
		}
		v.Mean = float64(v.Agree) / float64(n)
		// One-sided sign test: the chance of at least Agree of n seeds under
		// a claim that holds no more often than it fails.
		v.P = 1
		if v.Agree > 0 {
			v.P = 1 - distuv.Binomial{N: float64(n), P: 0.5}.CDF(float64(v.Agree-1))
		}
		v.Supported = v.P < 1-Level
		v.Evidence = fmt.Sprintf("holds in %d/%d seeds (sign test p = %.3g)", v.Agree, n, v.P)
		return
	}
	v.Mean, v.Lo, v.Hi = metrics.MeanCI(v.Values, Level)
	c := v.Claim
	for _, x := range v.Values {
		if holds(c, x) {
			v.Agree++
		}
	}
	switch c.Op {
	case "<":
		v.Supported = v.Hi < 0
	case ">":
		v.Supported = v.Lo > 0
	case "within":
		v.Supported = v.Lo > -c.Tolerance && v.Hi < c.Tolerance
	}
	interval := fmt.Sprintf("%s [%s, %s]", signed(v.Mean), signed(v.Lo), signed(v.Hi))
	if n == 1 {
		interval = signed(v.Mean) + " (one seed: no interval)"
	}
	v.Evidence = fmt.Sprintf("%s: %s, %d/%d seeds", v.Subject(), interval, v.Agree, n)
}

// holds reports whether one seed's value satisfies the claim.
func holds(c *scenario.Claim, x float64) bool {
	switch c.Op {
	case "<":
		return x < 0
	case ">":
		return x > 0
	}
	return math.Abs(x) < c.Tolerance
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

// signed formats a number with its sign, a true minus and three decimals.
func signed(x float64) string {
	s := fmt.Sprintf("%+.3f", x)
	return strings.Replace(s, "-", "−", 1)
}
