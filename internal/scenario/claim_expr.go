//go:build !js

package scenario

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// The expressions of claims, compiled with expr-lang. The browser build
// leaves them out (claim_expr_js.go): the window never judges claims, and
// expr-lang is a fifth of its download.

// program is a compiled claim expression.
type program = *vm.Program

// compileExpr compiles a claim's expression, checking first the arms and
// metrics it names, and then that it gives a number (with op) or
// true/false (without).
func compileExpr(c *Claim, sc *Scenario, metricNames []string, env map[string]any, hasOp bool, bad func(key, msg, hint string)) {
	if msg, hint := checkNames(c.Expr, sc, metricNames); msg != "" {
		bad("expr", msg, hint)
		return
	}
	prog, err := expr.Compile(c.Expr, append([]expr.Option{expr.Env(env)}, pure...)...)
	if err != nil {
		bad("expr", "invalid expression: "+userTerms(err.Error()), "arms are variables and metrics their fields, as in "+sc.Arms[0].Name+".gini_wealth")
		return
	}
	switch prog.Node().Type().Kind() {
	case reflect.Bool:
		if hasOp {
			bad("op", "a true/false expression is judged by how many seeds it holds in; it takes no op", "remove op, or make the expression a number")
		}
	case reflect.Float64, reflect.Int:
		if !hasOp {
			bad("op", "a number expression needs op: is it below zero (\"<\"), above (\">\") or within a tolerance of it (\"within\")?", "")
		}
	default:
		bad("expr", "the expression must give a number or true/false, it gives "+prog.Node().Type().String(), "")
		return
	}
	c.Program = prog
}

// Boolean reports whether the claim is a true/false expression, judged by a
// sign test over seeds.
func (c *Claim) Boolean() bool {
	return c.Program != nil && c.Program.Node().Type().Kind() == reflect.Bool
}

// exprNames returns the names an expression uses.
func exprNames(text string) []string {
	var names []string
	if tree, err := parser.Parse(text); err == nil {
		ast.Find(tree.Node, func(n ast.Node) bool {
			if id, ok := n.(*ast.IdentifierNode); ok {
				names = append(names, id.Value)
			}
			return false
		})
	}
	return names
}

// checkNames checks the arms and metrics an expression names, so that a
// typo is reported in the scenario's terms: which arm, which metric, and
// what there is instead.
func checkNames(text string, sc *Scenario, metricNames []string) (msg, hint string) {
	tree, err := parser.Parse(text)
	if err != nil {
		return "", "" // a syntax error: Compile says where
	}
	var arms []string
	for _, a := range sc.Arms {
		arms = append(arms, a.Name)
	}
	v := &nameCheck{arms: arms, metrics: metricNames}
	ast.Walk(&tree.Node, v)
	return v.msg, v.hint
}

// nameCheck finds the first unknown arm or metric in an expression.
type nameCheck struct {
	arms, metrics []string
	msg, hint     string
}

// Visit checks one node: arm.metric, or a bare name that is not an arm.
func (v *nameCheck) Visit(node *ast.Node) {
	if v.msg != "" {
		return
	}
	switch n := (*node).(type) {
	case *ast.MemberNode:
		arm, ok1 := n.Node.(*ast.IdentifierNode)
		metric, ok2 := n.Property.(*ast.StringNode)
		if ok1 && ok2 && slices.Contains(v.arms, arm.Value) && !slices.Contains(v.metrics, metric.Value) {
			v.msg = fmt.Sprintf("unknown metric %s in %s.%s; this model has: %s", metric.Value, arm.Value, metric.Value, strings.Join(v.metrics, ", "))
			v.hint = didYouMean(metric.Value, v.metrics)
		}
	case *ast.BuiltinNode:
		v.clock(n.Name)
	case *ast.IdentifierNode:
		if v.clock(n.Value) {
			return
		}
		if !slices.Contains(v.arms, n.Value) && slices.Contains(v.metrics, n.Value) {
			v.msg = fmt.Sprintf("%s is a metric: say whose, as in %s.%s", n.Value, v.arms[0], n.Value)
		} else if !slices.Contains(v.arms, n.Value) && !isBuiltin(n.Value) {
			v.msg = fmt.Sprintf("unknown arm %s; the arms are %s", n.Value, quoteList(v.arms))
			v.hint = didYouMean(n.Value, v.arms)
		}
	}
}

// impure are expr's functions that read the clock: a verdict must not
// depend on when it is judged. (Expressions have no randomness or I/O.)
var impure = []string{"now", "date", "duration", "timezone"}

// pure are the compile options that leave the impure functions out.
var pure = func() []expr.Option {
	var opts []expr.Option
	for _, f := range impure {
		opts = append(opts, expr.DisableBuiltin(f))
	}
	return opts
}()

// clock reports, the first time, a function that reads the clock.
func (v *nameCheck) clock(name string) bool {
	if !slices.Contains(impure, name) || slices.Contains(v.arms, name) {
		return false
	}
	v.msg = fmt.Sprintf("%s reads the clock: a claim's verdict must not depend on when it is judged", name)
	v.hint = "use arithmetic, comparisons and functions such as abs, min, max, round"
	return true
}

// isBuiltin reports whether name is one of expr's functions.
func isBuiltin(name string) bool {
	for _, f := range builtin.Builtins {
		if f.Name == name {
			return true
		}
	}
	return false
}

// userTerms shortens an expr error to one line, with the type it names for
// an arm (a long struct) replaced by "an arm".
func userTerms(s string) string {
	s = oneLine(s)
	for {
		i := strings.Index(s, "struct {")
		if i < 0 {
			break
		}
		depth, j := 0, i
		for ; j < len(s); j++ {
			if s[j] == '{' {
				depth++
			} else if s[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		s = s[:i] + "an arm" + s[min(j+1, len(s)):]
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
