package hosting

import (
	"strings"
	"strconv"
	"testing"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// TestVerdict checks the words a phone is given on its student's
// prediction in each case.
func TestVerdict(t *testing.T) {
	ls := &scenario.Lesson{Answers: [3]string{"commons", "private", "no clear difference"}}
	cases := []struct {
		predicted, outcome int
		want               string
	}{
		{0, scenario.Higher, "You predicted “commons”, and the worlds bore it out."},
		{1, scenario.Higher, "You predicted “private”, but the worlds did not bear it out: commons."},
		{2, scenario.NoClearDifference, "You predicted “no clear difference”, and the worlds bore it out."},
		{-1, scenario.Lower, "You made no prediction. The worlds' answer: private."},
		{0, scenario.NotApplicable, "You predicted “commons”. The worlds cannot say: the question did not apply in most of them."},
	}
	for _, c := range cases {
		if got := Verdict(ls, c.predicted, c.outcome); got != c.want {
			t.Errorf("Verdict(%d, %d) = %q, want %q", c.predicted, c.outcome, got, c.want)
		}
	}
}

// TestVerdicts runs a lesson without a [participation] table with three
// phones, one predicting the answer, one another, one nothing: at the
// answer each is told what they predicted and whether the worlds bore it
// out, and a tab opened afterwards is told again.
func TestVerdicts(t *testing.T) {
	sim, h := hosted(t, "boltzmann")
	if sim.Scenario.Participation == nil || !h.View().Phones {
		t.Fatal("a lesson without a [participation] table gives the phones nothing to do")
	}
	l := sim.Lesson
	var a *classroom.Answer
	eventually(t, "the answer was not computed", func() bool { a = l.Reveal.Answer(); return a != nil })
	if a.Outcome == scenario.NotApplicable {
		t.Fatal("the lesson's question does not apply: choose another lesson for this test")
	}
	h.Sync(sim)
	s := h.Server
	right, welcome := join(t, s, "Right", "")
	wrong, _ := join(t, s, "Wrong", "")
	silent, _ := join(t, s, "Silent", "")
	sim.Apply(classroom.Intent{Next: true})
	h.Sync(sim)
	right.send(`{"type":"predict","answer":` + strconv.Itoa(a.Outcome) + `}`)
	wrong.send(`{"type":"predict","answer":` + strconv.Itoa((a.Outcome+1)%3) + `}`)
	eventually(t, "the predictions were not counted", func() bool { return h.View().Answered == 2 })
	sim.Apply(classroom.Intent{Next: true}) // watch
	for !sim.Done() {
		sim.StepMonth()
	}
	sim.Apply(classroom.Intent{Next: true}) // the answer
	h.Sync(sim)
	want := map[*phone]string{
		right:  "You predicted “" + l.Answers[a.Outcome] + "”, and the worlds bore it out.",
		wrong:  "but the worlds did not bear it out: " + l.Answers[a.Outcome],
		silent: "You made no prediction.",
	}
	for p, w := range want {
		if got := p.next("verdict")["text"].(string); !strings.Contains(got, w) {
			t.Errorf("the phone was told %q, want %q in it", got, w)
		}
	}
	again, _ := join(t, s, "", welcome["token"].(string))
	h.Sync(sim)
	if got := again.next("verdict")["text"].(string); got != want[right] {
		t.Errorf("a tab opened after the answer was told %q", got)
	}
}
