package scenario

import (
	"fmt"
	"slices"
)

// Participation is what a class hosted by the window (`sim --host`) does,
// from students' own phones: answer the lesson's question, live in the
// communities of one world and vote on its data centres, vote on the
// events that offer a vote, and follow a person of that world.
type Participation struct {
	Arm         string  // the world the class lives in
	Predict     bool    // students answer the lesson's question
	Communities string  // "decides" or "weighs": how residents' votes set their community's refusal of data centres; "" for no such vote
	Follow      bool    // each student follows a person of the world
	Rounds      string  // "datacentres": each data centre proposed to a community with residents in the class holds the world while they decide; "" for none
	Deadline    float64 // seconds a round waits for the residents' decisions
	Line        int     // the table's line; 0 for a lesson's default (no table)
}

// defaultParticipation is what the class of a lesson without a
// [participation] table does: every phone predicts the lesson's answer
// and follows a person of the claim's arm, the world the question is
// about. Nil without a lesson (or with a lesson whose claim has problems,
// reported there).
func defaultParticipation(sc *Scenario) *Participation {
	if sc.Lesson == nil || sc.LessonClaim() == nil {
		return nil
	}
	return &Participation{Arm: sc.LessonClaim().Arm, Predict: true, Follow: true}
}

// How residents' votes count against data centres.
const (
	VoteDecides = "decides"
	VoteWeighs  = "weighs"
)

// Decision rounds: what holds the class's world while students decide.
const (
	RoundsDatacentres = "datacentres" // a data centre proposed to a community: its residents accept or refuse it
)

// DefaultDeadline is the seconds a round waits for decisions unless the
// scenario says; MinDeadline and MaxDeadline bound what it may say.
const (
	DefaultDeadline = 20
	MinDeadline     = 5
	MaxDeadline     = 120
)

var participationKeys = []string{"arm", "predict", "communities", "follow", "rounds", "deadline"}

// participationLoader reads the [participation] table.
type participationLoader struct {
	blocks
	l *loader
}

func (pl *participationLoader) check(sc *Scenario) {
	if len(pl.tables) == 0 {
		sc.Participation = defaultParticipation(sc)
		return
	}
	r := pl.block(pl.l, 0)
	r.onlyKeys(participationKeys)
	p := &Participation{Line: pl.starts[0], Predict: true, Follow: true, Deadline: DefaultDeadline}
	var arms []string
	for _, a := range sc.Arms {
		arms = append(arms, a.Name)
	}
	if sc.Lesson != nil && sc.LessonClaim() != nil {
		arms = sc.LessonArms() // a lesson runs only these
		p.Arm = sc.LessonClaim().Arm
	}
	if r.str("arm", &p.Arm) && !slices.Contains(arms, p.Arm) {
		r.bad("arm", fmt.Sprintf("the class cannot live in %q: expected one of %s", p.Arm, quoteList(arms)), didYouMean(p.Arm, arms))
	}
	if p.Arm == "" {
		p.Arm = arms[0]
	}
	r.boolean("predict", &p.Predict)
	r.boolean("follow", &p.Follow)
	if r.str("communities", &p.Communities) {
		switch {
		case p.Communities != VoteDecides && p.Communities != VoteWeighs:
			r.bad("communities", fmt.Sprintf("%q: expected %q (the residents' vote is the chance of refusal) or %q (it is averaged with the model's)", p.Communities, VoteDecides, VoteWeighs),
				didYouMean(p.Communities, []string{VoteDecides, VoteWeighs}))
		case !sc.Run().AI.Enabled:
			r.bad("communities", "communities vote on data centres: this needs ai.enabled = true", "")
		}
	}
	if r.str("rounds", &p.Rounds) {
		switch {
		case p.Rounds != RoundsDatacentres:
			r.bad("rounds", fmt.Sprintf("%q: expected %q (residents decide on each data centre proposed to their community)", p.Rounds, RoundsDatacentres),
				didYouMean(p.Rounds, []string{RoundsDatacentres}))
		case !sc.Run().AI.Enabled:
			r.bad("rounds", "communities decide on data centres: this needs ai.enabled = true", "")
		}
	}
	if r.num("deadline", &p.Deadline) && (p.Deadline < MinDeadline || p.Deadline > MaxDeadline) {
		r.bad("deadline", fmt.Sprintf("%g seconds: expected %d to %d", p.Deadline, MinDeadline, MaxDeadline), "")
	}
	if p.Predict && sc.Lesson == nil {
		r.bad("predict", "students answer the lesson's question: the scenario needs a [lesson]", "add a [lesson], or predict = false")
	}
	sc.Participation = p
}

// Lives reports whether the class lives in the world's communities: it
// votes on their data centres, or decides in rounds.
func (p *Participation) Lives() bool { return p != nil && (p.Communities != "" || p.Rounds != "") }

// Phones reports whether a hosted class's phones have anything to do in
// the scenario: answer its lesson's question, follow a person, vote on
// their community's data centres or on an event. Where they have not, the
// window does not invite the class to join.
func (s *Scenario) Phones() bool {
	if p := s.Participation; p != nil && (p.Predict || p.Follow || p.Communities != "" || p.Rounds != "") {
		return true
	}
	return slices.ContainsFunc(s.Events, func(e Event) bool { return e.Vote != "" })
}
