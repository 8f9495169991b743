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
	b.WriteString("\n## Meanings that changed\n\nA name is kept when what it measures is corrected; each correction, and why:\n\n")
	for _, c := range changed {
		fmt.Fprintf(&b, "- `%s` (%s): %s\n", c.name, c.when, c.what)
	}
	return b.String()
}

// changed lists the metrics whose meaning was corrected after they were
// published, newest first.
var changed = []struct{ name, when, what string }{
	{"quits", "2026-12", "was the workers whose renegotiated work added no more than their outside option, which the bargain ends earlier as job destruction: it was 0 in every arm of the built-in scenarios. It is now the jobs that end for the worker's own reasons, labour.separation's chance a month, which were counted nowhere before."},
	{"layoffs", "2026-12", "now also counts every renegotiation that leaves a match no surplus (before, those split between quits and layoffs by a test that sent them all to layoffs at the defaults)."},
	{"displaced_earnings_loss", "2026-12", "was compared with everyone in the labour force never displaced, the long-term unemployed included, against whom the displaced seemed to earn more; it is now compared with workers drawn at work when each was displaced and never displaced since, as Jacobson, LaLonde and Sullivan compare them."},
}
