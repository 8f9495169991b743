package hosting

import (
	"errors"
	"time"

	"commonwealth/internal/lang"
)

// RoundTally is a decision round of the class (classroom.Round): the
// residents of one community accept or refuse the data centre proposed to
// it, before a deadline.
type RoundTally struct {
	ID, Community  int
	Open           bool
	Deadline       time.Time
	Residents      int    // students living in the community
	Present        int    // residents online (those who can decide)
	Said           int    // residents who have decided in this round
	Refuse, Accept int    // the count: each resident's decision, or else their standing stance
	Result         string // how it ended, in words, once closed
}

// round is the class's decision round and what each resident decided.
type round struct {
	RoundTally
	said map[string]bool // by token: true to refuse
}

// errors of what students send in rounds.
var (
	errNoRound    = errors.New("that decision is closed")
	errNotYours   = errors.New("your community is not the one deciding")
	errNoResident = errors.New("nobody in the class lives in that community")
)

// OpenRound starts round id: community decides until deadline. It
// returns errNoResident, and opens nothing, when no student lives there.
func (c *Class) OpenRound(id, community int, deadline time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.round = &round{RoundTally: RoundTally{ID: id, Community: community, Open: true, Deadline: deadline}, said: map[string]bool{}}
	c.changed++
	if c.residents(community) == 0 {
		c.round.Open, c.round.Result = false, c.cfg.tx().T("round_no_residents", "Community", community+1)
		return errNoResident
	}
	return nil
}

// residents counts the students living in community. The caller holds c.mu.
func (c *Class) residents(community int) int {
	n := 0
	for _, s := range c.order {
		if s.Community == community {
			n++
		}
	}
	return n
}

// DecideRound records a resident's decision in the open round; a later one
// replaces it, so each counts once.
func (c *Class) DecideRound(token string, id int, refuse bool) error {
	return c.change(token, func(s *Student) error {
		switch r := c.round; {
		case r == nil || !r.Open || r.ID != id:
			return errNoRound
		case s.Community != r.Community:
			return errNotYours
		}
		c.round.said[s.Token] = refuse
		return nil
	})
}

// countRound counts the open round: each resident's decision in it, or
// else their standing stance. The caller holds c.mu.
func (c *Class) countRound() RoundTally {
	r := c.round
	t := r.RoundTally
	if !r.Open {
		return t
	}
	t.Residents, t.Present, t.Said, t.Refuse, t.Accept = 0, 0, 0, 0, 0
	for _, s := range c.order {
		if s.Community != r.Community {
			continue
		}
		t.Residents++
		if s.Online {
			t.Present++
		}
		refuse, said := r.said[s.Token]
		if said {
			t.Said++
		} else if s.Refuse >= 0 {
			refuse, said = s.Refuse == 1, true
		}
		switch {
		case said && refuse:
			t.Refuse++
		case said:
			t.Accept++
		}
	}
	return t
}

// Round returns the class's round (the open one, or the last), or nil.
func (c *Class) Round() *RoundTally {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.round == nil {
		return nil
	}
	t := c.countRound()
	return &t
}

// CloseRound ends the open round and returns its count; the round keeps
// it and how it ended (RoundOutcome) for every phone to be told.
func (c *Class) CloseRound() RoundTally {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.round == nil {
		return RoundTally{}
	}
	if c.round.Open {
		t := c.countRound()
		t.Open, t.Result = false, RoundOutcome(c.cfg.tx(), t.Community, t.Refuse, t.Accept)
		c.round.RoundTally = t
		c.changed++
	}
	return c.round.RoundTally
}

// RoundOutcome says how a community's round ended: a majority either way,
// or, when nobody decided or they were split, the model's people decide
// (as they would without a class).
func RoundOutcome(tx *lang.Book, community, refuse, accept int) string {
	id := "round_split"
	switch {
	case refuse > accept:
		id = "round_refused"
	case accept > refuse:
		id = "round_accepted"
	case refuse+accept == 0:
		id = "round_nobody"
	}
	return tx.T(id, "Community", community+1, "Refuse", refuse, "Accept", accept)
}
