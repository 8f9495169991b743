package hosting

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
)

// hosted opens a built-in scenario of 100 people with a class on the
// loopback (sets change its keys further), both closed when the test ends.
func hosted(t *testing.T, name string, sets ...string) (*classroom.Sim, *Host) {
	t.Helper()
	sc, err := scenario.Load(name, append([]string{"people=100"}, sets...))
	if err != nil {
		t.Fatal(err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sim.Close)
	h, err := NewHost(sim, "127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return sim, h
}

// TestHost joins phones to a Sim of the resistance lesson: residents who
// all refuse make their community's chance of refusal 1 in the class's
// world (and only there), each phone hears its person's month, and the
// stage reaches the phones.
func TestHost(t *testing.T) {
	sim, h := hosted(t, "datacenter-resistance")
	h.Sync(sim)
	s := h.Server
	a, w := join(t, s, "A", "")
	if !strings.Contains(a.next("state")["stage"].(string), "title") {
		t.Fatal("the phone was not told the stage")
	}
	b, _ := join(t, s, "B", "")
	if w["community"] != 0.0 {
		t.Fatalf("the first student lives in %v", w["community"])
	}
	a.send(`{"type":"refuse","refuse":true}`)
	b.send(`{"type":"refuse","refuse":false}`) // community 1
	eventually(t, "the stances were not counted", func() bool { v := h.View(); return v.Refusing == 1 && v.Accepting == 1 })
	sim.Apply(classroom.Intent{Next: true})
	sim.Apply(classroom.Intent{Predict: 1})
	for range 3 {
		sim.StepMonth()
		h.Sync(sim)
	}
	var class, other *classroom.ArmState
	for _, st := range sim.Arms {
		if st.Name == "resisting" {
			class = st
		} else {
			other = st
		}
	}
	if r := class.Snap.AI.Communities[0].Refusal; r != 1 {
		t.Errorf("residents all refusing: community 1's chance of refusal is %g", r)
	}
	if r := class.Snap.AI.Communities[1].Refusal; r != 0 {
		t.Errorf("residents all accepting: community 2's chance of refusal is %g", r)
	}
	if r := other.Snap.AI.Communities[0].Refusal; r == 1 || math.IsNaN(r) {
		t.Errorf("the class's votes reached the other world: %g", r)
	}
	if !sim.Steered {
		t.Error("the class's votes did not mark the world as changed")
	}
	if st := a.next("state"); st["stage"] != "watch" {
		t.Errorf("stage %v on the phone", st["stage"])
	}
	m := a.next("person")
	if h, ok := m["history"].([]any); !ok || len(h) != 1 {
		t.Errorf("the first month a phone hears carries its history: %v", m["history"])
	}
	for m["month"] != float64(sim.Month()) {
		if m = a.next("person"); m["history"] != nil {
			t.Errorf("the history was sent again: %v", m)
		}
	}
	p := int(w["person"].(float64))
	if m["wealth"].(float64) != float64(class.Snap.Wealth[p]) {
		t.Errorf("the phone's person has %v, the world %d", m["wealth"], class.Snap.Wealth[p])
	}
	if m["name"] != classroom.PersonName(p) {
		t.Errorf("the phone's person is called %q, want %q", m["name"], classroom.PersonName(p))
	}
}

// TestRehearse runs the expropriation lesson with twenty bots, who
// predict and vote, to its answer.
func TestRehearse(t *testing.T) {
	sim, h := hosted(t, "expropriation")
	var log strings.Builder
	script := Script{Bots: 20, PredictFor: 20e9, VoteFor: 20e9, Speed: len(classroom.Speeds) - 1}
	if err := Rehearse(context.Background(), sim, h, script, &log); err != nil {
		t.Fatal(err)
	}
	out := log.String()
	for _, want := range []string{"predictions: 20 of 20 joined answered", "of 20: ", "the answer over 12 worlds"} {
		if !strings.Contains(out, want) {
			t.Errorf("the rehearsal's log lacks %q:\n%s", want, out)
		}
	}
	if v := h.View(); v.Yes+v.No != 20 || v.Voted != 20 {
		t.Errorf("%d votes counted of 20", v.Yes+v.No)
	}
}

// TestRehearseRounds runs the resistance lesson with ten bots, who decide
// in every round held in their community, to its answer: every round
// closes as the bots decided, none at its deadline.
func TestRehearseRounds(t *testing.T) {
	sim, h := hosted(t, "datacenter-resistance", "people=400")
	var log strings.Builder
	script := Script{Bots: 10, PredictFor: 20e9, VoteFor: 20e9, Speed: len(classroom.Speeds) - 1}
	if err := Rehearse(context.Background(), sim, h, script, &log); err != nil {
		t.Fatal(err)
	}
	out := log.String()
	if !strings.Contains(out, "round 1, month ") || !strings.Contains(out, "the answer over 12 worlds") {
		t.Fatalf("the rehearsal's log lacks its rounds or its answer:\n%s", out)
	}
	for _, d := range sim.Decisions {
		if !d.Decided && !strings.Contains(out, fmt.Sprintf("round %d, month %d: Community %d was split", d.ID, d.Month, d.Community+1)) {
			t.Errorf("round %d was not decided by the bots, nor split: %+v\n%s", d.ID, d, out)
		}
	}
	t.Logf("%d rounds", len(sim.Decisions))
}

// TestPageInEveryLanguage makes the student's page in every language: its
// words and its script's words are the language's, every script word is
// there, and no message is missing.
func TestPageInEveryLanguage(t *testing.T) {
	for _, code := range lang.Codes() {
		tx, err := lang.Open(code)
		if err != nil {
			t.Fatal(err)
		}
		b, err := pageIn(tx)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		page := string(b)
		for _, want := range []string{`<html lang="` + code + `">`, tx.T("page_join_title"), tx.T("page_stance")} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q", code, want)
			}
		}
		for name := range scriptWords {
			if !strings.Contains(page, `"`+name+`":`) {
				t.Errorf("%s: the page's script lacks its word %q", code, name)
			}
		}
		if strings.Contains(page, "⟦") || strings.Contains(page, "{{") {
			t.Errorf("%s: a message is missing or unfilled in the page", code)
		}
	}
}
