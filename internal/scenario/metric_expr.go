//go:build !js

package scenario

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"gonum.org/v1/gonum/stat"

	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// The expressions of a scenario's own metrics and of stop_when, compiled
// with expr-lang like the claims' (the browser build leaves them out, see
// metric_expr_js.go).

// compileMetric compiles m's expression against the names it may use:
// known, and nothing defined below it (later).
func compileMetric(m *Metric, known []string, later func(string) bool, s Settings, bad func(key, msg, hint string)) {
	if isBuiltin(m.Name) || slices.Contains(impure, m.Name) {
		bad("name", fmt.Sprintf("%s is a function expressions use already", m.Name), "give the metric another name")
		return
	}
	prog, uses := compileObserved(m.Expr, known, later, s, expr.AsFloat64(), "a metric's expression must give a number", bad)
	m.program, m.uses = prog, uses
}

// compileStop compiles the stop condition, which must give true or false.
func compileStop(c *Custom, known []string, s Settings, bad func(key, msg, hint string)) {
	c.stop, c.stopUses = compileObserved(c.StopWhen, known, func(string) bool { return false }, s, expr.AsBool(),
		`stop_when must give true or false, as in stop_when = "unemployed_share > 0.5"`, bad)
}

// compileObserved compiles an expression over one month of one run,
// reporting unknown names in the scenario's terms.
func compileObserved(text string, known []string, later func(string) bool, s Settings, as expr.Option, kind string, bad func(key, msg, hint string)) (program, []string) {
	uses := exprNames(text)
	for _, name := range uses {
		if !slices.Contains(known, name) && !isBuiltin(name) {
			msg, hint := unknownName(name, known, later)
			bad("expr", msg, hint)
			return nil, nil
		}
	}
	if tree, err := parser.Parse(text); err == nil {
		if n := ast.Find(tree.Node, func(n ast.Node) bool {
			b, ok := n.(*ast.BuiltinNode)
			return ok && slices.Contains(impure, b.Name)
		}); n != nil {
			bad("expr", n.(*ast.BuiltinNode).Name+" reads the clock: a run's numbers must not depend on when it ran", "")
			return nil, nil
		}
	}
	opts := append([]expr.Option{expr.Env(monthEnv(known, s)), as}, pure...)
	opts = append(opts, functions...)
	prog, err := expr.Compile(text, opts...)
	if err != nil {
		msg, hint := userTerms(err.Error()), "metrics are names, as in gini_wealth; people's quantities are lists, as in mean(wealth)"
		if strings.Contains(msg, "expected float64") || strings.Contains(msg, "expected bool") {
			msg, hint = kind+" ("+msg+")", ""
		}
		bad("expr", "invalid expression: "+msg, hint)
		return nil, nil
	}
	return prog, uses
}

// monthEnv returns the names an expression over one month sees, with
// values of their types: every metric, the month, the people and their
// per-person lists.
func monthEnv(known []string, s Settings) map[string]any {
	env := map[string]any{"month": 0, "people": 0}
	for _, name := range known {
		env[name] = 0.0
	}
	for _, name := range variablesFor(s.Model, s.AI.Enabled) {
		env[name] = []float64(nil)
	}
	if _, ok := env["class"]; ok {
		env["class"] = []string(nil)
	}
	for _, f := range functionNames() {
		delete(env, f) // functions are options, not variables
	}
	return env
}

// functions are the aggregates of Functions, as expr options.
var functions = []expr.Option{
	expr.Function("quantile", ofFraction("quantile(xs, q) needs 0 ≤ q ≤ 1", func(xs []float64, q float64) float64 {
		return stat.Quantile(q, stat.Empirical, xs, nil)
	}), new(func([]float64, float64) float64), new(func([]any, float64) float64)),
	expr.Function("gini", func(args ...any) (any, error) {
		xs, err := sortedFloats(args[0])
		if err != nil {
			return nil, err
		}
		return metrics.Gini(xs), nil
	}, new(func([]float64) float64), new(func([]any) float64)),
	expr.Function("top_share", ofFraction(shareNeeds, metrics.TopShare[float64]), new(func([]float64, float64) float64), new(func([]any, float64) float64)),
	expr.Function("bottom_share", ofFraction(shareNeeds, metrics.BottomShare[float64]), new(func([]float64, float64) float64), new(func([]any, float64) float64)),
	expr.Function("where", func(args ...any) (any, error) {
		xs, err1 := floats(args[0])
		keep, err2 := bools(args[1])
		if err := cmp.Or(err1, err2); err != nil {
			return nil, err
		}
		if len(xs) != len(keep) {
			return nil, fmt.Errorf("where(xs, keep) needs lists of one length, got %d and %d", len(xs), len(keep))
		}
		var out []float64
		for i, x := range xs {
			if keep[i] {
				out = append(out, x)
			}
		}
		return out, nil
	}, new(func([]float64, []any) []float64), new(func([]any, []any) []float64)),
}

// shareNeeds is what top_share and bottom_share say of a bad fraction.
const shareNeeds = "a share's fraction p needs 0 ≤ p ≤ 1"

// ofFraction makes an aggregate of a list and a fraction in [0, 1] — a
// quantile, a top or bottom share — from f over the sorted values; needs
// is the error's words for a fraction outside [0, 1].
func ofFraction(needs string, f func([]float64, float64) float64) func(args ...any) (any, error) {
	return func(args ...any) (any, error) {
		xs, err := sortedFloats(args[0])
		p, ok := number(args[1])
		switch {
		case err != nil:
			return nil, err
		case !ok || !(p >= 0 && p <= 1):
			return nil, fmt.Errorf("%s, got %v", needs, args[1])
		case len(xs) == 0:
			return math.NaN(), nil
		}
		return f(xs, p), nil
	}
}

// floats returns a list of numbers as float64s.
func floats(v any) ([]float64, error) {
	switch xs := v.(type) {
	case []float64:
		return xs, nil
	case []any:
		out := make([]float64, len(xs))
		for i, x := range xs {
			f, ok := number(x)
			if !ok {
				return nil, fmt.Errorf("expected a list of numbers, found %v in it", x)
			}
			out[i] = f
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a list of numbers, got %T", v)
}

// sortedFloats returns a sorted copy of a list of numbers.
func sortedFloats(v any) ([]float64, error) {
	xs, err := floats(v)
	if err != nil {
		return nil, err
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs, nil
}

// bools returns a list of true/false values.
func bools(v any) ([]bool, error) {
	switch xs := v.(type) {
	case []bool:
		return xs, nil
	case []any:
		out := make([]bool, len(xs))
		for i, x := range xs {
			b, ok := x.(bool)
			if !ok {
				return nil, fmt.Errorf("expected a list of true/false, found %v in it", x)
			}
			out[i] = b
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a list of true/false, got %T", v)
}

// number returns a number of any of expr's numeric types as a float64.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// Observer computes a scenario's own metrics and its stop condition on
// each month of one run. One run uses one Observer, from one goroutine.
type Observer struct {
	c        *Custom
	builtin  []string // the built-in metrics, in the order of a month's row
	env      map[string]any
	vm       vm.VM
	needs    map[string]bool // the per-person lists any expression reads
	lists    map[string][]float64
	classBuf []string
}

// Observer returns the observer of one run whose built-in metrics are
// builtin, in row order; nil (which observes nothing) for a nil Custom.
func (c *Custom) Observer(builtin []string) *Observer {
	if c == nil {
		return nil
	}
	o := &Observer{c: c, builtin: builtin, env: map[string]any{}, needs: map[string]bool{}, lists: map[string][]float64{}}
	uses := slices.Clone(c.stopUses)
	for _, m := range c.Metrics {
		uses = append(uses, m.uses...)
	}
	for _, v := range Variables {
		if slices.Contains(uses, v.Name) {
			o.needs[v.Name] = true
		}
	}
	return o
}

// Measure appends the scenario's metrics, in order, to row (the month's
// built-in metrics, measured on s) and returns it.
func (o *Observer) Measure(row []float64, s *economy.Snapshot) ([]float64, error) {
	if o == nil {
		return row, nil
	}
	o.people(s)
	for i, name := range o.builtin {
		o.env[name] = row[i]
	}
	for _, m := range o.c.Metrics {
		out, err := o.vm.Run(m.program, o.env)
		if err != nil {
			return row, fmt.Errorf("metric %s (line %d) at month %d: %s", m.Name, m.Line, s.Month, oneLine(err.Error()))
		}
		x := out.(float64)
		o.env[m.Name] = x
		row = append(row, x)
	}
	return row, nil
}

// Stop reports whether the stop condition holds in the month Measure last
// measured.
func (o *Observer) Stop() (bool, error) {
	if o == nil || o.c.stop == nil {
		return false, nil
	}
	out, err := o.vm.Run(o.c.stop, o.env)
	if err != nil {
		return false, fmt.Errorf("stop_when (line %d) at month %d: %s", o.c.StopLine, o.env["month"], oneLine(err.Error()))
	}
	return out.(bool), nil
}

// people fills the environment's month, head count and the per-person
// lists the expressions read, reusing their buffers.
func (o *Observer) people(s *economy.Snapshot) {
	o.env["month"], o.env["people"] = s.Month, len(s.Wealth)
	for _, v := range Variables {
		name := v.Name
		if !o.needs[name] {
			continue
		}
		xs := AppendPerson(o.lists[name][:0], name, s)
		o.lists[name] = xs
		if name == "class" {
			o.classBuf = o.classBuf[:0]
			for _, c := range xs {
				o.classBuf = append(o.classBuf, ClassName(agents.Class(c)))
			}
			o.env[name] = o.classBuf
			continue
		}
		o.env[name] = xs
	}
}
