package scenario

import (
	"fmt"
	"strings"
)

// Reference returns the reference of every scenario key as Markdown, from
// the registry: docs/scenario-reference.md is this text (a test checks it).
func Reference() string {
	var b strings.Builder
	b.WriteString("# Scenario reference\n\n")
	b.WriteString("Generated from the key registry by `go run ./cmd/headless keys --markdown`; a test checks that this file is current.\n\n")
	b.WriteString("A scenario is a TOML file. Keys are written as TOML paths (`exchange.rule`, or `rule` inside an `[exchange]` table); ")
	b.WriteString("`--set path=value` sets any of them for every arm. *Per arm*: whether an `[[arm]]` block may override it. ")
	b.WriteString("*Live*: whether it can change in a running world — in `[[event]]` blocks and on the window's sliders.\n\n")
	b.WriteString("| key | default | unit | allowed | per arm | live | meaning |\n|---|---|---|---|---|---|---|\n")
	for i := range Keys {
		k := &Keys[i]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", k.Path, code(k.Default()), k.Unit, k.Range(), yes(!k.Shared), yes(k.Live), k.Doc)
	}
	b.WriteString(`
## Blocks

- ` + "`[[arm]]`" + `: ` + "`name`" + ` and any per-arm keys. Every arm runs the same seeds: the same people.
- ` + "`[[claim]]`" + `: ` + "`text`" + `, then either ` + "`metric`, `arm`" + `, ` + "`compare`" + ` (another arm) or ` + "`value`" + `, ` + "`op`" + ` (` + "`<`, `>`, `within`" + ` with ` + "`tolerance`" + `, a number or a share such as ` + "`\"10%\"`" + `; with ` + "`<`" + ` or ` + "`>`" + `, ` + "`by`" + ` claims a change of at least that much, in the metric's units: ` + "`op = \"<\"`, `by = 0.02`" + ` is "lowers it by at least 0.02"), or ` + "`expr`" + ` (an expression over arms and their metrics, such as ` + "`private.gini_wealth > commons.gini_wealth`" + `); and optionally ` + "`window = [first, last]`" + ` (default: the mean of the last 12 months) and ` + "`given`" + `, a precondition: true or false, over the metrics of the compared arms over the claim's months, such as ` + "`\"automation_share > 0.02\"`" + ` (a bare metric: in every arm the claim compares) or ` + "`\"private.automation_share > 0.02 && commons.automation_share > 0.02\"`" + ` (with ` + "`+ - * /`, `abs`, `min`, `max`, `< <= > >= == !=`, `&&`, `||`, `!`" + `); seeds whose worlds fail it are left out, and the verdict is NOT APPLICABLE when it holds in fewer than half the seeds or in too few to judge (docs/testing-claims.md). Judged by ` + "`headless check`" + `.
- ` + "`[[sweep]]`" + `: ` + "`key`" + `, ` + "`values`" + ` or ` + "`from`, `to`, `step`" + ` (no step for a Latin hypercube, ` + "`--lhs N`" + `), optionally ` + "`metrics`" + ` and ` + "`month`/`window`" + `. Run by ` + "`headless sweep`" + `; several sweeps make a full grid.
- ` + "`[[uncertain]]`" + `: ` + "`key`, `from`, `to`" + `, optionally ` + "`distribution`" + ` (` + "`uniform`" + ` or ` + "`loguniform`" + `) and ` + "`why`" + ` (where the range comes from). ` + "`headless check --robust N`" + ` judges the claims at N sets of the uncertain keys drawn by a Latin hypercube.
- ` + "`[[metric]]`" + `: a metric of your own: ` + "`name`" + ` (letters, digits and _), ` + "`unit`" + ` (free text; ` + "`\"0..1\"`" + ` for a share keeps its intervals within 0 and 1), ` + "`text`" + ` (what it measures, in a sentence) and ` + "`expr`" + `, computed every month after the built-in metrics. The expression may use the model's built-in metrics and the metrics defined above it by name (` + "`top10_share / bottom50_share`" + `), ` + "`month`" + `, ` + "`people`" + ` (how many), and lists with one value per person: ` + "`wealth`, `income`" + `; with classes ` + "`class`" + ` (` + "`\"worker\"`, `\"capitalist\"`, `\"unemployed\"`" + `); with automation ` + "`skill`, `spending`, `community`" + ` (numbered from 1). Over lists: expr's ` + "`mean`, `median`, `sum`, `min`, `max`, `len`, `count(xs, # < 0)`, `filter(xs, # > 0)`, `map(class, # == \"worker\")`" + `; and ` + metricFunctions() + `. It must give a number. It is then a metric like any other: in ` + "`timeseries.csv`" + `, ` + "`summary.csv`" + `, the summary, the report, claims (` + "`metric = \"median_wealth\"`" + ` or ` + "`expr = \"a.median_wealth > b.median_wealth\"`" + `), ` + "`given`" + ` and sweeps' ` + "`metrics`" + `. The window measures them too: a lesson's ` + "`gauges`" + ` may draw yours like a built-in one (not in the browser build, which leaves the expressions out); a lesson's claim, answered in the browser too, cannot use one.
- ` + "`stop_when`" + ` (a top-level key, before any table): a true/false expression over the month's metrics, built-in and your own, with the same names as ` + "`[[metric]]`" + `, such as ` + "`\"month >= 120 && unemployed_share > 0.5\"`" + `. ` + "`--set 'stop_when=…'`" + ` sets or replaces it from the command line. Checked after every month from month 1; a run ends after the first month in which it holds. The month is each run's last row in ` + "`timeseries.csv`" + `, its ` + "`last_month`" + ` in ` + "`summary.csv`" + `, and listed under ` + "`stopped`" + ` in ` + "`manifest.json`" + `. Claims and sweeps then read each run's own last 12 months, so they may not set ` + "`month`" + ` or ` + "`window`" + `; plots of monthly means end where an arm's first run ended. The same seed stops at the same month every time. The window does not stop.
- ` + "`[[event]]`" + `: ` + "`month`" + `, optionally ` + "`arm`" + `, ` + "`set`" + ` (a table of live keys), ` + "`caption`" + `, ` + "`question`" + ` (pauses the window for predictions), ` + "`vote`" + ` (a class hosted by the window decides whether the event's keys are set; headless, and without a class, they are). Events run in headless runs too.
- ` + "`[lesson]`" + ` (one table): ` + "`question`" + `, ` + "`claim`" + ` (the number, from 1, of a claim comparing an arm with another arm or a value by ` + "`<`" + ` or ` + "`>`" + `), optionally ` + "`answers`" + ` (three: what to say if the claim's arm ends higher, lower, or with no clear difference), ` + "`differ`" + ` (what differs between the worlds, in words), ` + "`watch`" + ` (what to watch) and ` + "`gauges`" + ` (up to four metrics drawn as the mechanism). The window opens on it: the question, the class's prediction, the claim's worlds running, then the answer over every seed, as ` + "`headless check`" + ` judges the claim. See docs/lessons/README.md.
- ` + "`[participation]`" + ` (one table): what a class hosted by the window (` + "`sim --host`" + `) does from its phones: ` + "`arm`" + ` (the world it lives in), ` + "`communities`" + ` (` + "`decides`" + ` or ` + "`weighs`" + `: residents' votes set their community's chance of refusing a data centre), ` + "`predict`" + ` and ` + "`follow`" + ` (true by default), ` + "`rounds`" + ` (` + "`datacentres`" + `: each data centre proposed to a community of the class's world holds that world while the community's residents in the class accept or refuse it; a majority decides, a tie or nobody leaves it to the model's rule; needs ` + "`ai.enabled`" + `) and ` + "`deadline`" + ` (seconds a round waits, 5 to 120, default 20). A scenario with a ` + "`[lesson]`" + ` and no such table gets the default: the phones predict the lesson's answer and follow a person of its claim's arm. See docs/lessons/class.md.
`)
	return b.String()
}

// metricFunctions lists the aggregates a metric's expression may call.
func metricFunctions() string {
	var parts []string
	for _, f := range Functions {
		parts = append(parts, "`"+f.Call+"`: "+f.Doc)
	}
	return strings.Join(parts, "; ")
}

func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + s + "`"
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
