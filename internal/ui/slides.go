package ui

import "commonwealth/internal/classroom"

// slides steps a lesson through its stages for --slides and --goto, as a
// teacher's keys would, and says when the screen shows the next stage: the
// title, the question, the worlds halfway through (the typical world: they
// start once the answer is in), and the answer.
type slides struct {
	stage int  // the stage to show next
	goal  int  // the last stage to step to
	save  bool // save a picture of each stage (--slides)
	ready bool // the screen shows it: the next frame drawn is its picture
}

// drive adds this update's steps to in.
func (s *slides) drive(sim *classroom.Sim, in *classroom.Intent, predict int) {
	l := sim.Lesson
	if s.ready || l == nil || s.stage >= len(classroom.Stages) {
		return
	}
	months := sim.Scenario.Run().Months
	switch classroom.Stage(s.stage) {
	case classroom.StageTitle:
		s.ready = l.Stage == classroom.StageTitle
	case classroom.StagePredict:
		in.Next = l.Stage == classroom.StageTitle
		s.ready = l.Stage == classroom.StagePredict
	case classroom.StageWatch:
		switch {
		case l.Stage == classroom.StagePredict && l.Reveal.Answer() == nil:
			// wait for the answer, so that the worlds start with the typical one
		case l.Stage == classroom.StagePredict && predict > 0:
			in.Predict = predict
		case l.Stage == classroom.StagePredict:
			in.Next = true
		case sim.Month() >= months/2:
			sim.Paused, s.ready = true, true
		default:
			sim.Speed = len(classroom.Speeds) - 1
		}
	case classroom.StageReveal:
		in.Next = sim.Ballot != nil // a hosted class's vote: closed as it stands
		sim.Paused = l.Stage == classroom.StageReveal
		s.ready = l.Stage == classroom.StageReveal && l.Reveal.Answer() != nil
	}
}

// taken moves on to the next stage once the screen is saved.
func (s *slides) taken() { s.ready, s.stage = false, s.stage+1 }
