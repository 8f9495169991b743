package hosting

import (
	"errors"
	"fmt"
	"time"

	"commonwealth/internal/classroom"
)

// consequenceMonths is how long after a round its residents are told
// what came of their choice.
const consequenceMonths = 12

// aftermath is a closed round whose residents are yet to be told what
// came of it: the world as it was then, and what each resident chose.
type aftermath struct {
	id, community, month int
	price                float64        // the compute price then
	centres              int            // data centres in the community then (ready or being built)
	chose                map[string]int // each resident's token: 1 refuse, 0 accept, −1 unsaid
}

// syncRound opens the class's round on the Sim's, closes it when every
// resident online has decided or its deadline has passed (the Sim goes on with
// the community's decision), and tells residents a year on what came of
// their choice.
func (h *Host) syncRound(s *classroom.Sim) {
	h.tellAftermath(s)
	r := s.Round
	if r == nil {
		if t := h.Class.Round(); t != nil && t.Open {
			h.Class.CloseRound() // the worlds started again: the round they held is gone
		}
		return
	}
	t := h.Class.Round()
	if t == nil || t.ID != r.ID {
		deadline := h.Class.now().Add(time.Duration(h.part.Deadline * float64(time.Second)))
		if err := h.Class.OpenRound(r.ID, r.Community, deadline); errors.Is(err, errNoResident) {
			s.CloseRound(false, false) // nobody in the class lives there: the model's own rule
		}
		return
	}
	if t.Open && (t.Said >= t.Present || !h.Class.now().Before(t.Deadline)) {
		h.closeRound(s)
	}
}

// closeRound closes the open round: the majority of the community's
// residents decides (their decision in the round, or else their stance);
// a tie, or nobody, leaves it to the model's own rule. Every resident is
// told how it ended.
func (h *Host) closeRound(s *classroom.Sim) {
	r := s.Round
	if r == nil {
		return
	}
	if open := h.Class.Round(); open == nil || open.ID != r.ID || !open.Open {
		s.CloseRound(false, false) // closed before the class was asked: the model's own rule
		return
	}
	t := h.Class.CloseRound()
	a := aftermath{id: r.ID, community: r.Community, month: r.Month, chose: map[string]int{}}
	if st := h.arm(); st != nil && st.Snap.AI != nil && r.Community < len(st.Snap.AI.Communities) {
		c := st.Snap.AI.Communities[r.Community]
		a.price, a.centres = st.Snap.AI.ComputePrice, c.Datacenters+c.Building
	}
	for _, st := range h.Class.Students() {
		if st.Community != r.Community {
			continue
		}
		a.chose[st.Token] = h.Class.choice(r.ID, st)
		h.Class.Send(st.Token, message("decision", map[string]any{"text": t.Result + " " + yourChoice(a.chose[st.Token])}))
	}
	h.after = append(h.after, a)
	s.CloseRound(t.Refuse > t.Accept, t.Refuse != t.Accept)
}

// yourChoice says what a resident chose.
func yourChoice(c int) string {
	switch c {
	case 1:
		return "You said refuse."
	case 0:
		return "You said accept."
	}
	return "You did not say."
}

// choice is what a student chose in round id: their decision in it, or
// else their stance (1 refuse, 0 accept, −1 neither).
func (c *Class) choice(id int, st Student) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.round; r != nil && r.ID == id {
		if refuse, ok := r.said[st.Token]; ok {
			if refuse {
				return 1
			}
			return 0
		}
	}
	return st.Refuse
}

// tellAftermath tells the residents of each round decided a year ago what
// came of their choice: whether their community refused, and how compute's
// price and their community's data centres changed since.
func (h *Host) tellAftermath(s *classroom.Sim) {
	st := h.arm()
	if st == nil || st.Snap.AI == nil {
		return
	}
	keep := h.after[:0]
	for _, a := range h.after {
		if a.month > s.Month() {
			continue // the worlds started again
		}
		if s.Month() < a.month+consequenceMonths {
			keep = append(keep, a)
			continue
		}
		refused := false
		for _, d := range s.Decisions {
			if d.ID == a.id {
				refused = d.Refused
			}
		}
		c := st.Snap.AI.Communities[a.community]
		for token, chose := range a.chose {
			h.Class.Send(token, message("aftermath", map[string]any{"text": Aftermath(chose, refused, a.price, st.Snap.AI.ComputePrice, a.centres, c.Datacenters+c.Building)}))
		}
	}
	h.after = keep
}

// Aftermath says to a resident, a year after a round, what came of their
// choice (1 refuse, 0 accept, −1 unsaid): what their community did, and
// how compute's price and the community's data centres changed since.
func Aftermath(chose int, refused bool, priceThen, priceNow float64, centresThen, centresNow int) string {
	did := "accepted"
	if refused {
		did = "refused"
	}
	you := ""
	switch {
	case chose == 1 && refused, chose == 0 && !refused:
		you = " as you said"
	case chose >= 0:
		you = " against what you said"
	}
	change := "has not changed"
	if priceThen > 0 {
		switch pct := 100 * (priceNow/priceThen - 1); {
		case pct >= 0.5:
			change = fmt.Sprintf("has risen %.0f%%", pct)
		case pct <= -0.5:
			change = fmt.Sprintf("has fallen %.0f%%", -pct)
		}
	}
	return fmt.Sprintf("A year ago your community %s a data centre%s. Since then the price of compute %s (%.2f → %.2f money units a compute unit), and your community has %s (%d then).",
		did, you, change, priceThen, priceNow, centres(centresNow), centresThen)
}

// centres says how many data centres, in words.
func centres(n int) string {
	switch n {
	case 0:
		return "no data centre"
	case 1:
		return "1 data centre"
	}
	return fmt.Sprintf("%d data centres", n)
}
