//go:build js

package ui

import (
	"syscall/js"

	"commonwealth/internal/classroom"
)

// signalDrawn tells the page how many frames the program has drawn, in
// window.commonwealthFrames, so that a page or a test can wait for the
// first frames instead of for a fixed time.
func signalDrawn(frames int) { js.Global().Set("commonwealthFrames", frames) }

// signalStage tells the page the lesson stage --goto reached, in
// window.commonwealthStage, and at the answer the answer shown, in
// window.commonwealthAnswer.
func signalStage(s *classroom.Sim) {
	l := s.Lesson
	js.Global().Set("commonwealthStage", classroom.Stages[l.Stage])
	if a := l.Reveal.Answer(); a != nil && l.Stage == classroom.StageReveal {
		js.Global().Set("commonwealthAnswer", l.AnswerText(a.Outcome))
	}
}
