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

// Close stops the background work of the Sim's lesson.
func (s *Sim) Close() {
	if s.lesson != nil {
		s.lesson.Reveal.Stop()
	}
}
