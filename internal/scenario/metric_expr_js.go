//go:build js

package scenario

import (
	"math"

	"commonwealth/internal/economy"
)

// The browser build leaves the expressions of a scenario's own metrics and
// of stop_when uncompiled (see metric_expr.go): the window measures the
// built-in metrics only.

// compileMetric accepts the expression as written.
func compileMetric(*Metric, []string, func(string) bool, Settings, func(key, msg, hint string)) {}

// compileStop accepts the condition as written.
func compileStop(*Custom, []string, Settings, func(key, msg, hint string)) {}

// Observer measures none of the scenario's own metrics in the browser
// build: each is NaN there (the window draws no line for it).
type Observer struct{ n int }

// Observer returns the observer of one run; nil for a nil Custom.
func (c *Custom) Observer([]string) *Observer {
	if c == nil {
		return nil
	}
	return &Observer{n: len(c.Metrics)}
}

// Measure appends a NaN for each of the scenario's metrics to row.
func (o *Observer) Measure(row []float64, _ *economy.Snapshot) ([]float64, error) {
	if o == nil {
		return row, nil
	}
	for range o.n {
		row = append(row, math.NaN())
	}
	return row, nil
}

// Stop never stops a run in the browser build.
func (o *Observer) Stop() (bool, error) { return false, nil }
