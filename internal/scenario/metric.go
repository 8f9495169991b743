package scenario

import (
	"fmt"
	"slices"
	"strings"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// Metric is a metric a scenario defines in a [[metric]] block: a name, a
// unit, a sentence, and an expression computed every month from that
// month's built-in metrics, the metrics defined above it, and the people
// (see Variables). It is recorded, judged, plotted and swept exactly like a
// built-in metric.
type Metric struct {
	Name, Unit, Text string
	Expr             string
	Line             int
	program          program // the compiled Expr (nil in the browser build)
	uses             []string
}

// Custom is what a scenario adds to what every run measures: its own
// metrics and the condition that stops a run early. Every arm's Settings
// point to the same Custom; nil when the scenario has neither.
type Custom struct {
	Metrics  []Metric
	StopWhen string // an expression over the month's metrics; "" runs every month
	StopLine int
	stop     program
	stopUses []string
}

// Key is what decides the results of a run beyond its settings, for the
// run store's fingerprint: the metrics' names and expressions and the stop
// condition. It is "" for nil.
func (c *Custom) Key() string {
	if c == nil {
		return ""
	}
	var b strings.Builder
	for _, m := range c.Metrics {
		fmt.Fprintf(&b, "%s=%s;", m.Name, m.Expr)
	}
	return b.String() + "stop_when=" + c.StopWhen
}

// metricKeys are the keys a [[metric]] block may set.
var metricKeys = []string{"name", "unit", "text", "expr"}

// maxMetrics bounds the metrics a scenario defines.
const maxMetrics = 50

// Variables are the per-person quantities a metric's expression reads, each
// a list with one number (or, for class, one word) per person in the same
// order, and the model each needs.
var Variables = []struct {
	Name, Doc string
	Classes   bool // only in models with classes
	AI        bool // only with automation
}{
	{"wealth", "each person's wealth (net worth in the production economy), money units", false, false},
	{"income", "each person's income in the month (all money received), money units", false, false},
	{"class", `each person's class: "worker", "capitalist" or "unemployed"`, true, false},
	{"skill", "each person's skill, 0.2..1", true, true},
	{"spending", "each person's consumption spending in the month, money units", true, true},
	{"community", "each person's community, numbered from 1", true, true},
}

// Functions are the aggregates a metric's expression may apply to a list,
// besides expr's own (mean, median, sum, min, max, count, filter, map, len).
var Functions = []struct{ Name, Call, Doc string }{
	{"quantile", "quantile(xs, q)", "the empirical q-quantile of xs, 0 ≤ q ≤ 1"},
	{"gini", "gini(xs)", "the Gini coefficient of xs"},
	{"top_share", "top_share(xs, p)", "the share of the total of xs held by its top ⌈p·n⌉ values"},
	{"bottom_share", "bottom_share(xs, p)", "the share of the total of xs held by its bottom ⌊p·n⌋ values"},
	{"where", "where(xs, keep)", "the elements of xs where the list keep is true: where(wealth, map(class, # == \"worker\")) is workers' wealth"},
}

// metricLoader reads the [[metric]] blocks and the stop_when key.
type metricLoader struct {
	blocks
	l        *loader
	stopWhen string
	stopLine int
}

// check turns the blocks into the scenario's metrics, compiles them and the
// stop condition, and hands the result to every arm.
func (ml *metricLoader) check(sc *Scenario) {
	if len(ml.tables) == 0 && ml.stopWhen == "" {
		return
	}
	c := &Custom{StopWhen: ml.stopWhen, StopLine: ml.stopLine}
	builtin := metrics.Names(sc.Run().Metrics())
	vars := variablesFor(sc.Run().Model, sc.Run().AI.Enabled)
	taken := slices.Concat(builtin, vars, []string{"month", "people"}, functionNames())
	all := make([]string, len(ml.tables)) // every block's name, for "defined further down"
	for i, t := range ml.tables {
		all[i], _ = t["name"].(string)
	}
	for i := range ml.tables {
		r := ml.block(ml.l, i)
		r.onlyKeys(metricKeys)
		if i == maxMetrics {
			r.bad("name", fmt.Sprintf("more than %d [[metric]] blocks", maxMetrics), "")
			break
		}
		m := Metric{Line: ml.starts[i]}
		if !r.str("name", &m.Name) {
			r.bad("name", "a metric needs its name", `for example name = "median_wealth"`)
			continue
		}
		switch {
		case !identifier.MatchString(m.Name):
			r.bad("name", fmt.Sprintf("%q cannot be a metric's name: use letters, digits and _, starting with a letter", m.Name), `for example name = "median_wealth"`)
			continue
		case slices.Contains(builtin, m.Name):
			r.bad("name", fmt.Sprintf("%s is a built-in metric", m.Name), "give yours another name; `headless metrics` lists the built-in ones")
			continue
		case slices.Contains(taken, m.Name) || slices.Contains(variableNames(), m.Name):
			r.bad("name", fmt.Sprintf("%s is a name expressions use already", m.Name), "give the metric another name")
			continue
		}
		if !r.str("unit", &m.Unit) || strings.TrimSpace(m.Unit) == "" {
			r.bad("unit", "a metric needs its unit", `for example unit = "money units", or unit = "0..1" for a share`)
		}
		if !r.str("text", &m.Text) || strings.TrimSpace(m.Text) == "" {
			r.bad("text", "a metric needs a sentence saying what it measures", `for example text = "median wealth of workers"`)
		}
		if !r.str("expr", &m.Expr) {
			r.bad("expr", "a metric needs its expression", `for example expr = "quantile(wealth, 0.5)"`)
			continue
		}
		if len(m.Expr) > maxExpr {
			r.bad("expr", fmt.Sprintf("%d characters; an expression may have at most %d", len(m.Expr), maxExpr), "define a metric for a part of it")
			continue
		}
		later := func(name string) bool { return slices.Contains(all[i:], name) }
		compileMetric(&m, taken, later, sc.Run(), r.bad)
		c.Metrics = append(c.Metrics, m)
		taken = append(taken, m.Name)
	}
	if c.StopWhen != "" {
		compileStop(c, taken, sc.Run(), func(_, msg, hint string) {
			if ml.stopLine == 0 {
				ml.l.problems = append(ml.l.problems, Problem{File: "--set", Key: "stop_when", Msg: msg, Hint: hint})
				return
			}
			ml.l.add(ml.stopLine, "stop_when", msg, hint)
		})
	}
	sc.Base.Custom = c
	for i := range sc.Arms {
		sc.Arms[i].Settings.Custom = c
	}
}

// variablesFor returns the names of the per-person variables a model has.
func variablesFor(model string, ai bool) []string {
	capitalism := model == economy.ModelCapitalism
	var names []string
	for _, v := range Variables {
		if (capitalism || !v.Classes) && (capitalism && ai || !v.AI) {
			names = append(names, v.Name)
		}
	}
	return names
}

// unknownName explains a name an expression uses that it may not: a metric
// defined further down, a per-person quantity this model lacks, or a typo.
func unknownName(name string, known []string, later func(string) bool) (msg, hint string) {
	if later(name) {
		return fmt.Sprintf("%s is defined further down: a metric may use only the metrics defined above it", name), "move this [[metric]] below the one it uses"
	}
	for _, v := range Variables {
		if v.Name == name {
			need := "a model with classes (model = \"capitalism\")"
			if v.AI {
				need = "automation (ai.enabled = true)"
			}
			return fmt.Sprintf("%s is measured only in %s", name, need), ""
		}
	}
	return fmt.Sprintf("unknown metric or variable %s", name), didYouMeanOr(name, known, "`headless metrics` lists the metrics; the per-person lists are "+quoteList(variableNames()))
}

func functionNames() []string {
	var names []string
	for _, f := range Functions {
		names = append(names, f.Name)
	}
	return names
}

func variableNames() []string {
	var names []string
	for _, v := range Variables {
		names = append(names, v.Name)
	}
	return names
}

// OwnMetrics returns the names of the scenario's own metrics, in order.
func (s *Scenario) OwnMetrics() []string {
	var names []string
	if c := s.Run().Custom; c != nil {
		for _, m := range c.Metrics {
			names = append(names, m.Name)
		}
	}
	return names
}

// Unit returns the unit of the metric of that name, the scenario's own or a
// built-in one, or "".
func (s *Scenario) Unit(name string) string {
	if c := s.Run().Custom; c != nil {
		for _, m := range c.Metrics {
			if m.Name == name {
				return m.Unit
			}
		}
	}
	return metrics.Unit(name)
}

// checkMoments refuses, with stop_when, a claim or sweep that reads a
// fixed month or window: a run stop_when ends early may not reach it. Those
// read the last EndMonths months of each run, wherever it ended.
func (ml *metricLoader) checkMoments(sc *Scenario) {
	if ml.stopWhen == "" {
		return
	}
	var moments []Moment
	var shown []string
	for _, c := range sc.Claims {
		moments, shown = append(moments, c.Moment), append(shown, fmt.Sprintf("claim[%d].", c.Number))
	}
	for i, sw := range sc.Sweeps {
		moments, shown = append(moments, sw.Moment), append(shown, fmt.Sprintf("sweep[%d].", i+1))
	}
	for i, m := range moments {
		if m.key != "" {
			ml.l.add(m.line, shown[i]+m.key, "with stop_when a run may end before this "+m.key+": it cannot be read at a fixed time",
				fmt.Sprintf("leave it out to read the last %d months of each run, wherever it ended (stop_when is %s)", EndMonths, ml.where()))
		}
	}
}

// where says where stop_when was given, for messages.
func (ml *metricLoader) where() string {
	if ml.stopLine == 0 {
		return "from --set"
	}
	return fmt.Sprintf("on line %d", ml.stopLine)
}
