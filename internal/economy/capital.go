package economy

import "slices"

// capital is the data centres: assets with a building cost (spent into the
// market: construction is someone's income), an operating cost a month at
// full use (power and water, also spent into the market), a lifetime after which they
// retire, and an owner — a person or the commons fund — who receives the
// rent they earn. Investment follows expected return: at the end of each
// month an investor builds when the compute firms could not get would earn
// more than the hurdle rate a year on the building cost,
//
//	12 · (p · C · (1 − d) − operating cost) · min(1, excess / C) / build cost > hurdle rate,
//
// d the data dividend's share of rent, so nobody builds what earns nothing.
// Under private ownership the investor
// is the richest person who can pay; under common ownership it is the
// commons fund, from the share of its income it keeps (funds.go), by the
// same rule or by a social rule that also counts the health cost of the
// burden and sites where the burden is least (communities.go).
type capital struct {
	dcs     []datacenter
	built   int // approved since the start
	blocked int // refused since the start
	retired int // retired since the start
}

// datacenter supplies compute from its ready month until its retire month,
// in its community, for its owner.
type datacenter struct {
	community int
	owner     Account // a person, or the commons fund
	ready     int     // the month it starts supplying
	retire    int     // the month it stops
	earned    int64   // rent received since built
}

// start places the first data centres, owned by people drawn at random
// (private) or by the commons fund, ready from the start.
func (c *capital) start(w *World, x *production) {
	r := x.rs.of(streamOwners)
	for range x.p.Compute.Datacenters {
		owner := Account(r.intn(x.n)) // drawn in every arm, so the stream stays in step
		if x.p.Ownership.Automation == AutomationCommons {
			owner = w.led.Special(Commons)
		}
		site := r.intn(x.p.Communities.Count)
		c.dcs = append(c.dcs, datacenter{community: site, owner: owner, retire: x.p.Compute.Lifetime})
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

// operate charges each ready data centre's operating cost to its owner
// (into the market) — the cost at full use times this month's use, since
// power and water go with the compute supplied; an owner short of money pays
// what they have — and retires those at the end of their life.
func (c *capital) operate(w *World, x *production) {
	pool := w.led.Special(Pool)
	use := 0.0
	if capacity := c.capacity(w, x.p); capacity > 0 {
		use = min(1, float64(x.compute.total)*x.p.ComputePerUnit/capacity)
	}
	full := moneyOf(x.atPrices(float64(x.p.Compute.OperatingCost)) * use)
	c.dcs = slices.DeleteFunc(c.dcs, func(dc datacenter) bool {
		if dc.ready > w.month {
			return false
		}
		if w.month+1 >= dc.retire {
			c.retired++
			return true
		}
		cost := min(full, w.led.acc[dc.owner].bal)
		x.payCost(w, dc.owner, pool, cost)
		x.flow.operating += cost
		if int(dc.owner) >= x.n {
			x.flow.commonsOperating += cost
		}
		return false
	})
}

// expectedReturn is the yearly return on a new data centre's building cost
// at this month's compute price, for the compute firms wanted and could not
// get; with social, less the health cost of its burden.
func (c *capital) expectedReturn(w *World, x *production, social bool) float64 {
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
	return 12 * month / float64(x.buildCost())
}

// invest makes at most one proposal a month, when the expected return
// clears the hurdle rate and the investor can pay; the community asked may
// refuse it, and the investor loses the sunk planning cost.
func (c *capital) invest(w *World, x *production) {
	p := x.p.Compute
	private := x.p.Ownership.Automation == AutomationPrivate
	social := !private && x.p.Commons.Invest == InvestSocial
	if c.expectedReturn(w, x, social) <= p.HurdleRate {
		return
	}
	investor := w.led.Special(Commons)
	if private {
		investor = x.richest(w)
	}
	cost := x.buildCost()
	if x.investable(w, investor) < cost {
		return
	}
	site, ok := x.comm.site(w, x, social)
	if !ok {
		c.blocked++
		cost = moneyOf(float64(cost) * x.p.Resistance.SunkCost)
	} else {
		c.built++
		c.dcs = append(c.dcs, datacenter{community: site, owner: investor,
			ready: w.month + 1 + p.BuildMonths, retire: w.month + 1 + p.BuildMonths + p.Lifetime})
	}
	x.payCost(w, investor, w.led.Special(Pool), cost)
	x.flow.invested += cost
	if investor == w.led.Special(Commons) {
		x.funds.reserve -= cost
		x.flow.commonsInvested += cost
	}
}

// buildCost is what a data centre costs at today's prices.
func (x *production) buildCost() int64 { return moneyOf(x.atPrices(float64(x.p.Compute.BuildCost))) }

// richest is the person holding the most money (the lowest index of ties).
func (x *production) richest(w *World) Account {
	best, who := int64(-1), Account(0)
	for i, a := range w.led.acc[:x.n] {
		if a.bal > best {
			best, who = a.bal, Account(i)
		}
	}
	return who
}

// investable is what an investor can spend on a data centre: a person's
// money, or the commons fund's reserve.
func (x *production) investable(w *World, investor Account) int64 {
	if investor == w.led.Special(Commons) {
		return min(x.funds.reserve, w.led.acc[investor].bal)
	}
	return w.led.acc[investor].bal
}

// expropriate takes every data centre into common ownership: from now on
// their rent goes to the commons fund.
func (c *capital) expropriate(commons Account) {
	for i := range c.dcs {
		c.dcs[i].owner = commons
	}
}
