package classroom

import (
	"context"
	"slices"
	"testing"

	"commonwealth/internal/batch"
	"commonwealth/internal/scenario"
	"commonwealth/internal/scenario/scenariotest"
)

// newSim opens a scenario to explore, every arm running.
func newSim(t *testing.T, ref string, sets ...string) *Sim {
	t.Helper()
	s := newLesson(t, ref, sets...)
	if s.Lesson != nil {
		if err := s.Apply(Intent{Explore: true}); err != nil || s.Lesson != nil {
			t.Fatalf("exploring: %v", err)
		}
	}
	return s
}

// newLesson opens a scenario as the window does: at its lesson, if any.
func newLesson(t *testing.T, ref string, sets ...string) *Sim {
	t.Helper()
	sc, err := scenario.Load(ref, sets)
	if err != nil {
		t.Fatal(err)
	}
	return openSim(t, sc)
}

// openSim opens sc as the window does, closed when the test ends.
func openSim(t *testing.T, sc *scenario.Scenario) *Sim {
	t.Helper()
	s, err := NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// TestIntentsDriveTheModel presses the keys' intents in turn.
func TestIntentsDriveTheModel(t *testing.T) {
	s := newSim(t, "trade", "people=100")
	if !s.Paused || s.Month() != 0 || s.Speed != DefaultSpeed {
		t.Fatal("a new window should start paused at month 0, at the default speed")
	}
	s.Update()
	if s.Month() != 0 {
		t.Fatal("a paused world moved")
	}
	s.Apply(Intent{Step: true})
	s.Apply(Intent{Step: true})
	if s.Month() != 2 || !s.Paused {
		t.Fatalf("two steps: month %d, paused %v", s.Month(), s.Paused)
	}
	s.Apply(Intent{TogglePause: true})
	s.Apply(Intent{Slower: true})
	for range 4 { // a quarter of a month an update
		if s.Month() != 2 {
			t.Fatalf("the month ended early, at %d", s.Month())
		}
		s.Update()
	}
	if s.Month() != 3 {
		t.Fatalf("four quarter months: month %d", s.Month())
	}
	s.Update()
	s.Apply(Intent{Step: true})
	if s.Month() != 4 || !s.Paused {
		t.Fatalf("a step in mid-month should finish the month: month %d", s.Month())
	}
	s.Apply(Intent{TogglePause: true})
	for range 4 {
		s.Apply(Intent{Faster: true})
	}
	before := s.Month()
	s.Update()
	if s.Month()-before != int(Speeds[DefaultSpeed+3]) {
		t.Fatalf("four steps faster ran %d months an update, want %v", s.Month()-before, Speeds[DefaultSpeed+3])
	}
	for range 10 {
		s.Apply(Intent{Slower: true})
	}
	if s.Speed != 0 {
		t.Fatalf("speed %d below the slowest", s.Speed)
	}
	s.Apply(Intent{Reset: true})
	if s.Month() != 0 || s.Seed != 1 {
		t.Fatalf("reset: month %d seed %d", s.Month(), s.Seed)
	}
	for range before {
		s.StepMonth()
	}
	s.Apply(Intent{NewSeed: true})
	if s.Seed != 2 || s.Month() != 0 {
		t.Fatalf("new seed: seed %d month %d", s.Seed, s.Month())
	}
	s.Apply(Intent{ToggleHelp: true})
	if !s.Help {
		t.Fatal("help did not open")
	}
}

// TestWindowEqualsHeadless checks that the window's numbers are the
// headless program's: the same scenario and seed give the same metrics,
// month by month, as batch.RunOne writes to timeseries.csv.
func TestWindowEqualsHeadless(t *testing.T) {
	for _, ref := range []string{"trade", "wright"} {
		s := newSim(t, ref, "people=300")
		s.Apply(Intent{TogglePause: true})
		for range 25 { // half months: the picture moves between observations
			s.Update()
		}
		months := s.Month()
		for a, st := range s.Arms {
			job := batch.NewJob(s.Scenario, a, s.Seed)
			job.Arm.Settings.Months = months
			r, err := batch.RunOne(context.Background(), job, false)
			if err != nil {
				t.Fatal(err)
			}
			for m := range months + 1 {
				if !slices.Equal(st.History[m], r.Series.Rows[m]) {
					t.Fatalf("%s arm %s month %d: window %v, headless %v", ref, st.Name, m, st.History[m], r.Series.Rows[m])
				}
			}
		}
	}
}

// TestSimStopsAtTheEnd checks that playing stops at the scenario's months.
func TestSimStopsAtTheEnd(t *testing.T) {
	s := newSim(t, "boltzmann", "months=7", "people=50")
	s.Apply(Intent{TogglePause: true})
	for range 4 {
		s.Apply(Intent{Faster: true})
	}
	for range 5 {
		s.Update()
	}
	if s.Month() != 7 || !s.Paused {
		t.Fatalf("month %d, paused %v", s.Month(), s.Paused)
	}
}

// lesson is a scenario with events: a caption, a change of one arm, and a
// question that pauses the world.
const lesson = `name = "lesson"
model = "exchange"
people = 200
start_wealth = 100
months = 60
[exchange]
rule = "saving"
amount = 10
[[arm]]
name = "a"
[[arm]]
name = "b"
[[event]]
month = 10
caption = "Arm b starts saving more"
arm = "b"
set = { "exchange.saving" = 0.9 }
[[event]]
month = 20
question = "What will the Gini of b do?"
`

func parseLesson(t *testing.T) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Parse("lesson.toml", []byte(lesson), nil)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestEventsInWindowAndHeadless plays the lesson: the caption appears, the
// question pauses the world before month 21, and the numbers still equal
// the headless run's, events included.
func TestEventsInWindowAndHeadless(t *testing.T) {
	sc := parseLesson(t)
	s, err := NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	s.Apply(Intent{TogglePause: true})
	for range 60 {
		s.Update()
	}
	if s.Month() != 20 || !s.Paused || s.Question != "What will the Gini of b do?" {
		t.Fatalf("month %d, paused %v, question %q: want a pause for the question at month 20", s.Month(), s.Paused, s.Question)
	}
	if s.Caption != "Arm b starts saving more" || s.Arms[1].Settings.Exchange.Saving != 0.9 || s.Arms[0].Settings.Exchange.Saving != 0.5 {
		t.Fatalf("caption %q, saving %v / %v", s.Caption, s.Arms[0].Settings.Exchange.Saving, s.Arms[1].Settings.Exchange.Saving)
	}
	s.Apply(Intent{TogglePause: true})
	if s.Question != "" {
		t.Fatal("the question stayed after playing on")
	}
	for range 200 {
		s.Update()
	}
	for a, st := range s.Arms {
		r, err := batch.RunOne(context.Background(), batch.NewJob(sc, a, s.Seed), false)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.History) != len(r.Series.Rows) {
			t.Fatalf("arm %s: %d months in the window, %d headless", st.Name, len(st.History), len(r.Series.Rows))
		}
		for m := range st.History {
			if !slices.Equal(st.History[m], r.Series.Rows[m]) {
				t.Fatalf("arm %s month %d differs", st.Name, m)
			}
		}
	}
}

// TestSliders sets a live key in every arm or in one, refuses a bad value
// with a notice instead of an error, and keeps the changes when the worlds
// start again unless asked to forget them.
func TestSliders(t *testing.T) {
	s := newSim(t, "wright", "people=100")
	if err := s.Apply(Intent{Set: &Setting{Key: "capitalism.wage_max", Value: "70"}}); err != nil || s.Notice != "" {
		t.Fatalf("%v %q", err, s.Notice)
	}
	if got := s.Arms[0].World.Params().Capitalism.WageMax; got != 70 {
		t.Fatalf("wage_max %d after the slider", got)
	}
	s.Apply(Intent{Set: &Setting{Key: "capitalism.wage_min", Value: "80"}})
	if s.Notice == "" || s.Arms[0].World.Params().Capitalism.WageMin != 10 {
		t.Fatalf("a wage floor above the ceiling was taken: %q", s.Notice)
	}
	s.Apply(Intent{Set: &Setting{Key: "people", Value: "5"}})
	if s.Notice != "people cannot change in a running world" {
		t.Fatalf("notice %q", s.Notice)
	}
	s.Apply(Intent{Reset: true})
	if got := s.Arms[0].World.Params().Capitalism.WageMax; got != 70 || s.Month() != 0 {
		t.Fatalf("reset lost the class's change: wage_max %d", got)
	}
	s.Apply(Intent{ResetAll: true})
	if got := s.Arms[0].World.Params().Capitalism.WageMax; got == 70 {
		t.Fatal("reset all kept the class's change")
	}

	d := newSim(t, "data-dividend", "people=100")
	if err := d.Apply(Intent{Set: &Setting{Arm: "dividend", Key: "data.dividend", Value: "1"}}); err != nil || d.Notice != "" {
		t.Fatalf("%v %q", err, d.Notice)
	}
	if a, b := d.Arms[0].World.Params().AI.Dividend, d.Arms[1].World.Params().AI.Dividend; a != 0 || b != 1 {
		t.Fatalf("a change to one arm gave dividends %g and %g", a, b)
	}
	d.Apply(Intent{Reset: true})
	if a, b := d.Arms[0].World.Params().AI.Dividend, d.Arms[1].World.Params().AI.Dividend; a != 0 || b != 1 {
		t.Fatalf("after a reset, dividends %g and %g", a, b)
	}
}

// TestInspect follows a person's money from the click on.
func TestInspect(t *testing.T) {
	s := newSim(t, "wright", "people=100")
	s.Apply(Intent{Inspect: &Pick{Arm: 0, Person: 7}})
	for range 5 {
		s.Apply(Intent{Step: true})
	}
	sel := s.Selected
	if sel == nil || sel.Person != 7 || len(sel.Wealth) != 6 || sel.Wealth[5] != s.Arms[0].Snap.Wealth[7] {
		t.Fatalf("inspection %+v", sel)
	}
	s.Apply(Intent{Inspect: &Pick{Arm: 0, Person: -1}})
	if s.Selected != nil {
		t.Fatal("the inspection did not close")
	}
}

// TestOwnMetricGauge opens a lesson whose first gauge is the scenario's own
// metric: the window measures it every month as headless run does, to the
// bit, and reads it like a built-in one.
func TestOwnMetricGauge(t *testing.T) {
	sc, err := scenariotest.OwnGauges("people=200")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Lesson == nil || sc.Lesson.Gauges[0] != scenariotest.OwnGauge {
		t.Fatalf("the lesson's gauges: %v", sc.Lesson)
	}
	s, err := NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	s.Apply(Intent{Next: true})
	s.Apply(Intent{Predict: 1})
	for range 30 {
		s.StepMonth()
	}
	months := s.Month()
	if months != 30 || len(s.Arms) != 2 {
		t.Fatalf("%d arms at month %d, want the lesson's two at 30", len(s.Arms), months)
	}
	for _, st := range s.Arms {
		a := slices.IndexFunc(sc.Arms, func(arm scenario.Arm) bool { return arm.Name == st.Name })
		job := batch.NewJob(sc, a, s.Seed)
		job.Arm.Settings.Months = months
		r, err := batch.RunOne(context.Background(), job, false)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(st.Names, r.Series.Names) {
			t.Fatalf("the window measures %v, headless %v", st.Names, r.Series.Names)
		}
		col := slices.Index(st.Names, scenariotest.OwnGauge)
		for m := range months + 1 {
			if !slices.Equal(st.History[m], r.Series.Rows[m]) {
				t.Fatalf("arm %s month %d: window %v, headless %v", st.Name, m, st.History[m], r.Series.Rows[m])
			}
		}
		if v := st.Value(scenariotest.OwnGauge); v != st.Row[col] || !(v > 1) {
			t.Fatalf("arm %s: the Palma ratio now is %v (row: %v)", st.Name, v, st.Row[col])
		}
	}
}
