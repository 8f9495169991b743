package classroom

import (
	"slices"
	"testing"

	"commonwealth/internal/scenario"
)

// roundsScenario is a small world whose communities are proposed data
// centres often, in which a class decides in rounds.
const roundsScenario = `model = "capitalism"
people = 400
months = 240
seeds = 2
[ai]
enabled = true
[compute]
price = 10.0
[resistance]
growth = 0.0
base = 0.5
[[arm]]
name = "open"
resistance.base = 0.0
[[arm]]
name = "resisting"
[participation]
arm = "resisting"
predict = false
rounds = "datacentres"
`

// roundsSim opens roundsScenario playing, with a class hosted (voting)
// or not.
func roundsSim(t *testing.T, hosted bool) *Sim {
	t.Helper()
	sc, err := scenario.Parse("rounds.toml", []byte(roundsScenario), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := openSim(t, sc)
	s.Voting, s.Paused, s.Speed = hosted, false, len(Speeds)-1
	return s
}

// play runs s to its end, closing each round as decide says, and
// returns the class's world's balances at the end.
func play(t *testing.T, s *Sim, decide func(r Round) (refuse, decided bool)) []int64 {
	t.Helper()
	for range 100_000 {
		if s.Done() {
			return s.classArm().Snap.Wealth
		}
		if r := s.Round; r != nil {
			s.CloseRound(decide(*r))
			continue
		}
		s.Update()
	}
	t.Fatal("the worlds never ended")
	return nil
}

// TestRoundsHoldTheWorld: a proposal to a community holds the class's
// world (and the others with it) until the round closes; the community
// does as the residents decided.
func TestRoundsHoldTheWorld(t *testing.T) {
	s := roundsSim(t, true)
	for s.Round == nil && !s.Done() {
		s.Update()
	}
	r := s.Round
	if r == nil {
		t.Fatal("no data centre was proposed in the class's world")
	}
	month := s.Month()
	for range 3 {
		s.Update()
		s.Apply(Intent{Step: true})
	}
	if s.Month() != month || s.Round != r {
		t.Fatalf("a round held nothing: month %d → %d", month, s.Month())
	}
	if err := s.set(Setting{Key: "resistance.base", Value: "0.1"}); err == nil {
		t.Error("a slider changed the world in the middle of a round")
	}
	s.CloseRound(true, true)
	if s.Month() != month+1 || slices.ContainsFunc(s.Arms, func(st *ArmState) bool { return st.World.Month() != month+1 }) {
		t.Fatalf("after the round the worlds are not at the next month together: %d", s.Month())
	}
	d := s.Decisions[0]
	if !d.Known || !d.Refused || !d.Decided || d.Community != r.Community {
		t.Fatalf("the community refused as its residents decided, but the decision says %+v", d)
	}
	if got := s.classArm().Snap.AI.Communities[r.Community].Refused; got != 1 {
		t.Errorf("the community has refused %d data centres, want 1", got)
	}
	s.Apply(Intent{Reset: true}) // with a round open: the held world is let go
	for s.Round == nil && !s.Done() {
		s.Update()
	}
	if err := s.Apply(Intent{Reset: true}); err != nil || s.Month() != 0 || s.Round != nil || s.Decisions != nil {
		t.Fatalf("starting again in a round: %v, month %d", err, s.Month())
	}
	s.Round = &Round{ID: 99} // a round no world waits for (set by hand): closing it, or the Sim, decides nothing and waits for nothing
	s.CloseRound(true, true)
	s.Round = &Round{ID: 100}
	s.Close()
	if len(s.Decisions) != 0 {
		t.Fatalf("a round no world waited for was decided: %+v", s.Decisions)
	}
}

// TestRoundsAreInputs: no class, or a class that never decides, is the
// model's own world draw for draw; the same decisions give the same
// world, and other decisions another.
func TestRoundsAreInputs(t *testing.T) {
	silent := func(Round) (bool, bool) { return false, false }
	odd := func(r Round) (bool, bool) { return r.ID%2 == 1, r.ID%5 != 0 } // the fifth, tenth … are split
	plain := play(t, roundsSim(t, false), silent)
	s := roundsSim(t, true)
	if got := play(t, s, silent); !slices.Equal(got, plain) {
		t.Error("a class that never decided changed the world")
	}
	if s.Rounds == 0 || len(s.Decisions) != s.Rounds {
		t.Fatalf("%d rounds opened, %d decisions", s.Rounds, len(s.Decisions))
	}
	a, b := roundsSim(t, true), roundsSim(t, true)
	wa, wb := play(t, a, odd), play(t, b, odd)
	if !slices.Equal(wa, wb) || !slices.Equal(a.Decisions, b.Decisions) {
		t.Error("the same decisions gave different worlds")
	}
	if slices.Equal(wa, plain) {
		t.Error("the class's decisions changed nothing")
	}
	for _, d := range a.Decisions {
		if !d.Known || (d.Decided && d.Refused != (d.ID%2 == 1)) {
			t.Fatalf("round %d: %+v", d.ID, d)
		}
	}
	t.Logf("%d rounds in %d months", a.Rounds, a.Month())
}
