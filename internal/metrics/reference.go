package metrics

import (
	"fmt"
	"strings"
)

// Models names the models a metric is measured in, for people.
func (m *Metric) Models() string {
	switch {
	case m.AI:
		return "capitalism with automation (ai.enabled)"
	case m.Classes:
		return "capitalism"
	}
	return "every model"
}

// Reference returns every metric with its unit, meaning and models as
// Markdown: docs/metrics.md is this text (a test checks it).
func Reference() string {
	var b strings.Builder
	b.WriteString("# Metrics\n\n")
	b.WriteString("Generated from the metric registry by `go run ./cmd/headless metrics --markdown`; a test checks that this file is current.\n\n")
	b.WriteString("Every metric is a column of `summary.csv`, `timeseries.csv` and `sweep.csv`, under the name below, which never changes once published; ")
	b.WriteString("claims and sweeps name them the same way. Shares run from 0 to 1; money is in the ledger's units; flows are per month. ")
	b.WriteString("docs/model.md says how each mechanism behind them works. ")
	b.WriteString("A scenario may define metrics of its own from these and from per-person wealth, income, class, skill, spending and community (`[[metric]]`, docs/scenario-reference.md); they follow the built-in ones in every table.\n\n")
	b.WriteString("| metric | unit | models | meaning |\n|---|---|---|---|\n")
	for i := range All {
		m := &All[i]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", m.Name, m.Unit, m.Models(), m.Doc)
	}
	return b.String()
}
