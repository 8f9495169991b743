// Package classroom is the state of the classroom window without the
// window: a scenario's arms run side by side, intents that keys and buttons
// become, and the arrangement of the people on screen. Package ui draws it
// with ebiten; tests drive it here, as the keys would, without a display.
package classroom

import (
	"fmt"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// Speeds are the months one update runs, from slowest to fastest.
var Speeds = []int{1, 2, 5, 10, 20}

// Sim runs a scenario's arms in step, one world per arm with the same seed,
// and keeps the history the charts draw.
type Sim struct {
	Scenario *scenario.Scenario
	Seed     uint64
	Paused   bool
	Speed    int // index into Speeds
	Help     bool

	Arms []*ArmState
}

// ArmState is one arm's world and what has been measured of it.
type ArmState struct {
	Name    string
	World   *economy.World
	Snap    economy.Snapshot
	Meter   metrics.Meter
	Row     []float64   // the metrics now
	History [][]float64 // the metrics after each month, from month 0
}

// NewSim starts every arm of sc with the scenario's first seed, paused.
func NewSim(sc *scenario.Scenario) (*Sim, error) {
	s := &Sim{Scenario: sc, Seed: sc.Run().Seed, Paused: true}
	return s, s.reset()
}

// reset starts the worlds again from month 0 with s.Seed.
func (s *Sim) reset() error {
	s.Arms = nil
	for _, a := range s.Scenario.Arms {
		w, err := economy.New(a.Settings.Params, s.Seed)
		if err != nil {
			return fmt.Errorf("arm %s: %w", a.Name, err)
		}
		st := &ArmState{Name: a.Name, World: w}
		w.Observe(&st.Snap)
		st.Meter = metrics.Meter{Metrics: metrics.For(st.Snap.Classes)}
		st.record()
		s.Arms = append(s.Arms, st)
	}
	return nil
}

func (st *ArmState) record() {
	st.Row = st.Meter.Measure(make([]float64, 0, len(st.Meter.Metrics)), &st.Snap)
	st.History = append(st.History, st.Row)
}

// Value returns the named metric now, or 0 when the model lacks it.
func (st *ArmState) Value(name string) float64 {
	for i, m := range st.Meter.Metrics {
		if m.Name == name {
			return st.Row[i]
		}
	}
	return 0
}

// Month returns the months the worlds have run.
func (s *Sim) Month() int { return s.Arms[0].World.Month() }

// Done reports whether the scenario's months have all run.
func (s *Sim) Done() bool { return s.Month() >= s.Scenario.Run().Months }

// StepMonth runs one month of every arm and measures it.
func (s *Sim) StepMonth() {
	if s.Done() {
		return
	}
	for _, st := range s.Arms {
		st.World.StepMonth()
		st.World.Observe(&st.Snap)
		st.record()
	}
}

// Intent is what the user asked for in one update: keys and buttons become
// intents, and only intents change the Sim.
type Intent struct {
	TogglePause bool
	Step        bool // one month, and pause
	Faster      bool
	Slower      bool
	Reset       bool // the same seed from month 0
	NewSeed     bool // the next seed from month 0
	ToggleHelp  bool
}

// Apply carries out an intent.
func (s *Sim) Apply(in Intent) error {
	switch {
	case in.Reset:
		return s.reset()
	case in.NewSeed:
		s.Seed++
		return s.reset()
	}
	if in.TogglePause {
		s.Paused = !s.Paused
	}
	if in.Step {
		s.Paused = true
		s.StepMonth()
	}
	if in.Faster && s.Speed < len(Speeds)-1 {
		s.Speed++
	}
	if in.Slower && s.Speed > 0 {
		s.Speed--
	}
	if in.ToggleHelp {
		s.Help = !s.Help
	}
	return nil
}

// Update runs one update's worth of months when playing: Speeds[Speed]
// whole months, never scaled by the wall clock.
func (s *Sim) Update() {
	if s.Paused {
		return
	}
	for range Speeds[s.Speed] {
		s.StepMonth()
	}
	if s.Done() {
		s.Paused = true
	}
}
