package hosting

import (
	"errors"
	"fmt"
	"time"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
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
		h.Class.Send(st.Token, message("decision", map[string]any{"text": t.Result + " " + yourChoice(h.tx(), a.chose[st.Token])}))
	}
	h.after = append(h.after, a)
	s.CloseRound(t.Refuse > t.Accept, t.Refuse != t.Accept)
}

// yourChoice says what a resident chose.
func yourChoice(tx *lang.Book, c int) string {
	switch c {
	case 1:
		return tx.T("you_said_refuse")
	case 0:
		return tx.T("you_said_accept")
	}
	return tx.T("you_did_not_say")
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
			h.Class.Send(token, message("aftermath", map[string]any{"text": Aftermath(h.tx(), chose, refused, a.price, st.Snap.AI.ComputePrice, a.centres, c.Datacenters+c.Building)}))
		}
	}
	h.after = keep
}

// Aftermath says to a resident, a year after a round, what came of their
// choice (1 refuse, 0 accept, −1 unsaid): what their community did, and
// how compute's price and the community's data centres changed since.
func Aftermath(tx *lang.Book, chose int, refused bool, priceThen, priceNow float64, centresThen, centresNow int) string {
	did := tx.T("community_accepted")
	if refused {
		did = tx.T("community_refused")
	}
	you := ""
	switch {
	case chose == 1 && refused, chose == 0 && !refused:
		you = tx.T("as_you_said")
	case chose >= 0:
		you = tx.T("against_what_you_said")
	}
	change := tx.T("price_unchanged")
	if priceThen > 0 {
		switch pct := 100 * (priceNow/priceThen - 1); {
		case pct >= 0.5:
			change = tx.T("price_risen", "Percent", fmt.Sprintf("%.0f", pct))
		case pct <= -0.5:
			change = tx.T("price_fallen", "Percent", fmt.Sprintf("%.0f", -pct))
		}
	}
	centres := tx.T("no_data_centre")
	if centresNow > 0 {
		centres = tx.T("data_centres", "Count", centresNow)
	}
	return tx.T("aftermath", "Did", did, "You", you, "Change", change, "Then", fmt.Sprintf("%.2f", priceThen), "Now", fmt.Sprintf("%.2f", priceNow),
		"Centres", centres, "CentresThen", centresThen)
}
