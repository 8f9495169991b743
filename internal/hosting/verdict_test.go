package hosting

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
	"commonwealth/internal/economy"
	"commonwealth/internal/lang"
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
		if got := Verdict(lang.English, ls, c.predicted, c.outcome); got != c.want {
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

	// A phone that cannot keep up: its queue is full when the verdict is
	// due, and it is sent once there is room.
	slow, out, err := h.Class.Join(h.Class.Code(), "Slow", "")
	if err != nil {
		t.Fatal(err)
	}
	for h.Class.Send(slow.Token, []byte(`{"type":"filler"}`)) {
	}
	h.Sync(sim)
	for len(out) > 0 {
		<-out
	}
	h.Sync(sim)
	var got []string
	for len(out) > 0 {
		got = append(got, string(<-out))
	}
	if !slices.ContainsFunc(got, func(m string) bool { return strings.Contains(m, `"type":"verdict"`) }) {
		t.Errorf("a phone whose queue was full was never told its verdict: %v", got)
	}
}

// TestJob checks that a phone names its person's employer by the firm's
// name and its owner's short name, never by a person's number.
func TestJob(t *testing.T) {
	s := &economy.Snapshot{Classes: true, ClassOf: []uint8{uint8(agents.Capitalist), uint8(agents.Worker), uint8(agents.Worker), uint8(agents.Unemployed)},
		Employer: []int32{-1, 0, 0, -1}}
	employees := []int32{2, 0, 0, 0}
	for p, want := range []string{"owns Blue Bakery (2 employed)", "works at Blue Bakery, Ana A.'s firm", "works at Blue Bakery, Ana A.'s firm", "unemployed"} {
		if got := job(lang.English, s, employees, p); got != want {
			t.Errorf("person %d: %q, want %q", p, got, want)
		}
	}
	if got := job(lang.English, &economy.Snapshot{}, nil, 0); got != "trades" {
		t.Errorf("without classes: %q", got)
	}
}

// TestCatchUp checks that a phone whose queue was full when the state
// changed is sent the state once its queue has room, and only once.
func TestCatchUp(t *testing.T) {
	_, h := hosted(t, "boltzmann")
	slow, out, err := h.Class.Join(h.Class.Code(), "Slow", "")
	if err != nil {
		t.Fatal(err)
	}
	for h.Class.Send(slow.Token, []byte(`{"type":"filler"}`)) {
	}
	h.SetState([]byte(`{"type":"state","stage":"reveal"}`))
	h.CatchUp() // still full: nothing to send yet
	for len(out) > 0 {
		if m := string(<-out); strings.Contains(m, "reveal") {
			t.Fatal("a full queue took the state")
		}
	}
	h.CatchUp()
	h.CatchUp()
	var states int
	for len(out) > 0 {
		if m := string(<-out); strings.Contains(m, "reveal") {
			states++
		}
	}
	if states != 1 {
		t.Errorf("the phone that fell behind was sent the state %d times, want once", states)
	}
}
