//go:build js

package scenario

// The browser build leaves the expressions of a scenario's own metrics and
// of stop_when uncompiled (see metric_expr.go): the window measures the
// built-in metrics only.

// compileMetric accepts the expression as written.
func compileMetric(*Metric, []string, func(string) bool, Settings, func(key, msg, hint string)) {}

// compileStop accepts the condition as written.
func compileStop(*Custom, []string, Settings, func(key, msg, hint string)) {}
