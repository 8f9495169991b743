package classroom

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
	"commonwealth/internal/waitfor"
)

// TestLessonStages walks a lesson as a class would: the title, the
// question, a prediction that starts the worlds, the end of the run that
// brings the answer; and switches to exploring and back.
func TestLessonStages(t *testing.T) {
	s := newLesson(t, "data-dividend", "people=100")
	l := s.Lesson
	if l == nil || l.Stage != StageTitle || !s.Paused || len(s.Arms) != 2 {
		t.Fatalf("a lesson should open paused at its title with its claim's two arms: %+v, %d arms", l, len(s.Arms))
	}
	if s.Arms[0].Name != "no dividend" || s.Arms[1].Name != "dividend" {
		t.Fatalf("arms %s, %s: the compared world goes left", s.Arms[0].Name, s.Arms[1].Name)
	}
	s.Apply(Intent{TogglePause: true})
	s.Update()
	if l.Stage != StagePredict || s.Month() != 0 {
		t.Fatalf("space on the title: stage %d, month %d", l.Stage, s.Month())
	}
	s.Apply(Intent{Predict: 2})
	if l.Stage != StageWatch || l.Prediction != 1 || s.Paused {
		t.Fatalf("the class's answer should start the worlds: stage %d, prediction %d", l.Stage, l.Prediction)
	}
	for !s.Done() {
		s.Update()
	}
	if l.Stage != StageReveal {
		t.Fatalf("the end of the run left the lesson at stage %d", l.Stage)
	}
	if err := s.Apply(Intent{Explore: true}); err != nil || s.Lesson != nil || len(s.Arms) != 2 || s.Month() != 0 {
		t.Fatalf("exploring: %v, %d arms", err, len(s.Arms))
	}
	if err := s.Apply(Intent{Explore: true}); err != nil || s.Lesson != l || l.Stage != StageReveal {
		t.Fatal("back to the lesson: it should keep its stage")
	}

	a := newLesson(t, "ai-is-capital", "people=100")
	if len(a.Arms) != 2 || a.Arms[0].Name != "private" || a.Arms[1].Name != "commons" {
		t.Fatalf("ai-is-capital's lesson shows %d arms", len(a.Arms))
	}
	w := newLesson(t, "wright", "people=100")
	if len(w.Arms) != 1 {
		t.Fatalf("a lesson about one arm against a number shows %d arms", len(w.Arms))
	}
}

// TestRevealEqualsCheck computes a lesson's answer as the window does, in
// the background and in frame slices, and compares it with the verdict
// `headless check` gives its claim on the same scenario and seeds: the same
// values seed by seed and the same interval, exactly. Twice more with a
// precondition on the claim that fails in one seed (left out of both) and
// in six of ten (NOT APPLICABLE in both).
func TestRevealEqualsCheck(t *testing.T) {
	for _, c := range []struct {
		ref     string
		sets    []string
		failing int // seeds whose Gini a precondition is made to fail; −1: the scenario's own precondition decides
	}{
		{"data-dividend", []string{"people=120"}, -1},
		{"boltzmann", []string{"people=200", "months=300"}, 0},
		{"boltzmann", []string{"people=200", "months=300"}, 1},
		{"boltzmann", []string{"people=200", "months=300"}, 6},
	} {
		sc, err := scenario.Load(c.ref, c.sets)
		if err != nil {
			t.Fatal(err)
		}
		rs, vs := check(t, sc)
		if c.failing > 0 {
			vs = withGiven(t, sc, rs, vs[sc.Lesson.Claim-1], c.failing)
		}
		v := vs[sc.Lesson.Claim-1]
		for _, background := range []bool{true, false} {
			r, err := NewReveal(sc)
			if err != nil {
				t.Fatal(err)
			}
			if background {
				r.Start()
			}
			deadline := time.Now().Add(waitfor.Budget(t)) // as long as the run allows
			for r.Answer() == nil && time.Now().Before(deadline) {
				if background {
					time.Sleep(10 * time.Millisecond)
				} else {
					r.Work(time.Millisecond)
				}
			}
			a := r.Answer()
			if a == nil {
				t.Fatalf("%s: no answer after a minute", c.ref)
			}
			if done, all := r.Progress(); done != all || all != sc.Run().Seeds {
				t.Fatalf("progress %d of %d", done, all)
			}
			if (c.failing >= 0 && a.Failed != c.failing) || (c.failing >= 0 && (v.Outcome == claims.NotApplicable) != (c.failing > 5)) {
				t.Fatalf("%s: %d of %d seeds failing the precondition: %d left out, %v", c.ref, c.failing, len(v.Values), a.Failed, v.Outcome)
			}
			sameAsCheck(t, c.ref, a, v)
		}
	}
}

// check runs every seed of sc as `headless check` does, and returns the
// runs and its verdicts.
func check(t *testing.T, sc *scenario.Scenario) ([]batch.Result, []claims.Verdict) {
	t.Helper()
	rs, err := batch.Run(context.Background(), sc, batch.Options{})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := claims.Judge(sc, rs)
	if err != nil {
		t.Fatal(err)
	}
	return rs, vs
}

// sameAsCheck fails the test unless a is the answer `headless check`'s
// verdict v gives: the same values seed by seed, the same interval, the
// same seeds left out and agreeing, the same outcome.
func sameAsCheck(t *testing.T, ref string, a *Answer, v claims.Verdict) {
	t.Helper()
	if !slices.Equal(a.Diff, v.Values) || !same(a.Mean, v.Mean) || !same(a.Lo, v.Lo) || !same(a.Hi, v.Hi) ||
		!slices.Equal(a.Passed, v.Passed) || a.Failed != v.Failed || a.Reason != v.Reason {
		t.Fatalf("%s: the reveal gives %v (%g [%g, %g]); check gives %v (%g [%g, %g])",
			ref, a.Diff, a.Mean, a.Lo, a.Hi, v.Values, v.Mean, v.Lo, v.Hi)
	}
	agree := a.Above
	if v.Claim.Op == "<" {
		agree = a.Below
	}
	if agree != v.Agree {
		t.Fatalf("%s: %d seeds agree in the reveal, %d in check", ref, agree, v.Agree)
	}
	want := map[claims.Outcome]int{claims.Supported: scenario.Higher, claims.Contradicted: scenario.Lower}[v.Outcome]
	if v.Claim.Op == "<" {
		want = map[claims.Outcome]int{claims.Supported: scenario.Lower, claims.Contradicted: scenario.Higher}[v.Outcome]
	}
	if v.Outcome == claims.Inconclusive {
		want = scenario.NoClearDifference
	}
	if v.Outcome == claims.NotApplicable {
		want = scenario.NotApplicable
	}
	if a.Outcome != want {
		t.Fatalf("%s: outcome %d; check's verdict %v", ref, a.Outcome, v.Outcome)
	}
}

// TestBallot holds the worlds at an event a hosted class votes on, until
// the vote is closed: yes applies it, no leaves the worlds as they were.
// Without a class the event applies as written, as in headless runs.
func TestBallot(t *testing.T) {
	owner := func(s *Sim) string {
		return s.arm("expropriated").World.Params().AI.Ownership.Automation
	}
	for _, yes := range []bool{true, false} {
		s := newLesson(t, "expropriation", "people=100")
		s.Voting = true
		for s.Ballot == nil && !s.Done() {
			s.StepMonth()
		}
		if s.Ballot == nil || s.Month() != 300 || !s.Paused {
			t.Fatalf("no ballot at month 300: month %d", s.Month())
		}
		s.Apply(Intent{TogglePause: true, Step: true})
		s.Update()
		if s.Month() != 300 {
			t.Fatal("the worlds went on while the class was voting")
		}
		s.Decide(yes)
		s.StepMonth()
		if got := owner(s); (got == "commons") != yes || s.Steered == yes {
			t.Fatalf("voted %v: the data centres are %s, steered %v", yes, got, s.Steered)
		}
	}
	s := newLesson(t, "expropriation", "people=100")
	for s.Month() <= 300 {
		s.StepMonth()
	}
	if s.Ballot != nil || owner(s) != "commons" {
		t.Fatal("without a class the event did not apply as written")
	}
}

// same reports whether x and y are equal, or both NaN.
func same(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }

// withGiven gives the lesson's claim (about one arm's Gini against a
// number) the precondition that the Gini exceed a threshold chosen between
// the seeds' values so that exactly failing seeds fail it, and judges the
// claims again.
func withGiven(t *testing.T, sc *scenario.Scenario, rs []batch.Result, v claims.Verdict, failing int) []claims.Verdict {
	t.Helper()
	c := sc.LessonClaim()
	var gini []float64
	for _, x := range v.Values {
		gini = append(gini, x+c.Value)
	}
	slices.Sort(gini)
	threshold := (gini[failing-1] + gini[failing]) / 2
	g, err := scenario.ParseGiven(fmt.Sprintf("%s > %v", c.Metric, threshold), nil, metrics.Names(sc.Run().Metrics()))
	if err != nil {
		t.Fatal(err)
	}
	c.Given = g
	vs, err := claims.Judge(sc, rs)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}
