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
- ` + "`[[event]]`" + `: ` + "`month`" + `, optionally ` + "`arm`" + `, ` + "`set`" + ` (a table of live keys), ` + "`caption`" + `, ` + "`question`" + ` (pauses the window for predictions), ` + "`vote`" + ` (a class hosted by the window decides whether the event's keys are set; headless, and without a class, they are). Events run in headless runs too.
- ` + "`[lesson]`" + ` (one table): ` + "`question`" + `, ` + "`claim`" + ` (the number, from 1, of a claim comparing an arm with another arm or a value by ` + "`<`" + ` or ` + "`>`" + `), optionally ` + "`answers`" + ` (three: what to say if the claim's arm ends higher, lower, or with no clear difference), ` + "`differ`" + ` (what differs between the worlds, in words), ` + "`watch`" + ` (what to watch) and ` + "`gauges`" + ` (up to four metrics drawn as the mechanism). The window opens on it: the question, the class's prediction, the claim's worlds running, then the answer over every seed, as ` + "`headless check`" + ` judges the claim. See docs/lessons/README.md.
- ` + "`[participation]`" + ` (one table): what a class hosted by the window (` + "`sim --host`" + `) does from its phones: ` + "`arm`" + ` (the world it lives in), ` + "`communities`" + ` (` + "`decides`" + ` or ` + "`weighs`" + `: residents' votes set their community's chance of refusing a data centre), ` + "`predict`" + ` and ` + "`follow`" + ` (true by default). A scenario with a ` + "`[lesson]`" + ` and no such table gets the default: the phones predict the lesson's answer and follow a person of its claim's arm. See docs/lessons/class.md.
`)
	return b.String()
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
