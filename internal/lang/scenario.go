package lang

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"

	"commonwealth/internal/scenario"
)

// A scenario's own words are translated under ids of the form
// lesson.NAME.FIELD (question, answer1 … answer3, differ, watch,
// eventN.caption, eventN.question, eventN.vote), each with the hash of the
// English it translates: a translation is used only while its scenario
// still says exactly that in English, so an edited lesson is never shown
// with a translation of words it no longer has.

// Text is one of a scenario's translatable words: its id and its English.
type Text struct {
	ID, English string
	set         func(string)
}

// Texts returns the words of sc a class reads, with their ids: its
// lesson's and its events' (empty ones left out).
func Texts(sc *scenario.Scenario) []Text {
	var ts []Text
	add := func(field string, p *string) {
		if *p != "" {
			ts = append(ts, Text{ID: "lesson." + sc.Name + "." + field, English: *p, set: func(s string) { *p = s }})
		}
	}
	if l := sc.Lesson; l != nil {
		add("question", &l.Question)
		for i := range l.Answers {
			add(fmt.Sprintf("answer%d", i+1), &l.Answers[i])
		}
		add("differ", &l.Differ)
		add("watch", &l.Watch)
	}
	for i := range sc.Events {
		e := &sc.Events[i]
		add(fmt.Sprintf("event%d.caption", i+1), &e.Caption)
		add(fmt.Sprintf("event%d.question", i+1), &e.Question)
		add(fmt.Sprintf("event%d.vote", i+1), &e.Vote)
	}
	return ts
}

// Hash is the hash a translation records of the English it translates
// (go-i18n's form: "sha1-" and the hex digest).
func Hash(english string) string {
	h := sha1.Sum([]byte(english))
	return "sha1-" + hex.EncodeToString(h[:])
}

// Translate puts the book's translations of sc's words into sc (a lesson
// and events of its own, copied, so a scenario shared with other readers
// is not changed): each word whose translation records the hash of sc's
// English for it. It returns how many words it translated and how many it
// left in English.
func (b *Book) Translate(sc *scenario.Scenario) (done, left int) {
	if b == English {
		return 0, 0
	}
	if sc.Lesson != nil {
		l := *sc.Lesson
		sc.Lesson = &l
	}
	sc.Events = append([]scenario.Event(nil), sc.Events...)
	for _, t := range Texts(sc) {
		if s, ok := b.translation(t); ok {
			t.set(s)
			done++
		} else {
			left++
		}
	}
	return done, left
}

// translation returns the book's translation of t, if it has one that
// records t's English.
func (b *Book) translation(t Text) (string, bool) {
	m := messages[b.code][t.ID]
	if m == nil || m.Hash != Hash(t.English) {
		return "", false
	}
	return m.Other, true
}

// Answer is what a lesson says for an outcome (scenario.Higher …
// scenario.NotApplicable) in the book's language: one of its answers, as
// translated into sc by Translate, or that the question does not apply.
func (b *Book) Answer(ls *scenario.Lesson, outcome int) string {
	if outcome == scenario.NotApplicable {
		return b.T("answer_not_applicable")
	}
	return ls.Answers[outcome]
}
