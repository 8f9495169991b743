//go:build display

package ui

import (
	"strings"
	"testing"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
	"commonwealth/internal/waitfor"
)

// TestWhichWorld checks what the answer's card says of the watched world:
// typical, surprising, or, chosen before the answer was in, its place.
func TestWhichWorld(t *testing.T) {
	sc, err := scenario.Load("boltzmann", []string{"people=100"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := classroom.NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	l := s.Lesson
	waitfor.Until(t, "the lesson's answer", func() bool { return l.Reveal.Answer() != nil })
	a := l.Reveal.Answer()
	if got := whichWorld(lang.English, s, a); !strings.HasPrefix(got, "the ") || !strings.HasSuffix(got, "of 10") {
		t.Errorf("before the worlds started: %q", got)
	}
	s.Apply(classroom.Intent{Next: true})
	s.Apply(classroom.Intent{Next: true})
	if got := whichWorld(lang.English, s, a); got != "the typical one (nearest the median)" {
		t.Errorf("the typical world: %q", got)
	}
	for !s.Done() {
		s.Update()
	}
	s.Apply(classroom.Intent{Surprise: true})
	if got := whichWorld(lang.English, s, a); got != "a surprising one (the least like the answer)" {
		t.Errorf("the surprising world: %q", got)
	}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 102: "102nd", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}
