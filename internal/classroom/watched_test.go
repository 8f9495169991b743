package classroom

import (
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"commonwealth/internal/scenario"
	"commonwealth/internal/waitfor"
	"commonwealth/scenarios"
)

// TestPicks checks the typical and surprising worlds of answers made by
// hand: an odd and an even count, worlds left out by the precondition,
// ties, and no direction.
func TestPicks(t *testing.T) {
	cases := []struct {
		name                     string
		diff                     []float64
		passed                   []bool
		mean                     float64
		median                   float64
		typical, surprising, pos int
	}{
		{"odd", []float64{5, -1, 3, 2, 9}, nil, 3.6, 3, 2, 1, 3},
		{"even: nearest the mean of the middle two, the first on a tie", []float64{4, 1, 2, 3}, nil, 2.5, 2.5, 2, 1, 2},
		{"lower: the highest surprises", []float64{-4, -1, -2, 0.5}, nil, -1.6, -1.5, 1, 3, 3},
		{"a world left out is never picked", []float64{10, 1, 2, 3, -50}, []bool{true, true, true, true, false}, 4, 2.5, 2, 1, 2},
		{"no direction: the farthest from the median", []float64{-1, 0, 1, 3}, nil, 0, 0.5, 1, 3, 2},
	}
	for _, c := range cases {
		a := &Answer{Diff: c.diff, Passed: c.passed, Mean: c.mean}
		if m := a.Median(); m != c.median {
			t.Errorf("%s: median %g, want %g", c.name, m, c.median)
		}
		if k := a.Pick(Typical); k != c.typical {
			t.Errorf("%s: typical world %d, want %d", c.name, k, c.typical)
		}
		if k := a.Pick(Surprising); k != c.surprising {
			t.Errorf("%s: surprising world %d, want %d", c.name, k, c.surprising)
		}
		if r, _ := a.Place(c.typical); r != c.pos {
			t.Errorf("%s: the typical world's place %d, want %d", c.name, r, c.pos)
		}
	}
	none := &Answer{Diff: []float64{1}, Passed: []bool{false}, Mean: math.NaN()}
	if none.Pick(Typical) != -1 || none.Pick(Surprising) != -1 || !math.IsNaN(none.Median()) {
		t.Error("an answer that counts no world picks one")
	}
}

// TestWatchedWorld checks that the lesson's worlds start with the typical
// world once the answer is in (the same on every run), that W switches to
// the surprising one, and that after the answer W starts the worlds again
// with it.
func TestWatchedWorld(t *testing.T) {
	var first uint64
	for run := range 2 {
		s := newLesson(t, "boltzmann", "people=100")
		l := s.Lesson
		waitfor.Until(t, "the lesson's answer", func() bool { return l.Reveal.Answer() != nil })
		a := l.Reveal.Answer()
		s.Apply(Intent{Next: true})
		s.Apply(Intent{Predict: 1})
		want := a.Seeds[a.Typical()]
		t.Logf("seeds %v, effects %v: typical %d, surprising %d", a.Seeds, a.Diff, want, a.Seeds[a.Surprising()])
		if !l.Chosen || s.Seed != want || s.Month() != 0 || s.Paused {
			t.Fatalf("the worlds started with seed %d (chosen %v, month %d), want the typical seed %d", s.Seed, l.Chosen, s.Month(), want)
		}
		if run == 0 {
			first = s.Seed
		} else if s.Seed != first {
			t.Fatalf("the typical seed was %d, then %d", first, s.Seed)
		}
		for !s.Done() {
			s.Update()
		}
		if err := s.Apply(Intent{Surprise: true}); err != nil {
			t.Fatal(err)
		}
		if l.Stage != StageWatch || s.Month() != 0 || s.Seed != a.Seeds[a.Surprising()] || l.Watching != Surprising {
			t.Fatalf("W after the answer: stage %d, month %d, seed %d, want the surprising seed %d from month 0", l.Stage, s.Month(), s.Seed, a.Seeds[a.Surprising()])
		}
	}
	s := newLesson(t, "boltzmann", "people=100")
	s.Apply(Intent{NewSeed: true})  // another seed than the surprising one here (the first)
	s.Apply(Intent{Surprise: true}) // before the worlds start: they will start with a surprising world
	waitfor.Until(t, "the lesson's answer", func() bool { return s.Lesson.Reveal.Answer() != nil })
	a := s.Lesson.Reveal.Answer()
	s.Apply(Intent{Next: true})
	s.Apply(Intent{Next: true})
	if s.Lesson.Stage != StageWatch || s.Seed != a.Seeds[a.Surprising()] || !s.Lesson.Chosen {
		t.Fatalf("W before the worlds started: seed %d, want the surprising %d", s.Seed, a.Seeds[a.Surprising()])
	}
}

// TestTypicalAtFullSize opens the default lesson at its full size, as the
// window does, and checks that once its answer is in the worlds start with
// the typical world; it logs how long the answer took (the other seeds on
// every core but one), which is how long a class must spend on the title
// and the question for the watched world to be the typical one.
func TestTypicalAtFullSize(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the default lesson's twelve seeds at full size take half a minute of one core")
	}
	start := time.Now()
	s := newLesson(t, scenarios.Default, "seeds=12") // the scenario's own seeds, set: not the scenario as written, so its answer is computed, not the one kept
	if stored(s.Scenario) != nil {
		t.Fatal("the answer kept for the scenario as written was taken")
	}
	l := s.Lesson
	waitfor.Until(t, "the default lesson's answer", func() bool { return l.Reveal.Answer() != nil })
	t.Logf("%s: the answer over %d seeds in %.1f s with %d worker(s)", scenarios.Default, len(l.Reveal.Answer().Diff), time.Since(start).Seconds(), max(1, runtime.NumCPU()-1))
	s.Apply(Intent{Next: true})
	s.Apply(Intent{Next: true})
	if a := l.Reveal.Answer(); !l.Chosen || s.Seed != a.Seeds[a.Typical()] {
		t.Fatalf("the worlds started with seed %d, want the typical %d", s.Seed, a.Seeds[a.Typical()])
	}
}

// TestLessonTooShort checks that a lesson whose claim is read after the
// run's end is refused with a clear error, not a panic in the background.
func TestLessonTooShort(t *testing.T) {
	sc, err := scenario.Load("data-dividend", []string{"people=50", "months=24"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewSim(sc)
	if err == nil || !strings.Contains(err.Error(), "the lesson's claim is judged at month 600 but the run lasts 24 months") {
		t.Fatalf("a run too short for its lesson: %v", err)
	}
}
