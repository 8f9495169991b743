package batch

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"

	"commonwealth/internal/agents"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// ownScenario is wright's model, small, with metrics of its own and the
// stop condition given.
func ownScenario(t *testing.T, stopWhen string) *scenario.Scenario {
	t.Helper()
	src := "model = \"capitalism\"\npeople = 300\nmonths = 40\nseeds = 3\n"
	if stopWhen != "" {
		src = "stop_when = \"" + stopWhen + "\"\n" + src
	}
	src += `
[[metric]]
name = "median_wealth"
unit = "money units"
text = "the median person's wealth"
expr = "quantile(wealth, 0.5)"

[[metric]]
name = "broke"
unit = "count"
text = "people holding nothing"
expr = "count(wealth, # == 0)"

[[metric]]
name = "worker_income"
unit = "money units a month"
text = "mean income of workers"
expr = "mean(where(income, map(class, # == \"worker\")))"

[[metric]]
name = "gini_twice"
unit = "ratio"
text = "twice the Gini coefficient of wealth, from the built-in metric"
expr = "2 * gini_wealth"
`
	sc, err := scenario.Parse("own.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestOwnMetricValues checks each metric a scenario defines against the
// same quantity computed from the run's last snapshot, or from the
// built-in metrics of the same month.
func TestOwnMetricValues(t *testing.T) {
	sc := ownScenario(t, "")
	r, err := RunOne(context.Background(), NewJob(sc, 0, 1), false)
	if err != nil {
		t.Fatal(err)
	}
	s := &r.Series
	if !slices.Equal(s.Names, metrics.Names(sc.Run().Metrics())) {
		t.Fatalf("columns %v", s.Names)
	}
	last := s.Last()
	col := func(name string) float64 { return last[s.Column(name)] }
	wealth := make([]float64, len(r.Final.Wealth))
	broke := 0
	for i, w := range r.Final.Wealth {
		wealth[i] = float64(w)
		if w == 0 {
			broke++
		}
	}
	slices.Sort(wealth)
	if got, want := col("median_wealth"), stat.Quantile(0.5, stat.Empirical, wealth, nil); got != want {
		t.Errorf("median_wealth %g, want %g", got, want)
	}
	if got := col("broke"); got != float64(broke) {
		t.Errorf("broke %g, want %d", got, broke)
	}
	if got, want := col("broke"), col("broke_share")*300; math.Abs(got-want) > 1e-9 {
		t.Errorf("broke %g, but broke_share × people = %g", got, want)
	}
	var sum float64
	var n int
	for i, c := range r.Final.ClassOf {
		if agents.Class(c) == agents.Worker {
			sum += float64(r.Final.Income[i])
			n++
		}
	}
	if n == 0 {
		t.Fatal("no workers at month 40: the test needs some")
	}
	if got, want := col("worker_income"), sum/float64(n); math.Abs(got-want) > 1e-9*want {
		t.Errorf("worker_income %g, want %g", got, want)
	}
	for i := range s.Rows {
		if got, want := s.Rows[i][s.Column("gini_twice")], 2*s.Rows[i][s.Column("gini_wealth")]; got != want {
			t.Fatalf("month %d: gini_twice %g, want %g", s.Months[i], got, want)
		}
	}
	if r.Exit != 0 || len(s.Rows) != 41 {
		t.Errorf("without stop_when: exit %d, %d rows", r.Exit, len(s.Rows))
	}
}

// TestStopWhen checks that a run ends after the first month its stop
// condition holds, that it records that month, that a condition that never
// holds changes nothing, and that the stop is the same every time.
func TestStopWhen(t *testing.T) {
	ctx := context.Background()
	full, err := Run(ctx, ownScenario(t, ""), Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	never, err := Run(ctx, ownScenario(t, "month > 1000"), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := range full {
		if never[i].Exit != 0 || !slices.EqualFunc(never[i].Series.Rows, full[i].Series.Rows, slices.Equal) {
			t.Errorf("run %d: a condition that never holds changed the run (exit %d)", i, never[i].Exit)
		}
	}
	const cond = "broke > 20"
	stopped, err := Run(ctx, ownScenario(t, cond), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	again, err := Run(ctx, ownScenario(t, cond), Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range stopped {
		// The first month after the start in which broke > 20, in the full run.
		want := 0
		s := &full[i].Series
		for k := 1; k < len(s.Rows); k++ {
			if s.Rows[k][s.Column("broke")] > 20 {
				want = s.Months[k]
				break
			}
		}
		if want == 0 {
			t.Fatalf("run %d: %s never holds in 40 months: the test needs a condition that does", i, cond)
		}
		if r.Exit != want || r.Series.Months[len(r.Series.Months)-1] != want {
			t.Errorf("run %d stopped at %d (last row %d), want %d", i, r.Exit, r.Series.Months[len(r.Series.Months)-1], want)
		}
		if !slices.EqualFunc(r.Series.Rows, full[i].Series.Rows[:want+1], slices.Equal) {
			t.Errorf("run %d: the months before the stop differ from the full run's", i)
		}
		if again[i].Exit != r.Exit || !slices.EqualFunc(again[i].Series.Rows, r.Series.Rows, slices.Equal) {
			t.Errorf("run %d: stopped differently with another number of workers", i)
		}
	}
	sc := ownScenario(t, cond)
	stops := Stops(sc, nil, stopped)
	if len(stops) != len(stopped) || stops[0].Month != stopped[0].Exit || stops[0].Arm != sc.Arms[0].Name {
		t.Errorf("Stops %+v", stops)
	}
}

// TestOwnMetricsKeyTheStore checks that the run store tells apart runs
// whose own metrics or stop condition differ.
func TestOwnMetricsKeyTheStore(t *testing.T) {
	a := fingerprint(NewJob(ownScenario(t, ""), 0, 1))
	b := fingerprint(NewJob(ownScenario(t, "broke > 20"), 0, 1))
	plain := fingerprint(NewJob(load(t, "wright"), 0, 1))
	if a == b || a == plain {
		t.Errorf("fingerprints %s %s %s: the stop condition or the metrics are left out", a, b, plain)
	}
}

// TestOwnMetricFails checks that an expression that fails on a month's
// numbers stops the run with an error naming the metric, its line and the
// month.
func TestOwnMetricFails(t *testing.T) {
	src := "model = \"capitalism\"\npeople = 30\nmonths = 3\nseeds = 1\n[[metric]]\nname = \"m\"\nunit = \"x\"\ntext = \"t\"\nexpr = \"quantile(wealth, month - 1)\"\n"
	sc, err := scenario.Parse("bad.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = RunOne(context.Background(), NewJob(sc, 0, 1), false)
	want := "seed 1: metric m (line 5) at month 0: quantile(xs, q) needs 0 ≤ q ≤ 1, got -1"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}
