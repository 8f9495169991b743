package classroom

import (
	"context"
	"slices"
	"testing"

	"commonwealth/internal/batch"
	"commonwealth/internal/scenario"
)

func newSim(t *testing.T, ref string, sets ...string) *Sim {
	t.Helper()
	sc, err := scenario.Load(ref, sets)
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestIntentsDriveTheModel presses the keys' intents in turn.
func TestIntentsDriveTheModel(t *testing.T) {
	s := newSim(t, "trade", "people=100")
	if !s.Paused || s.Month() != 0 {
		t.Fatal("a new window should start paused at month 0")
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
	s.Update()
	if s.Month() != 2+Speeds[0] {
		t.Fatalf("playing at the slowest speed: month %d", s.Month())
	}
	s.Apply(Intent{Faster: true})
	s.Apply(Intent{Faster: true})
	before := s.Month()
	s.Update()
	if s.Month()-before != Speeds[2] {
		t.Fatalf("two steps faster ran %d months an update, want %d", s.Month()-before, Speeds[2])
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
		for range 12 {
			s.Update()
		}
		months := s.Month()
		for a, st := range s.Arms {
			settings := s.Scenario.Arms[a].Settings
			settings.Months = months
			r, err := batch.RunOne(context.Background(), settings, s.Seed, false)
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
	s.Apply(Intent{Faster: true})
	s.Apply(Intent{Faster: true})
	for range 5 {
		s.Update()
	}
	if s.Month() != 7 || !s.Paused {
		t.Fatalf("month %d, paused %v", s.Month(), s.Paused)
	}
}
