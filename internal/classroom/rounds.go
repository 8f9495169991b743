package classroom

import (
	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// Round is a decision the class's world waits for: a data centre proposed
// to one of its communities, whose residents in the class accept or refuse
// it (a scenario's `rounds = "datacentres"`). The world is held in the
// middle of the month until the round is closed (CloseRound).
type Round struct {
	ID        int // rounds opened so far: this one's number
	Month     int // the month of the proposal (months completed)
	Community int
	refused   int // the community's refusals when the round opened
}

// Decision is a closed round and what came of it.
type Decision struct {
	Round
	Decided bool // the residents decided; otherwise the model's own rule did
	Refused bool // the community refused the data centre (known once the month is complete)
	Known   bool // Refused is known
}

// holder runs the class's world on a goroutine of its own while it is
// stepped, so that a proposal can hold it in the middle of a month until
// the class has decided; the Sim's goroutine waits for it meanwhile, so
// the world is only ever run on one goroutine at a time.
type holder struct {
	world   *economy.World
	asks    chan [2]int  // a proposal: month, community
	answers chan [2]bool // refuse, decided
	done    chan struct{}
	owed    int  // activations the other arms owe, once the class's world has run them
	waiting bool // the world waits for an answer
}

// RefusesDatacentre asks the class, and waits for its answer (the world's
// goroutine).
func (h *holder) RefusesDatacentre(m, c int) (bool, bool) {
	h.asks <- [2]int{m, c}
	a := <-h.answers
	return a[0], a[1]
}

// step runs n activations of the world, and returns the proposal that
// holds it, or nil when they have all run.
func (h *holder) step(n int) *[2]int {
	h.owed = n
	go func() {
		h.world.StepWithinMonth(n)
		h.done <- struct{}{}
	}()
	return h.wait()
}

// answer gives the world the class's answer, and returns the next proposal
// that holds it, or nil when its activations have all run.
func (h *holder) answer(refuse, decided bool) *[2]int {
	h.answers <- [2]bool{refuse, decided}
	return h.wait()
}

func (h *holder) wait() *[2]int {
	select {
	case <-h.done:
		h.waiting = false
		return nil
	case a := <-h.asks:
		h.waiting = true
		return &a
	}
}

// release lets a held world run to the end of its activations with the
// model's own rule (the worlds start again).
func (h *holder) release() {
	for h.waiting {
		h.answer(false, false)
	}
}

// rounds reports whether the scenario holds the class's world for rounds
// and a class is hosted.
func (s *Sim) rounds() bool {
	p := s.Scenario.Participation
	return s.Voting && p != nil && p.Rounds == scenario.RoundsDatacentres
}

// classArm returns the world the class lives in, or nil when it is not
// running.
func (s *Sim) classArm() *ArmState {
	if p := s.Scenario.Participation; p != nil {
		return s.arm(p.Arm)
	}
	return nil
}

// stepArms runs n activations of every arm, the class's world first when
// it holds rounds; it reports false when a proposal holds the class's
// world (the others run theirs when the round closes).
func (s *Sim) stepArms(n int) bool {
	if s.held == nil && s.rounds() {
		if st := s.classArm(); st != nil {
			h := newHolder(st.World)
			if st.World.SetDecider(h) == nil { // refused only without automation, which loading the scenario checked
				s.held = h
			}
		}
	}
	if h := s.held; h != nil {
		if a := h.step(n); a != nil {
			s.open(*a)
			return false
		}
	}
	s.stepOthers(n)
	return true
}

// newHolder makes the holder of w, the class's world.
func newHolder(w *economy.World) *holder {
	return &holder{world: w, asks: make(chan [2]int), answers: make(chan [2]bool), done: make(chan struct{})}
}

// stepOthers runs n activations of every arm but a held one.
func (s *Sim) stepOthers(n int) {
	for _, st := range s.Arms {
		if s.held == nil || st.World != s.held.world {
			st.World.StepWithinMonth(n)
		}
	}
}

// open starts a round on a proposal that holds the class's world.
func (s *Sim) open(a [2]int) {
	s.Rounds++
	r := &Round{ID: s.Rounds, Month: a[0], Community: a[1]}
	if ai := s.classArm().Snap.AI; ai != nil && r.Community < len(ai.Communities) {
		r.refused = ai.Communities[r.Community].Refused
	}
	s.Round = r
}

// CloseRound closes the open round: the community refuses the data centre
// or accepts it as the residents decided, or, with decided false (nobody
// decided, or they were split), as the model's own rule has it; the world
// goes on to the end of the month, unless another community is asked.
func (s *Sim) CloseRound(refuse, decided bool) {
	r, h := s.Round, s.held
	if r == nil || h == nil || !h.waiting {
		s.Round = nil // no world waits for it
		return
	}
	s.Round = nil
	s.Decisions = append(s.Decisions, Decision{Round: *r, Decided: decided, Refused: refuse && decided, Known: decided})
	if decided {
		s.Steered = true
	}
	if a := h.answer(refuse, decided); a != nil {
		s.open(*a)
		return
	}
	s.stepOthers(h.owed)
	s.measure()
}

// learn fills in what came of the rounds the model's rule decided, once
// their month is complete.
func (s *Sim) learn() {
	st := s.classArm()
	if st == nil || st.Snap.AI == nil {
		return
	}
	for i := range s.Decisions {
		d := &s.Decisions[i]
		if !d.Known && d.Community < len(st.Snap.AI.Communities) {
			d.Refused, d.Known = st.Snap.AI.Communities[d.Community].Refused > d.refused, true
		}
	}
}

// releaseRound lets a held world finish its month with the model's own
// rule and forgets it: the worlds start again.
func (s *Sim) releaseRound() {
	if s.held != nil {
		s.held.release()
	}
	s.Round, s.held, s.Decisions = nil, nil, nil
}
