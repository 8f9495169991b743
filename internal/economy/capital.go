package economy

import (
	"cmp"
	"slices"
)

// capital is the data centres: real assets with a building cost (spent
// into the goods market: construction is someone's income), an operating
// cost a month at full use (power and water, also spent into the market),
// a lifetime after which they retire, a loan, and a share register. Their
// rent is theirs: each month a data centre pays its operating cost and its
// debt service out of its rent and pays the rest to its holders. Whoever
// holds it, a data centre is financed the same way — bank.loan_to_value of
// its cost borrowed from the bank on its expected rent (project finance),
// the rest as equity — and built when its expected return beats the cost
// of that finance,
//
//	12 · (p · C · (1 − d) − operating cost) · min(1, excess / C) / build cost
//	  > ltv · loan rate + (1 − ltv) · compute.hurdle_rate,
//
// d the data dividend's share of rent: the commons fund puts up
// ownership.commons_datacenters of the equity (all of it with
// ownership.automation = "commons"), borrowing it when it must, and private
// investors (a syndicate of the richest persons) the
// rest. A commons-led build by the social rule also counts the health cost
// of the burden and sites where the burden is least (communities.go).
type capital struct {
	dcs     []datacenter
	built   int       // approved since the start
	blocked int       // refused since the start
	retired int       // retired since the start
	top     []Account // scratch: the richest persons
}

// datacenter supplies compute from its ready month until its retire month,
// in its community.
type datacenter struct {
	community int
	ready     int   // the month it starts supplying
	retire    int   // the month it stops
	cost      int64 // what it cost to build
	owed      int64 // its loan
	late      uint8 // months in a row it missed a payment
	cash      int64 // its rent this month, held in the Compute account until paid out
	earned    int64 // rent received since built
	reg       register
}

// book is a data centre's value at cost less straight-line depreciation
// over its life (at cost while it is built).
func (dc *datacenter) book(month int) int64 {
	if month < dc.ready {
		return dc.cost
	}
	life := int64(max(dc.retire-dc.ready, 1))
	return mulDiv(dc.cost, int64(max(dc.retire-month, 0)), life)
}

// start places the first data centres, ready from the start, at cost and
// owing nothing, held by a person drawn at random and by the commons fund
// in its share.
func (c *capital) start(w *World, x *production) {
	r := x.rs.of(streamOwners)
	cost := x.p.Compute.BuildCost
	for range x.p.Compute.Datacenters {
		owner := Account(r.intn(x.n)) // drawn in every arm, so the stream stays in step
		site := r.intn(x.p.Communities.Count)
		dc := datacenter{community: site, retire: x.p.Compute.Lifetime, cost: cost}
		shares := max(cost, 1) // a data centre that cost nothing still has an owner
		commons := int64(x.p.Ownership.dcCommonsShare() * float64(shares))
		dc.reg.add(w.led.Special(Commons), commons)
		dc.reg.add(owner, shares-commons)
		c.dcs = append(c.dcs, dc)
	}
}

// ready appends the indices of the data centres supplying this month to dst.
func (c *capital) ready(w *World, dst []int) []int {
	for i, dc := range c.dcs {
		if dc.ready <= w.month {
			dst = append(dst, i)
		}
	}
	return dst
}

// capacity is the compute the ready data centres supply.
func (c *capital) capacity(w *World, p AIParams) float64 {
	n := 0
	for _, dc := range c.dcs {
		if dc.ready <= w.month {
			n++
		}
	}
	return float64(n) * p.Compute.Capacity
}

// building is the capacity approved but not yet supplying.
func (c *capital) building(w *World, p AIParams) float64 {
	return float64(len(c.dcs))*p.Compute.Capacity - c.capacity(w, p)
}

// operate settles each ready data centre's month: it pays its operating
// cost (the cost at full use times this month's use, since power and water
// go with the compute supplied) and its debt service out of its rent, and
// the rest to its holders; then those at the end of their life, or six
// months behind on a loan larger than their value, retire (the bank writes
// off what they still owe).
func (c *capital) operate(w *World, x *production) {
	pool, acc := w.led.Special(Pool), w.led.Special(Compute)
	use := 0.0
	if capacity := c.capacity(w, x.p); capacity > 0 {
		use = min(1, float64(x.compute.total)*x.p.ComputePerUnit/capacity)
	}
	full := moneyOf(x.atPrices(float64(x.p.Compute.OperatingCost)) * use)
	for i := range c.dcs {
		dc := &c.dcs[i]
		if dc.ready > w.month {
			continue
		}
		cost := min(full, dc.cash)
		x.book(w, RowOperating, acc, pool, cost)
		dc.cash -= cost
		x.flow.operating += cost
		paid, _ := x.serviceLoan(w, acc, &dc.owed, &dc.late, dc.cash)
		dc.cash -= paid
		dc.reg.split(dc.cash, func(who Account, amt int64) {
			x.book(w, RowDividends, acc, who, amt)
			x.noteFundIncome(w, who, amt)
			if int(who) < x.n {
				x.flow.privateRent += amt
			}
			dc.cash -= amt
		})
	}
	c.dcs = slices.DeleteFunc(c.dcs, func(dc datacenter) bool {
		if dc.ready > w.month {
			return false
		}
		if w.month+1 >= dc.retire || (dc.late >= 6 && dc.owed > dc.book(w.month)) {
			x.writeOffLoan(&dc.owed)
			c.retired++
			return true
		}
		return false
	})
}

// expectedReturn is the yearly return on a new data centre's building cost
// at this month's compute price, for the compute firms wanted and could not
// get; with social, less the health cost of its burden.
func (c *capital) expectedReturn(w *World, x *production, social bool) float64 {
	month := c.expectedRent(w, x, social)
	if month <= 0 {
		return 0
	}
	return 12 * month / float64(x.buildCost())
}

// expectedRent is what a new data centre would earn a month, less its
// operating cost (and, with social, the health cost of its burden).
func (c *capital) expectedRent(w *World, x *production, social bool) float64 {
	p := x.p.Compute
	want := float64(x.compute.total+x.compute.unmet) * x.p.ComputePerUnit
	excess := want - c.capacity(w, x.p) - c.building(w, x.p)
	if excess <= 0 || p.BuildCost == 0 {
		return 0
	}
	use := min(1, excess/p.Capacity)
	month := (x.compute.price*p.Capacity*(1-x.p.Dividend) - x.atPrices(float64(p.OperatingCost))) * use
	if social {
		month -= x.atPrices(x.p.Burden.HealthCost) * x.p.Burden.PerDatacenter * 1000
	}
	return month
}

// financeCost is the yearly cost of a data centre's finance: the loan rate
// on the part borrowed and the hurdle rate on the equity.
func (x *production) financeCost() float64 {
	ltv := x.p.Bank.LoanToValue
	return ltv*12*x.rate() + (1-ltv)*x.p.Compute.HurdleRate
}

// invest makes at most one proposal a month, when the expected return
// beats the cost of finance and the finance can be raised; the community
// asked may refuse it, and the investors lose the sunk planning cost.
func (c *capital) invest(w *World, x *production) {
	s := x.p.Ownership.dcCommonsShare()
	commonsLed := s >= 0.5
	social := commonsLed && x.p.Commons.Invest == InvestSocial
	if c.expectedReturn(w, x, social) <= x.financeCost() {
		return
	}
	rent := c.expectedRent(w, x, false)
	cost := x.buildCost()
	loan := max(0, min(moneyOf(float64(cost)*x.p.Bank.LoanToValue), x.lendable(0, rent), cost-1))
	equity := cost - loan
	commonsPart := moneyOf(float64(equity) * s)
	privatePart := equity - commonsPart
	commons := w.led.Special(Commons)
	if short := commonsPart - x.investable(w, commons); short > 0 {
		// The commons fund borrows what it lacks, on its share of the
		// data centre's rent after its debt service.
		x.borrow(w, commons, short, s*(rent-x.service(float64(loan))))
		if x.investable(w, commons) < commonsPart {
			return
		}
	}
	investors, parts := x.syndicate(w, privatePart)
	if privatePart > 0 && investors == nil {
		return
	}
	site, ok := x.comm.site(w, x, social)
	acc := w.led.Special(Compute)
	if site < 0 {
		return // every community it could go to holds a moratorium
	}
	if !ok {
		c.blocked++
		sunk := moneyOf(float64(cost) * x.p.Resistance.SunkCost)
		lead := commons
		if !commonsLed && privatePart > 0 {
			lead = investors[0]
		}
		sunk = min(sunk, w.led.acc[lead].bal)
		x.book(w, RowConstruction, lead, w.led.Special(Pool), sunk)
		if lead == commons {
			x.funds.reserve -= min(sunk, x.funds.reserve)
			x.flow.commonsInvested += sunk
		}
		return
	}
	c.built++
	dc := datacenter{community: site, cost: cost,
		ready: w.month + 1 + x.p.Compute.BuildMonths, retire: w.month + 1 + x.p.Compute.BuildMonths + x.p.Compute.Lifetime}
	x.book(w, RowShares, commons, acc, commonsPart)
	dc.reg.add(commons, commonsPart)
	for i, inv := range investors {
		x.book(w, RowShares, inv, acc, parts[i])
		dc.reg.add(inv, parts[i])
	}
	if dc.reg.total == 0 { // it cost nothing: the commons holds it
		dc.reg.add(commons, 1)
	}
	if loan > 0 {
		x.lendTo(w, acc, &dc.owed, loan)
	}
	x.book(w, RowConstruction, acc, w.led.Special(Pool), cost)
	c.dcs = append(c.dcs, dc)
	x.funds.reserve -= min(commonsPart, x.funds.reserve)
	x.flow.commonsInvested += commonsPart
}

// buildCost is what a data centre costs at today's prices.
func (x *production) buildCost() int64 { return moneyOf(x.atPrices(float64(x.p.Compute.BuildCost))) }

// syndicate raises amt of private equity from the richest persons: as
// many of them, richest first and at most a tenth of everyone, as it takes
// for half their money to cover it, each putting in a part in proportion
// to their money. It returns them and their parts, or nil when the richest
// tenth's half does not cover it.
func (x *production) syndicate(w *World, amt int64) ([]Account, []int64) {
	if amt <= 0 {
		return nil, nil
	}
	// The richest are found among those above the mean first, which are
	// few, and among everyone only when those are not enough: the same
	// syndicate as sorting everyone, without sorting a million people a
	// month.
	var sum, positive int64
	for _, a := range w.led.acc[:x.n] {
		if a.bal > 0 {
			sum, positive = sum+a.bal, positive+1
		}
	}
	limit := max(1, x.n/10)
	for _, floor := range []int64{sum / max(positive, 1), 1} {
		top, held := x.richestFirst(w, floor)
		k := 0 // the fewest of them whose half covers amt: top[:k+1]
		for k < len(top) && held[k] < 2*amt {
			k++
		}
		switch {
		case k >= limit:
			return nil, nil // more than a tenth of everyone would be needed
		case k < len(top):
			return x.shares(w, top[:k+1], held[k], amt)
		case int64(len(top)) == positive:
			return nil, nil // everyone with money together holds too little
		}
	}
	return nil, nil
}

// richestFirst returns the persons holding at least floor, richest first
// (the lower index of ties first), and the running totals of their money.
func (x *production) richestFirst(w *World, floor int64) ([]Account, []int64) {
	top := x.capital.top[:0]
	for i, a := range w.led.acc[:x.n] {
		if a.bal >= floor && a.bal > 0 {
			top = append(top, Account(i))
		}
	}
	slices.SortFunc(top, func(a, b Account) int {
		return cmp.Or(cmp.Compare(w.led.acc[b].bal, w.led.acc[a].bal), cmp.Compare(a, b))
	})
	x.capital.top = top
	held := make([]int64, len(top))
	var s int64
	for i, t := range top {
		s += w.led.acc[t].bal
		held[i] = s
	}
	return top, held
}

// shares divides amt among the syndicate top, who hold held between them,
// in proportion to their money; each has a unit to spare for what does not
// divide, since amt is at most half of held.
func (x *production) shares(w *World, top []Account, held, amt int64) ([]Account, []int64) {
	k := len(top)
	parts := make([]int64, k)
	rest := amt
	for i, t := range top {
		parts[i] = mulDiv(amt, w.led.acc[t].bal, held)
		rest -= parts[i]
	}
	for i := range rest { // fewer than k, and each has a unit to spare
		parts[i]++
	}
	return top, parts
}

// investable is what the commons fund can spend on a data centre: its
// reserve, and what it borrowed for one.
func (x *production) investable(w *World, commons Account) int64 {
	return min(x.funds.reserve+x.bank.owed[commons], w.led.acc[commons].bal)
}

// acquireDatacenters moves the claims on every data centre toward the
// commons fund's share: bought at book value from their other holders, or
// taken under expropriation.
func (c *capital) acquireDatacenters(w *World, x *production) {
	s := x.p.Ownership.dcCommonsShare()
	commons := w.led.Special(Commons)
	take := x.p.Ownership.Transfer == TransferExpropriate
	for i := range c.dcs {
		dc := &c.dcs[i]
		r := &dc.reg
		gap := int64(s*float64(r.total)) - r.of(commons)
		for j := 0; gap > 0 && j < len(r.holders); {
			h := r.holders[j]
			if h.who == commons {
				j++
				continue
			}
			n := min(gap, h.shares)
			if !take {
				price := float64(max(dc.book(w.month)-dc.owed, 0)) / float64(r.total)
				if short := moneyOf(float64(n)*price) - w.led.acc[commons].bal; short > 0 {
					// The commons fund borrows for a buy-out on the rent
					// the part it buys would bring.
					x.borrow(w, commons, short, float64(dc.earned)/float64(max(w.month-dc.ready, 1))*float64(n)/float64(r.total))
				}
				if price > 0 {
					n = min(n, int64(float64(w.led.acc[commons].bal)/price))
					x.book(w, RowShares, commons, h.who, moneyOf(float64(n)*price))
				}
			}
			if n <= 0 {
				break
			}
			r.move(h.who, commons, n)
			gap -= n
		}
	}
}

// lendTo lends amt to a borrower without an account of its own (a data
// centre), whose debt is *owed, into account acc.
func (x *production) lendTo(w *World, acc Account, owed *int64, amt int64) {
	b := &x.bank
	*owed += amt
	b.loans += amt
	b.lent += amt
	x.mint(w, RowLoans, acc, amt)
}
