package economy_test

import (
	"crypto/sha256"
	"encoding/binary"
	"testing"

	"commonwealth/internal/economy"
)

// script is a Decider that decides by a rule of the month and community,
// and keeps every question it was asked.
type script struct {
	rule  func(m, c int) (refuse, decided bool)
	asked [][2]int
}

func (s *script) RefusesDatacentre(m, c int) (bool, bool) {
	s.asked = append(s.asked, [2]int{m, c})
	return s.rule(m, c)
}

// deciderWorld runs aiBase with a community resistance that both builds
// and blocks, with d deciding (nil: none), and returns the hash of every
// month's balances and proposals, and the last month's snapshot.
func deciderWorld(t *testing.T, d economy.Decider) (string, economy.Snapshot) {
	t.Helper()
	p := aiBase()
	p.AI.Resistance = economy.ResistanceParams{Base: 0.5, SunkCost: 0.1}
	w, err := economy.New(p, 3)
	if err != nil {
		t.Fatal(err)
	}
	if d != nil {
		if err := w.SetDecider(d); err != nil {
			t.Fatal(err)
		}
	}
	h := sha256.New()
	var s economy.Snapshot
	put := func(x int64) { h.Write(binary.LittleEndian.AppendUint64(nil, uint64(x))) }
	for range aiMonths {
		w.StepMonth()
		w.Observe(&s)
		for _, b := range s.Wealth {
			put(b)
		}
		put(int64(s.AI.Built))
		put(int64(s.AI.Blocked))
	}
	return string(h.Sum(nil)), s
}

// TestDeciderThatNeverDecides: a world whose decider is asked about every
// proposal but never decides is the model's world, draw for draw (no class
// = the model's own rule).
func TestDeciderThatNeverDecides(t *testing.T) {
	t.Parallel()
	plain, model := deciderWorld(t, nil)
	silent := &script{rule: func(int, int) (bool, bool) { return false, false }}
	got, _ := deciderWorld(t, silent)
	if model.AI.Built == 0 || model.AI.Blocked == 0 {
		t.Fatalf("the model's world should both build and block: %d, %d", model.AI.Built, model.AI.Blocked)
	}
	if len(silent.asked) != model.AI.Built+model.AI.Blocked {
		t.Errorf("the decider was asked %d times; %d proposals were decided", len(silent.asked), model.AI.Built+model.AI.Blocked)
	}
	if got != plain {
		t.Error("a decider that never decides changed the world")
	}
}

// TestDecisionsAreInputs: the decider's decisions are the communities'
// (refusing everything blocks every proposal, accepting everything builds
// every one), and the same decisions give the same world.
func TestDecisionsAreInputs(t *testing.T) {
	t.Parallel()
	_, model := deciderWorld(t, nil)
	_, no := deciderWorld(t, &script{rule: func(int, int) (bool, bool) { return true, true }})
	_, yes := deciderWorld(t, &script{rule: func(int, int) (bool, bool) { return false, true }})
	t.Logf("built/blocked: model %d/%d, refusing all %d/%d, accepting all %d/%d",
		model.AI.Built, model.AI.Blocked, no.AI.Built, no.AI.Blocked, yes.AI.Built, yes.AI.Blocked)
	if no.AI.Built != 0 || no.AI.Blocked == 0 {
		t.Errorf("refusing every proposal: %d built, %d blocked", no.AI.Built, no.AI.Blocked)
	}
	if yes.AI.Blocked != 0 || yes.AI.Built == 0 {
		t.Errorf("accepting every proposal: %d built, %d blocked", yes.AI.Built, yes.AI.Blocked)
	}
	odd := func(m, c int) (bool, bool) { return (m+c)%2 == 1, m%3 != 0 } // decided in two months of three
	a, b := &script{rule: odd}, &script{rule: odd}
	ha, sa := deciderWorld(t, a)
	hb, _ := deciderWorld(t, b)
	if ha != hb || len(a.asked) != len(b.asked) {
		t.Error("the same decisions gave different worlds")
	}
	if hm, _ := deciderWorld(t, nil); ha == hm {
		t.Errorf("the decisions changed nothing (%d built, %d blocked)", sa.AI.Built, sa.AI.Blocked)
	}
}

// TestDeciderNeedsCommunities: a world without automation has no
// communities to decide.
func TestDeciderNeedsCommunities(t *testing.T) {
	t.Parallel()
	w, err := economy.New(worlds()["capitalism"], 1)
	if err != nil {
		t.Fatal(err)
	}
	if w.SetDecider(&script{}) == nil {
		t.Error("a world without automation took a decider")
	}
}
