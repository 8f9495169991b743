//go:build js

package scenario

// The browser build leaves claim expressions uncompiled (see
// claim_expr.go): the window never judges claims.

// program stands for a compiled expression, which the browser never has.
type program = *struct{}

// compileExpr accepts the expression as written.
func compileExpr(*Claim, *Scenario, []string, map[string]any, bool, func(key, msg, hint string)) {}

// Boolean reports false: no expression is compiled in the browser.
func (c *Claim) Boolean() bool { return false }

// exprNames finds no names without the expression parser.
func exprNames(string) []string { return nil }
