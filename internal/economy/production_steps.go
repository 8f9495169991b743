package economy

import "commonwealth/internal/prefetch"

// actAhead is production.act — the same persons activated, the same draws,
// the same results — run as a pipeline for large worlds, as Wright's
// stepsAhead is: each block of wrightAhead activated persons is drawn a
// block ahead from streamActivation (which draws nothing else, so the
// stream ends where the plain loop leaves it), and the lines of their
// classes asked for; half a block later, what their turns read next (for
// the unemployed, the hiring weights and money before them; for
// the capitalists, their firms' money, wage bills, goods and staff list
// headers); three quarters on, the staff lists; at the block's last step,
// the wages and work of the staff that firing weighs. The spenders, every
// person once a month in order, need no asking.
func (x *production) actAhead(w *World, n int, act *rng) {
	var as [2][wrightAhead]int32 // the persons of the block running and of the next
	var owners []int32           // the capitalists activated in the next block
	pos := w.pos
	pipeline(n, func(slot, m int) {
		na := as[slot][:m]
		for i := range na {
			na[i] = int32(act.intn(x.n))
		}
		x.k.prefetchTurns(w, na, nil)
	}, func(slot, m, s int) {
		switch s {
		case firmsStage:
			owners = x.prefetchFirms(w, as[slot][:m])
		case listsStage:
			x.k.people.PrefetchStaffLists(owners)
		case staffStage:
			x.prefetchStaff(owners)
		}
	}, func(slot, i, j int) {
		x.step = pos + j
		x.activate(w, as[slot][i], x.step)
	})
}

// prefetchFirms asks, for a block of activated persons whose classes have
// been asked for, for what Wright's model asks for (capitalism.prefetchFirms)
// and for the capitalists' firms: their money, wage bills, goods (labour,
// units and demand weight) and vacancies.
func (x *production) prefetchFirms(w *World, as []int32) (owners []int32) {
	owners = x.k.prefetchFirms(w, as, as)
	var firms [wrightAhead]int32
	for i, o := range owners {
		firms[i] = int32(w.led.Firm(o))
	}
	prefetch.Elements(w.led.acc, firms[:len(owners)])
	prefetch.Elements(x.labour.bill, owners)
	prefetch.Elements(x.goods.labour, owners)
	prefetch.Elements(x.goods.units, owners)
	prefetch.Elements(x.goods.dweight, owners)
	prefetch.Elements(x.vac.open, owners)
	return owners
}

// prefetchStaff asks for the wages and the work of the first staffAsked
// employees of each of the capitalists owners, whose staff lists are
// cached or asked for: firing weighs one against the other.
func (x *production) prefetchStaff(owners []int32) {
	var staff [wrightAhead * staffAsked]int32
	n := 0
	for _, o := range owners {
		n += copy(staff[n:], x.k.people.Employees(o)[:min(len(x.k.people.Employees(o)), staffAsked)])
	}
	prefetch.Elements(x.labour.wage, staff[:n])
	prefetch.Elements(x.labour.q, staff[:n])
}
