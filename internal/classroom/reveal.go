package classroom

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/scenario"
)

// Level is the confidence level of the reveal's band, as `headless check`
// uses.
const Level = 0.95

// Answer is a lesson's claim judged over every seed of its scenario, as
// `headless check` judges it: the difference between the claim's arm and
// what it is compared with, seed by seed, and its 95% interval over the
// seeds where the claim's precondition held.
type Answer struct {
	Claim        *scenario.Claim
	Seeds        []uint64
	Arm, Ref     []float64            // per seed: the arm's value, and the compared arm's (or the claim's value)
	Diff         []float64            // Arm − Ref, seed by seed
	Passed       []bool               // per seed: whether the claim's precondition held; nil without one
	Failed       int                  // seeds where it failed, left out of what follows
	Reason       string               // where it failed, for people; "" when it never did
	Conditions   []scenario.Condition // what the compared worlds were like by the metrics the precondition reads
	Mean, Lo, Hi float64              // of Diff, with the interval's ends (NaN when not applicable)
	Above, Below int                  // seeds where the arm ended above, below
	Outcome      int                  // scenario.Higher, Lower, NoClearDifference or NotApplicable
}

// judge computes the statistics of the differences, over the seeds whose
// precondition held.
func (a *Answer) judge() {
	a.Diff = make([]float64, len(a.Arm))
	var counted []float64
	for i := range a.Arm {
		a.Diff[i] = a.Arm[i] - a.Ref[i]
		if a.Passed != nil && !a.Passed[i] {
			a.Failed++
			continue
		}
		counted = append(counted, a.Diff[i])
		switch {
		case a.Diff[i] > 0:
			a.Above++
		case a.Diff[i] < 0:
			a.Below++
		}
	}
	if a.Passed != nil && !a.Claim.Applicable(len(counted), len(a.Diff)) {
		a.Outcome, a.Mean, a.Lo, a.Hi = scenario.NotApplicable, math.NaN(), math.NaN(), math.NaN()
		return
	}
	a.Mean, a.Lo, a.Hi = interval.MeanCI(counted, Level)
	switch {
	case len(counted) >= 2 && a.Lo > 0:
		a.Outcome = scenario.Higher
	case len(counted) >= 2 && a.Hi < 0:
		a.Outcome = scenario.Lower
	default:
		a.Outcome = scenario.NoClearDifference
	}
}

// Reveal computes a lesson's Answer over the scenario's seeds, as written
// (the class's slider changes are not in it), away from the window's own
// worlds. On a desktop its seeds run on their own goroutines, one core left
// to the window; in the browser, where a busy goroutine would freeze the
// page, the window gives it a slice of each frame (Work).
type Reveal struct {
	sc     *scenario.Scenario
	claim  *scenario.Claim
	runs   []*Sim // one per seed, with the lesson's arms
	done   atomic.Int32
	answer atomic.Pointer[Answer]
	cancel context.CancelFunc
	next   int // the run Work steps (browser)
	once   sync.Once
}

// NewReveal prepares the answer of sc's lesson; Start or Work computes it,
// unless it is kept for sc as it is (stored.go): then it is in at once.
func NewReveal(sc *scenario.Scenario) (*Reveal, error) { return newReveal(sc, true) }

// newReveal prepares the answer of sc's lesson, taking the one kept for sc
// if asked to and there is one.
func newReveal(sc *scenario.Scenario, kept bool) (*Reveal, error) {
	r := &Reveal{sc: sc, claim: sc.LessonClaim()}
	if last, months := r.claim.Last(), sc.Run().Months; last > months {
		return nil, fmt.Errorf("%s:%d: the lesson's claim is judged at month %d but the run lasts %d months: run at least %d months, or judge the claim earlier",
			sc.File, sc.Lesson.Line, last, months, last)
	}
	if a := stored(sc); kept && a != nil {
		r.answer.Store(a)
		r.done.Store(int32(len(a.Seeds)))
		return r, nil
	}
	for _, seed := range sc.Run().SeedList() {
		s := &Sim{Scenario: sc, Seed: seed, Shown: sc.LessonArms()}
		if err := s.reset(); err != nil {
			return nil, err
		}
		r.runs = append(r.runs, s)
	}
	return r, nil
}

// Background reports whether reveals run on goroutines (not in a browser).
var Background = runtime.GOOS != "js"

// Start runs every seed on goroutines, leaving a core to the window.
func (r *Reveal) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	g := errgroup.Group{}
	g.SetLimit(max(1, runtime.NumCPU()-1))
	go func() {
		for _, s := range r.runs {
			g.Go(func() error {
				for !s.Done() && ctx.Err() == nil {
					s.StepMonth()
				}
				if ctx.Err() == nil {
					r.finished()
				}
				return nil
			})
		}
		g.Wait()
	}()
}

// Work runs the seeds one month at a time for about d.
func (r *Reveal) Work(d time.Duration) {
	end := time.Now().Add(d)
	for r.next < len(r.runs) && time.Now().Before(end) {
		s := r.runs[r.next]
		s.StepMonth()
		if s.Done() {
			r.next++
			r.finished()
		}
	}
}

// Stop abandons the computation.
func (r *Reveal) Stop() {
	if r.cancel != nil {
		r.cancel()
	}
}

// finished counts a seed done and, after the last, computes the answer.
func (r *Reveal) finished() {
	if int(r.done.Add(1)) < len(r.runs) {
		return
	}
	r.once.Do(func() {
		c := r.claim
		a := &Answer{Claim: c}
		var given scenario.Tally
		for _, s := range r.runs {
			a.Seeds = append(a.Seeds, s.Seed)
			arm := s.arm(c.Arm)
			a.Arm = append(a.Arm, arm.At(c.Moment, c.Metric))
			ref := c.Value
			if c.Compare != "" {
				ref = s.arm(c.Compare).At(c.Moment, c.Metric)
			}
			a.Ref = append(a.Ref, ref)
			given.Add(c, func(name, metric string) float64 { return s.arm(name).At(c.Moment, metric) })
		}
		a.Passed, a.Reason = given.Passed, given.Reason(c)
		a.Conditions = c.Conditions(len(r.runs), func(s int, name, metric string) float64 { return r.runs[s].arm(name).At(c.Moment, metric) })
		a.judge()
		r.answer.Store(a)
	})
}

// Progress returns the seeds done and the seeds in all.
func (r *Reveal) Progress() (done, all int) {
	if a := r.Answer(); a != nil {
		return len(a.Seeds), len(a.Seeds)
	}
	return int(r.done.Load()), len(r.runs)
}

// Answer returns the answer, or nil until every seed has run.
func (r *Reveal) Answer() *Answer { return r.answer.Load() }
