// Package classroom is the state of the classroom window without the
// window: a scenario's arms run side by side, intents that keys and buttons
// become, and the arrangement of the people on screen. Package ui draws it
// with ebiten; tests drive it here, as the keys would, without a display.
package classroom

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// Speeds are the months one update runs, from slowest to fastest. Below
// one, a month takes several updates: the people move a little each frame
// and the numbers change when the month is complete.
var Speeds = []float64{1.0 / 30, 0.25, 0.5, 1, 2, 5, 10, 20}

// DefaultSpeed is half a month a frame: two and a half years a second at
// 60 frames a second.
const DefaultSpeed = 2

// ClassPace is the speed of a class deciding in rounds: a thirtieth of a
// month a frame, a year every 6 seconds, so that the class lives through
// the years between its decisions.
const ClassPace = 0

// Sim runs a scenario's arms in step, one world per arm with the same seed,
// and keeps the history the charts draw.
type Sim struct {
	Scenario *scenario.Scenario
	Seed     uint64
	Paused   bool
	Speed    int // index into Speeds
	Help     bool
	Sliders  bool // the parameters panel is open

	Caption     string // the last event's caption, shown until the next
	CaptionFrom int    // the month the caption appeared
	Question    string // an event's question, shown while paused for predictions
	Notice      string // why the last slider change was refused, or ""
	Selected    *Inspection

	Shown     []string        // the arms running, by name; nil for every arm
	Changes   []Setting       // the sliders' changes, kept when the worlds start again
	Lesson    *Lesson         // the guided lesson, or nil when exploring
	lesson    *Lesson         // the scenario's lesson, kept while exploring
	worked    time.Time       // when Work last ran
	Voting    bool            // a class is hosted: events with a vote wait for its decision
	Ballot    *scenario.Event // the event the class is voting on, or nil
	Ballots   int             // ballots opened so far: the open one's number
	Steered   bool            // a hosted class's votes have changed the worlds from the scenario as written
	Round     *Round          // the decision round holding the class's world, or nil
	Rounds    int             // rounds opened so far: the open one's number
	Decisions []Decision      // the rounds closed since the worlds started, in order
	held      *holder         // runs the class's world where rounds can hold it; nil without rounds
	Arms      []*ArmState
	events    []scenario.Event // still to happen, in month order
}

// Inspection follows one person of one arm, from the month they were
// clicked on.
type Inspection struct {
	Arm, Person int
	From        int     // the month the history starts
	Wealth      []int64 // their money after each month since
}

// ArmState is one arm's world and what has been measured of it.
type ArmState struct {
	Name     string
	Settings scenario.Settings // as running: the arm's, changed by events and sliders
	World    *economy.World
	Snap     economy.Snapshot
	Meter    metrics.Meter
	Names    []string    // the metrics of Row and History: the built-in ones, then the scenario's own
	Row      []float64   // the metrics now
	History  [][]float64 // the metrics after each month, from month 0
	slab     []float64   // room for the next rows, allocated many months at a time
	own      *scenario.Observer
}

// NewSim starts sc with the scenario's first seed, paused: at its lesson's
// title when it has a lesson, and otherwise with every arm.
func NewSim(sc *scenario.Scenario) (*Sim, error) {
	s := &Sim{Scenario: sc, Seed: sc.Run().Seed, Paused: true, Speed: DefaultSpeed}
	if sc.Lesson != nil {
		if err := s.startLesson(); err != nil {
			return nil, err
		}
	}
	return s, s.reset()
}

// reset starts the worlds again from month 0 with s.Seed.
func (s *Sim) reset() error {
	s.releaseRound()
	s.Arms = nil
	s.events = s.Scenario.Events
	s.Caption, s.Question, s.Selected, s.Ballot, s.Steered = "", "", nil, nil, false
	for _, a := range s.Scenario.Arms {
		if s.Shown != nil && !slices.Contains(s.Shown, a.Name) {
			continue
		}
		set := a.Settings
		for _, c := range s.Changes {
			if c.Arm == "" || c.Arm == a.Name {
				if err := scenario.SetLive(&set, c.Key, c.Value); err != nil {
					return fmt.Errorf("arm %s: %w", a.Name, err)
				}
			}
		}
		w, err := economy.New(set.Params, s.Seed)
		if err != nil {
			return fmt.Errorf("arm %s: %w", a.Name, err)
		}
		st := &ArmState{Name: a.Name, Settings: set, World: w}
		w.Observe(&st.Snap)
		st.Meter = metrics.Meter{Metrics: metrics.ForSnapshot(&st.Snap)}
		builtin := metrics.Names(st.Meter.Metrics)
		st.own = set.Custom.Observer(builtin)
		st.Names = append(builtin, s.Scenario.OwnMetrics()...)
		st.record()
		s.Arms = append(s.Arms, st)
	}
	return nil
}

// slabMonths is how many months of rows one allocation holds.
const slabMonths = 256

// record measures the month: the built-in metrics, then the scenario's own
// as headless run does (NaN from the first whose expression fails, as in
// the browser build, which computes none of them).
func (st *ArmState) record() {
	n := len(st.Names)
	if len(st.slab) < n {
		st.slab = make([]float64, n*slabMonths)
	}
	row := st.Meter.Measure(st.slab[:0:n], &st.Snap)
	row, _ = st.own.Measure(row, &st.Snap)
	for len(row) < n {
		row = append(row, math.NaN())
	}
	st.Row = row
	st.slab = st.slab[n:]
	st.History = append(st.History, st.Row)
}

// Value returns the named metric now, or 0 when the model lacks it.
func (st *ArmState) Value(name string) float64 {
	if i := slices.Index(st.Names, name); i >= 0 {
		return st.Row[i]
	}
	return 0
}

// At returns the named metric at a moment of the history: one month, or
// the mean over the moment's months, as headless check reads a run.
func (st *ArmState) At(m scenario.Moment, name string) float64 {
	if i := slices.Index(st.Names, name); i >= 0 {
		from, to := m.Rows(len(st.History))
		return metrics.MeanColumn(st.History[from:to], i)
	}
	return 0
}

// arm returns the running arm of that name, or nil.
func (s *Sim) arm(name string) *ArmState {
	for _, st := range s.Arms {
		if st.Name == name {
			return st
		}
	}
	return nil
}

// Month returns the months the worlds have run.
func (s *Sim) Month() int { return s.Arms[0].World.Month() }

// Done reports whether the scenario's months have all run.
func (s *Sim) Done() bool { return s.Month() >= s.Scenario.Run().Months }

// StepMonth runs the rest of the current month in every arm.
func (s *Sim) StepMonth() { s.steps(s.Arms[0].World.LeftInMonth()) }

// steps runs up to n activations of every arm, in step, and measures each
// month as it completes. The events of a month happen before its first
// activation; one with a question pauses the Sim there, so the class can
// predict, and the month runs on the next step.
func (s *Sim) steps(n int) {
	for n > 0 && !s.Done() && s.Ballot == nil && s.Round == nil {
		w := s.Arms[0].World
		if w.MonthStarted() && s.happen() {
			return
		}
		ran := min(n, w.LeftInMonth())
		if !s.stepArms(ran) {
			return // a round holds the class's world
		}
		n -= ran
		s.measure()
	}
}

// measure observes every arm once their month is complete.
func (s *Sim) measure() {
	if !s.Arms[0].World.MonthStarted() {
		return
	}
	for _, st := range s.Arms {
		st.World.Observe(&st.Snap)
		st.record()
	}
	if sel := s.Selected; sel != nil {
		sel.Wealth = append(sel.Wealth, s.Arms[sel.Arm].Snap.Wealth[sel.Person])
	}
	s.learn()
}

// happen applies the events due now, as batch.RunOne does; it reports
// whether one asks a question (and so pauses).
func (s *Sim) happen() bool {
	for len(s.events) > 0 && s.events[0].Month <= s.Month() {
		e := s.events[0]
		s.events = s.events[1:]
		if e.Vote != "" && s.Voting {
			s.Ballot, s.Paused = &e, true
			s.Ballots++
			return true
		}
		s.apply(e)
		if e.Question != "" {
			s.Question, s.Paused = e.Question, true
			return true
		}
	}
	return false
}

// apply sets an event's keys in the arms it concerns and shows its caption.
func (s *Sim) apply(e scenario.Event) {
	for _, st := range s.Arms {
		if e.AppliesTo(st.Name) {
			e.Apply(&st.Settings)
			st.World.SetParams(st.Settings.Params) // checked when the scenario was loaded
		}
	}
	if e.Caption != "" {
		s.Caption, s.CaptionFrom = e.Caption, s.Month()
	}
}

// Decide closes the class's vote on the open ballot: yes applies its
// event, no leaves the worlds as they are; either way they go on.
func (s *Sim) Decide(yes bool) {
	e := s.Ballot
	if e == nil {
		return
	}
	s.Ballot, s.Paused = nil, false
	if yes {
		s.apply(*e)
		s.Caption, s.CaptionFrom = "The class voted yes: "+e.Vote, s.Month()
		return
	}
	s.Caption, s.CaptionFrom = "The class voted no: "+e.Vote, s.Month()
	s.Steered = true
}

// Intent is what the user asked for in one update: keys and buttons become
// intents, and only intents change the Sim.
type Intent struct {
	TogglePause bool
	Step        bool // one month, and pause
	Faster      bool
	Slower      bool
	Reset       bool // the same seed from month 0, keeping the sliders' changes
	ResetAll    bool // the same seed from month 0, as the scenario is written
	NewSeed     bool // the next seed from month 0
	Next        bool // the lesson's next stage
	Predict     int  // the class's answer, from 1; 0 for none
	Surprise    bool // the lesson's watched world: a typical one, or a surprising one
	Explore     bool // switch between the lesson and every arm
	ToggleHelp  bool
	Sliders     bool // open or close the parameters panel
	Set         *Setting
	Inspect     *Pick // a person clicked on; an empty Pick clears
}

// Setting is a live key set to a value in one arm, or in every arm when Arm
// is "", as a slider does.
type Setting struct{ Arm, Key, Value string }

// Pick names a person of an arm; Person −1 means nobody.
type Pick struct{ Arm, Person int }

// Apply carries out an intent.
func (s *Sim) Apply(in Intent) error {
	switch {
	case in.Reset:
		return s.reset()
	case in.ResetAll:
		s.Changes = nil
		return s.reset()
	case in.NewSeed:
		s.Seed++
		if s.Lesson != nil {
			s.Lesson.Chosen = false
		}
		return s.reset()
	case in.Explore:
		return s.toggleLesson()
	case in.Surprise && s.Lesson != nil:
		return s.surprise()
	}
	if l := s.Lesson; l != nil && l.Stage < StageWatch {
		// Before the worlds run, Space and → move the lesson on; the
		// class's answer starts them.
		if in.TogglePause || in.Step || in.Next {
			s.advance()
		}
		if in.Predict > 0 {
			s.predict(in.Predict - 1)
		}
		if l.Stage == StageWatch { // the worlds start: with the world the class watches
			if err := s.watch(); err != nil {
				return err
			}
		}
		in.TogglePause, in.Step = false, false
	} else if in.Next && l != nil {
		s.advance()
	}
	if s.Ballot != nil || s.Round != nil { // the class's vote, or a round, holds the worlds until it is closed
		in.TogglePause, in.Step = false, false
	}
	if in.TogglePause {
		s.Paused = !s.Paused
		s.Question = "" // the class has predicted
	}
	if in.Step {
		s.Paused = true
		s.Question = "" // stepping on answers the question too
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
	if in.Sliders {
		s.Sliders = !s.Sliders
	}
	if in.Inspect != nil {
		s.inspect(*in.Inspect)
	}
	if in.Set != nil {
		s.Notice = ""
		if err := s.set(*in.Set); err != nil {
			s.Notice = err.Error()
		}
	}
	return nil
}

// set changes a live key in its arm (or every arm), from the next step on,
// and keeps the change for when the worlds start again; a value that a
// world refuses changes no arm.
func (s *Sim) set(st Setting) error {
	if s.Round != nil {
		return errors.New("the class is deciding: wait for the round to close")
	}
	next := make([]scenario.Settings, len(s.Arms))
	for i, a := range s.Arms {
		next[i] = a.Settings
		if st.Arm != "" && st.Arm != a.Name {
			continue
		}
		if err := scenario.SetLive(&next[i], st.Key, st.Value); err != nil {
			return err
		}
		if c := next[i].Capitalism; c.WageMin > c.WageMax {
			return fmt.Errorf("the lowest wage (%d) cannot exceed the highest (%d)", c.WageMin, c.WageMax)
		}
	}
	for i, a := range s.Arms {
		if err := a.World.SetParams(next[i].Params); err != nil {
			return err
		}
		a.Settings = next[i]
	}
	s.Changes = slices.DeleteFunc(s.Changes, func(c Setting) bool {
		return c.Key == st.Key && (st.Arm == "" || c.Arm == st.Arm)
	})
	s.Changes = append(s.Changes, st)
	return nil
}

func (s *Sim) inspect(p Pick) {
	if p.Person < 0 || p.Arm < 0 || p.Arm >= len(s.Arms) || p.Person >= len(s.Arms[p.Arm].Snap.Wealth) {
		s.Selected = nil
		return
	}
	s.Selected = &Inspection{Arm: p.Arm, Person: p.Person, From: s.Month(),
		Wealth: []int64{s.Arms[p.Arm].Snap.Wealth[p.Person]}}
}

// Update runs one update's worth of activations when playing:
// Speeds[Speed] months of them, never scaled by the wall clock.
func (s *Sim) Update() {
	if s.Paused {
		return
	}
	s.steps(int(Speeds[s.Speed] * float64(s.Scenario.Run().People)))
	if s.Done() {
		s.Paused = true
		if l := s.Lesson; l != nil && l.Stage == StageWatch {
			l.Stage = StageReveal // the end of the run brings the answer
		}
	}
}

// Work gives the lesson's answer its share of an update in the browser (on
// a desktop it runs by itself): half the time since the last update, so
// that a browser drawing slowly still gets the answer soon, at least
// revealSlice and at most maxSlice, so that the page stays responsive.
func (s *Sim) Work() {
	l := s.lesson
	if l == nil || Background || l.Reveal.Answer() != nil {
		return
	}
	now := time.Now()
	d := revealSlice
	if !s.worked.IsZero() {
		d = min(max(now.Sub(s.worked)/2, revealSlice), maxSlice)
	}
	s.worked = now
	l.Reveal.Work(d)
}

// Or combines two intents, as when a key and a click come in one update.
func (in Intent) Or(other Intent) Intent {
	in.TogglePause = in.TogglePause != other.TogglePause
	in.Step = in.Step || other.Step
	in.Faster = in.Faster || other.Faster
	in.Slower = in.Slower || other.Slower
	in.Reset = in.Reset || other.Reset
	in.ResetAll = in.ResetAll || other.ResetAll
	in.Next = in.Next || other.Next
	in.Explore = in.Explore != other.Explore
	in.Predict = max(in.Predict, other.Predict)
	in.Surprise = in.Surprise != other.Surprise
	in.NewSeed = in.NewSeed || other.NewSeed
	in.ToggleHelp = in.ToggleHelp != other.ToggleHelp
	in.Sliders = in.Sliders != other.Sliders
	if other.Set != nil {
		in.Set = other.Set
	}
	if other.Inspect != nil {
		in.Inspect = other.Inspect
	}
	return in
}
