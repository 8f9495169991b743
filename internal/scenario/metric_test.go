package scenario

import (
	"slices"
	"strings"
	"testing"

	"commonwealth/internal/metrics"
)

// ownMetric is a two-arm capitalism scenario of one month with the given
// lines after its arms; a first line setting stop_when goes before them.
func ownMetric(lines string) []byte {
	top := ""
	if strings.HasPrefix(lines, "stop_when") {
		top, lines, _ = strings.Cut(lines, "\n")
		top += "\n"
	}
	return []byte(top + "model = \"capitalism\"\npeople = 50\nmonths = 1\nseeds = 2\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n" + lines)
}

const medianBlock = "[[metric]]\nname = \"median_wealth\"\nunit = \"money units\"\ntext = \"the median person's wealth\"\nexpr = \"quantile(wealth, 0.5)\"\n"

// TestOwnMetricIsAMetric checks that a [[metric]] joins the model's
// metrics, after the built-in ones, with its unit, so claims, sweeps and
// units find it as they find a built-in one.
func TestOwnMetricIsAMetric(t *testing.T) {
	src := ownMetric(medianBlock +
		"[[claim]]\ntext = \"a has the richer median\"\nmetric = \"median_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \">\"\n" +
		"[[claim]]\ntext = \"as an expression\"\nexpr = \"a.median_wealth > b.median_wealth\"\n" +
		"[[sweep]]\nkey = \"capitalism.wage_max\"\nvalues = [60, 90]\nmetrics = [\"median_wealth\"]\n")
	sc, err := Parse("own.toml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	names := metrics.Names(sc.Run().Metrics())
	builtin := metrics.Names(metrics.For(true, false))
	if !slices.Equal(names, append(builtin, "median_wealth")) {
		t.Errorf("metrics %v, want the built-in ones then median_wealth", names)
	}
	if u := sc.Unit("median_wealth"); u != "money units" {
		t.Errorf("unit %q", u)
	}
	if u := sc.Unit("gini_wealth"); u != "0..1" {
		t.Errorf("a built-in metric's unit %q", u)
	}
	if got := sc.OwnMetrics(); !slices.Equal(got, []string{"median_wealth"}) {
		t.Errorf("OwnMetrics %v", got)
	}
	for i := range sc.Arms {
		if sc.Arms[i].Settings.Custom != sc.Base.Custom {
			t.Errorf("arm %d does not share the scenario's metrics", i)
		}
	}
	if len(sc.Claims) != 2 || !sc.Claims[1].Boolean() {
		t.Errorf("claims %+v", sc.Claims)
	}
	plain, err := Parse("plain.toml", ownMetric(""), nil)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Run().Custom != nil || plain.Run().Custom.Key() != "" {
		t.Error("a scenario without [[metric]] or stop_when has Custom")
	}
	if k := sc.Run().Custom.Key(); !strings.Contains(k, "median_wealth=quantile(wealth, 0.5)") {
		t.Errorf("Key %q leaves out the expression", k)
	}
}

// TestOwnMetricErrors checks that every mistake in a [[metric]] or
// stop_when is reported at its line and key, with a suggestion.
func TestOwnMetricErrors(t *testing.T) {
	for _, c := range []struct{ lines, want string }{
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"gini_walth * 2\"\n",
			`own.toml:13: metric[1].expr: unknown metric or variable gini_walth; did you mean "gini_wealth"?`},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"quantil(wealth, 0.5)\"\n",
			`metric[1].expr: unknown metric or variable quantil; did you mean "quantile"?`},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"n + 1\"\n[[metric]]\nname = \"n\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\n",
			"metric[1].expr: n is defined further down: a metric may use only the metrics defined above it; move this [[metric]] below the one it uses"},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"m + 1\"\n", "metric[1].expr: m is defined further down"},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"mean(skill)\"\n", "metric[1].expr: skill is measured only in automation (ai.enabled = true)"},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"gini_wealth > 0.5\"\n", "metric[1].expr: invalid expression: a metric's expression must give a number"},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"quantile(wealth\"\n", "metric[1].expr: invalid expression: "},
		{"[[metric]]\nname = \"gini_wealth\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\n", "metric[1].name: gini_wealth is a built-in metric"},
		{"[[metric]]\nname = \"wealth\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\n", "metric[1].name: wealth is a name expressions use already"},
		{"[[metric]]\nname = \"abs\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\n", "metric[1].name: abs is a function expressions use already"},
		{"[[metric]]\nname = \"my metric\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\n", `metric[1].name: "my metric" cannot be a metric's name`},
		{"[[metric]]\nname = \"m\"\ntext = \"t\"\nexpr = \"1\"\n", "own.toml:9: metric[1]: a metric needs its unit"},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\nexpr = \"1\"\n", "metric[1]: a metric needs a sentence"},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\nexprs = \"2\"\n", `metric[1].exprs: unknown key of a metric; did you mean "expr"?`},
		{"[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"1\"\n[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"2\"\n", "metric[2].name: m is a name expressions use already"},
		{"stop_when = \"unemployed_shar > 0.5\"\n", `own.toml:1: stop_when: unknown metric or variable unemployed_shar; did you mean "unemployed_share"?`},
		{"stop_when = \"unemployed_share\"\n", "stop_when: invalid expression: stop_when must give true or false"},
		{"stop_when = \"now() > 0\"\n", "stop_when: now reads the clock"},
		{"stop_when = \"month > 3\"\n[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nwindow = [0, 1]\n",
			"own.toml:15: claim[1].window: with stop_when a run may end before this window"},
	} {
		_, err := Parse("own.toml", ownMetric(c.lines), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\ngot  %v\nwant %q", c.lines, err, c.want)
		}
	}
}

// TestClaimNamesOwnMetric checks that a claim's typo of a scenario's own
// metric is found among them.
func TestClaimNamesOwnMetric(t *testing.T) {
	src := ownMetric(medianBlock + "[[claim]]\ntext = \"t\"\nmetric = \"median_welth\"\narm = \"a\"\ncompare = \"b\"\n")
	_, err := Parse("own.toml", src, nil)
	if err == nil || !strings.Contains(err.Error(), `claim[1].metric: unknown metric "median_welth" for this model; did you mean "median_wealth"?`) {
		t.Errorf("got %v", err)
	}
}

// TestStopWhenFromSet checks that --set stop_when=... sets the condition,
// replaces the file's, and reports its mistakes as the flag's.
func TestStopWhenFromSet(t *testing.T) {
	sc, err := Parse("own.toml", ownMetric("stop_when = \"month > 3\"\n"), []string{"stop_when=month > 5"})
	if err != nil {
		t.Fatal(err)
	}
	if c := sc.Run().Custom; c == nil || c.StopWhen != "month > 5" {
		t.Errorf("stop_when %+v, want the flag's", c)
	}
	_, err = Parse("own.toml", ownMetric(""), []string{"stop_when=mnth > 5"})
	if err == nil || !strings.Contains(err.Error(), `--set: stop_when: unknown metric or variable mnth; did you mean "month"?`) {
		t.Errorf("got %v", err)
	}
}

// TestLessonOwnMetric checks that a lesson may watch a scenario's own
// metric among its gauges, as the window draws built-in ones, but cannot be
// answered by one: the answer is computed in the browser too, which leaves
// the expressions out.
func TestLessonOwnMetric(t *testing.T) {
	claim := "[[claim]]\ntext = \"t\"\nmetric = \"median_wealth\"\narm = \"a\"\ncompare = \"b\"\n"
	_, err := Parse("own.toml", ownMetric(medianBlock+claim+"[lesson]\nquestion = \"q\"\nclaim = 1\n"), nil)
	if want := "lesson.claim: claim 1 is about median_wealth, the scenario's own metric: a lesson's answer is computed in the browser too"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
	lesson := "[lesson]\nquestion = \"q\"\nclaim = 2\ngauges = [\"median_wealth\", \"gini_wealth\"]\n[[claim]]\ntext = \"u\"\nmetric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\n"
	sc, err := Parse("own.toml", ownMetric(medianBlock+claim+lesson), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.Lesson.Gauges; !slices.Equal(got, []string{"median_wealth", "gini_wealth"}) {
		t.Errorf("gauges %v, want the own metric and the built-in one", got)
	}
	_, err = Parse("own.toml", ownMetric(medianBlock+claim+strings.Replace(lesson, "median_wealth", "median_welth", 1)), nil)
	if want := `lesson.gauges: median_welth is not a metric of this model; did you mean "median_wealth"?`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}
