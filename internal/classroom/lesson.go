package classroom

import (
	"time"

	"commonwealth/internal/scenario"
)

// Stage is where a guided lesson is.
type Stage int

// A lesson's stages, in order.
const (
	StageTitle   Stage = iota // the question, what differs and what to watch
	StagePredict              // the class chooses an answer
	StageWatch                // the worlds run
	StageReveal               // the answer over every seed, against the prediction
)

// Stages names the stages, for slides' file names.
var Stages = []string{"title", "predict", "watch", "reveal"}

// Lesson is the state of a scenario's guided lesson.
type Lesson struct {
	*scenario.Lesson
	Claim      *scenario.Claim
	Stage      Stage
	Prediction int // the class's answer, an index of Answers, or -1
	Reveal     *Reveal
	Watching   Watching // which world the class watches, once the answer is in
	Chosen     bool     // the watched seed was chosen from the answer (it was in when the worlds started)
}

// The browser gives the reveal at least revealSlice of each frame, and at
// most maxSlice.
const (
	revealSlice = 6 * time.Millisecond
	maxSlice    = 100 * time.Millisecond
)

// startLesson opens the scenario's lesson at its title, showing the
// claim's worlds, and starts computing its answer.
func (s *Sim) startLesson() error {
	r, err := NewReveal(s.Scenario)
	if err != nil {
		return err
	}
	if Background {
		r.Start()
	}
	s.lesson = &Lesson{Lesson: s.Scenario.Lesson, Claim: s.Scenario.LessonClaim(), Prediction: -1, Reveal: r}
	s.Lesson, s.Shown = s.lesson, s.Scenario.LessonArms()
	return nil
}

// toggleLesson switches between the lesson and exploring every arm; the
// lesson keeps its stage and its answer.
func (s *Sim) toggleLesson() error {
	switch {
	case s.Lesson != nil:
		s.Lesson, s.Shown = nil, nil
	case s.lesson != nil:
		s.Lesson, s.Shown = s.lesson, s.Scenario.LessonArms()
	default:
		return nil
	}
	return s.reset()
}

// advance moves the lesson on a stage: from the title to the question,
// from the question to watching (with no prediction), from watching to the
// answer.
func (s *Sim) advance() {
	l := s.Lesson
	switch l.Stage {
	case StageTitle:
		l.Stage = StagePredict
	case StagePredict:
		l.Stage, s.Paused = StageWatch, false
	case StageWatch:
		l.Stage, s.Paused = StageReveal, true
	}
}

// predict records the class's answer and starts the worlds.
func (s *Sim) predict(answer int) {
	l := s.Lesson
	if l.Stage > StagePredict || answer < 0 || answer >= len(l.Answers) {
		return
	}
	l.Prediction, l.Stage, s.Paused = answer, StageWatch, false
}

// watch chooses the world the class watches as the worlds start: the seed
// the answer picks for the lesson's Watching, when the answer is in (the
// worlds, at month 0, start again with it); otherwise the Sim's own seed.
// The answer is the same for the same scenario, so is the choice.
func (s *Sim) watch() error {
	l := s.Lesson
	l.Chosen = false
	a := l.Reveal.Answer()
	if a == nil {
		return nil
	}
	k := a.Pick(l.Watching)
	if k < 0 {
		return nil
	}
	l.Chosen = true
	if s.Seed == a.Seeds[k] && s.Month() == 0 {
		return nil
	}
	s.Seed = a.Seeds[k]
	return s.reset()
}

// surprise switches the world the class watches between a typical one
// and a surprising one. Before the worlds start it changes which they
// start with; once the answer is in, it starts them again from month 0
// with that world, to watch it to the end.
func (s *Sim) surprise() error {
	l := s.Lesson
	l.Watching = 1 - l.Watching
	if l.Stage < StageWatch || l.Reveal.Answer() == nil {
		return nil
	}
	l.Stage, s.Paused = StageWatch, false
	return s.watch()
}

// Close stops the background work of the Sim's lesson, and lets a world
// held by a round finish its month.
func (s *Sim) Close() {
	s.releaseRound()
	if s.lesson != nil {
		s.lesson.Reveal.Stop()
	}
}
