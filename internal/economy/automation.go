package economy

import (
	"math"

	"commonwealth/internal/agents"
)

// automation is AI as capital in the capitalism model (DESIGN 2.4–2.8):
// units that do the work of workers, the compute they need from data centres
// sited in communities that may resist them, the training data everyone
// produces, who owns all of it, and what happens to skill and workload.
// Everything it does to money goes through World.pay.
type automation struct {
	p AIParams

	units      []int32   // per person: automation units the firm rents
	unitTree   fenwick   // per person: units, to draw the firm of a unit's market sample
	totalUnits int64     // Σ units
	carry      float64   // unit market samples owed to the month so far
	skill      []float32 // per person, 0.2..1; wages scale with it
	need       []int64   // per person: money a month below which they are poor
	data       []float64 // per person: data contributed (depreciating)
	dataStock  float64
	dataRef    float64 // the reference data stock: a year of everyone's baseline data
	pi         float64 // π this month, from the data stock at its start

	dcs     []datacenter
	price   float64 // of a compute unit, this month
	built   int
	blocked int

	// this month's flows
	rent, dividends, commonsPaid, unitRevenue int64
	unitSamples, workerSamples                int64
}

// datacenter supplies compute from its ready month on, in its community.
type datacenter struct {
	community int
	owner     Account // a person, or the commons fund
	ready     int     // the month it starts supplying
}

const minSkill = 0.2

func newAutomation(p Params) *automation {
	n := p.People
	a := &automation{
		p:        p.AI,
		units:    make([]int32, n),
		unitTree: newFenwick(n),
		skill:    make([]float32, n),
		need:     make([]int64, n),
		data:     make([]float64, n),
		dataRef:  12 * float64(n),
	}
	for i := range a.skill {
		a.skill[i] = 1
	}
	return a
}

// start draws what differs between persons — needs, and the owners of the
// first data centres — and spreads the communities' starting wealth.
func (a *automation) start(w *World, k *capitalism) {
	for i := range a.need {
		a.need[i] = a.p.Need/2 + w.r.upTo(a.p.Need)
	}
	for range a.p.Compute.Datacenters {
		owner := w.led.Special(Commons)
		if a.p.Ownership.Automation == AutomationPrivate {
			owner = Account(w.r.intn(w.p.People))
		}
		a.dcs = append(a.dcs, datacenter{community: w.r.intn(a.p.Communities.Count), owner: owner})
	}
	a.spreadWealth(w, k)
	a.setPrice(w)
}

// community returns the community person i lives in (equal blocks).
func (a *automation) community(w *World, i int) int {
	return i * a.p.Communities.Count / w.p.People
}

// spreadWealth moves money from the richer communities' people to the
// poorer's through the market pool, so community k starts with
// (1 + s(2k/(K−1) − 1)) × start_wealth a person; rounding stays in the pool.
func (a *automation) spreadWealth(w *World, k *capitalism) {
	count, s := a.p.Communities.Count, a.p.Communities.Spread
	if s == 0 || count < 2 {
		return
	}
	target := func(i int) int64 {
		c := float64(a.community(w, i))
		return int64(float64(w.p.StartWealth) * (1 + s*(2*c/float64(count-1)-1)))
	}
	pool := w.led.Special(Pool)
	for i := range w.p.People {
		if d := w.p.StartWealth - target(i); d > 0 {
			k.move(w, Account(i), pool, d)
		}
	}
	for i := range w.p.People {
		if d := target(i) - w.p.StartWealth; d > 0 {
			k.move(w, pool, Account(i), min(d, w.led.acc[pool].bal))
		}
	}
}

// productivity is π: the market samples a unit performs a month, set
// from the data stock once a month.
func (a *automation) productivity() float64 { return a.pi }

// setProductivity computes π = π₀·(data stock / reference)^β.
func (a *automation) setProductivity() {
	a.pi = 0
	if a.dataStock > 0 {
		a.pi = a.p.Productivity * math.Pow(a.dataStock/a.dataRef, a.p.DataElasticity)
	}
}

// capacity is the compute the ready data centres supply.
func (a *automation) capacity(w *World) float64 {
	return float64(a.readyCount(w)) * a.p.Compute.Capacity
}

// readyCount is how many data centres supply compute this month.
func (a *automation) readyCount(w *World) int {
	n := 0
	for _, dc := range a.dcs {
		if dc.ready <= w.month {
			n++
		}
	}
	return n
}

// utilisation is the compute in use over capacity (1 without capacity).
func (a *automation) utilisation(w *World) float64 {
	c := a.capacity(w)
	if c == 0 {
		return 1
	}
	return float64(a.totalUnits) * a.p.ComputePerUnit / c
}

// setPrice sets the compute price from scarcity: p₀·(1 + ε·u/(1 − u + 0.05)).
func (a *automation) setPrice(w *World) {
	u := min(a.utilisation(w), 1)
	a.price = a.p.Compute.PriceBase * (1 + a.p.Compute.PriceElasticity*u/(1-u+0.05))
}

// unitCost is what a unit costs its firm a month.
func (a *automation) unitCost() int64 {
	return int64(math.Ceil(a.price * a.p.ComputePerUnit))
}

// addUnits changes a firm's units.
func (a *automation) addUnits(firm int32, d int32) {
	a.units[firm] += d
	a.totalUnits += int64(d)
	a.unitTree.add(int(firm), int64(d))
}

// work performs the units' market samples owed after one activation, so
// that over a month each unit performs π samples, interleaved with the
// workers': each sample goes to a firm drawn in proportion to its units.
func (a *automation) work(w *World, k *capitalism) {
	if a.totalUnits == 0 {
		return
	}
	a.carry += a.productivity() * float64(a.totalUnits) / float64(w.p.People)
	pool := w.led.Special(Pool)
	for ; a.carry >= 1; a.carry-- {
		firm, _ := a.unitTree.find(int64(w.r.below(uint64(a.totalUnits))))
		amt := w.r.upTo(w.led.acc[pool].bal)
		a.unitRevenue += amt
		k.revenue += amt
		a.unitSamples++
		w.pay(pool, Account(firm), amt)
		k.hire.add(firm/hireBlock, amt) // a firm's owner is in H
	}
}

// firm runs a firm's automation decisions when its owner is activated: it
// pays the compute rent of its units (dropping those it cannot pay), drops a
// unit when compute is dearer than the labour it replaces, and rents one when
// it is cheaper — a capitalist firm then lets π workers go; a cooperative
// keeps everyone and shortens hours.
func (a *automation) firm(w *World, k *capitalism, f int32) {
	cost := a.unitCost()
	for a.units[f] > 0 && w.led.acc[f].bal < int64(a.units[f])*cost {
		a.addUnits(f, -1)
	}
	if a.units[f] > 0 {
		a.payRent(w, k, f, int64(a.units[f])*cost)
	}
	pi := a.productivity()
	labour := pi * float64(k.meanWage)
	switch {
	case a.units[f] > 0 && float64(cost) > labour:
		a.addUnits(f, -1)
	case float64(cost)*a.p.Hurdle < labour && a.freeCompute(w) >= a.p.ComputePerUnit:
		replaced := int(math.Round(pi))
		staff := k.people.Employees(f)
		if replaced < 1 || len(staff) < replaced {
			return
		}
		if a.p.Ownership.Firms == FirmsCapitalist {
			for range replaced {
				fired := k.people.Fire(f, w.r.intn(len(k.people.Employees(f))))
				k.hire.add(int(fired)/hireBlock, w.led.acc[fired].bal)
			}
		}
		a.addUnits(f, 1)
	}
}

// expropriate takes every data centre into common ownership: from now on
// their rent goes to the commons fund.
func (a *automation) expropriate(commons Account) {
	for i := range a.dcs {
		a.dcs[i].owner = commons
	}
}

// freeCompute is the capacity not yet rented.
func (a *automation) freeCompute(w *World) float64 {
	return a.capacity(w) - float64(a.totalUnits)*a.p.ComputePerUnit
}

// payRent pays a month's compute rent: the data dividend share to the data
// fund, the rest to the owners of the ready data centres in equal parts
// (the commons fund under common ownership).
func (a *automation) payRent(w *World, k *capitalism, f int32, rent int64) {
	a.rent += rent
	div := int64(float64(rent) * a.p.Dividend)
	k.move(w, Account(f), w.led.Special(DataFund), div)
	rest := rent - div
	ready := int64(a.readyCount(w))
	if ready == 0 {
		k.move(w, Account(f), w.led.Special(Pool), rest)
		return
	}
	share := rest / ready
	first := true
	for _, dc := range a.dcs {
		if dc.ready > w.month {
			continue
		}
		amt := share
		if first {
			amt, first = share+rest-share*ready, false
		}
		k.move(w, Account(f), dc.owner, amt)
	}
}

// share gives a cooperative's surplus above a reserve of two months' wages
// to its members, the founder included, in equal parts.
func (a *automation) share(w *World, k *capitalism, f int32) {
	staff := k.people.Employees(f)
	reserve := 2 * int64(len(staff)) * k.meanWage
	surplus := w.led.acc[f].bal - reserve
	members := int64(len(staff)) + 1
	if surplus < members {
		return
	}
	each := surplus / members
	for _, e := range staff {
		k.move(w, Account(f), Account(e), each)
	}
}

// monthEnd updates data, skill, the compute market, data centres, and pays
// out the funds.
func (a *automation) monthEnd(w *World, k *capitalism) {
	a.produceData(w, k)
	a.setProductivity()
	a.updateSkills(k)
	a.setPrice(w)
	if a.utilisation(w) > a.p.Compute.ProposeAt && !a.building(w) {
		a.propose(w, k)
	}
	a.payDataDividend(w, k)
	if a.p.Ownership.Automation == AutomationCommons {
		a.payCommons(w, k)
	}
}

// produceData adds a month of everyone's data: one unit each, two at work;
// the stock and each person's contribution depreciate by δ.
func (a *automation) produceData(w *World, k *capitalism) {
	keep := 1 - a.p.DataDepreciation
	a.dataStock *= keep
	for i := range a.data {
		d := 1.0
		if k.people.Class(int32(i)) == agents.Worker {
			d = 2
		}
		a.data[i] = a.data[i]*keep + d
		a.dataStock += d
	}
}

// updateSkills: skill grows at work and decays out of it.
func (a *automation) updateSkills(k *capitalism) {
	for i := range a.skill {
		switch k.people.Class(int32(i)) {
		case agents.Worker:
			a.skill[i] = min(1, a.skill[i]+float32(a.p.Reskilling))
		case agents.Unemployed:
			a.skill[i] = max(minSkill, a.skill[i]-float32(a.p.Deskilling))
		}
	}
}

// building reports whether a data centre is under construction.
func (a *automation) building(w *World) bool {
	for _, dc := range a.dcs {
		if dc.ready > w.month {
			return true
		}
	}
	return false
}

// propose: the investor — the richest person who can pay, or the commons
// fund — proposes a data centre; it is sited by the siting rule, and the
// community may refuse it, costing the investor the sunk planning cost.
func (a *automation) propose(w *World, k *capitalism) {
	cost := a.p.Compute.BuildCost
	investor := w.led.Special(Commons)
	if a.p.Ownership.Automation == AutomationPrivate {
		investor = -1
		var best int64 = -1
		for i, acc := range w.led.acc[:w.p.People] {
			if acc.bal > best {
				best, investor = acc.bal, Account(i)
			}
		}
	}
	if w.led.acc[investor].bal < cost {
		return
	}
	site, ok := a.site(w)
	pool := w.led.Special(Pool)
	if !ok {
		a.blocked++
		k.move(w, investor, pool, int64(float64(cost)*a.p.Resistance.SunkCost))
		return
	}
	a.built++
	k.move(w, investor, pool, cost)
	a.dcs = append(a.dcs, datacenter{community: site, owner: investor, ready: w.month + 1 + a.p.Compute.BuildMonths})
}

// site chooses the community of a proposed data centre and asks it.
func (a *automation) site(w *World) (int, bool) {
	k := a.p.Communities.Count
	refuses := func(c int) bool { return w.r.float64() < a.refusal(w, c) }
	switch a.p.Siting {
	case SitingConsent:
		order := make([]int32, k)
		for i := range order {
			order[i] = int32(i)
		}
		w.r.shuffle(order)
		for _, c := range order {
			if !refuses(int(c)) {
				return int(c), true
			}
		}
		return 0, false
	case SitingRandom:
		c := w.r.intn(k)
		return c, !refuses(c)
	}
	c := a.poorestCommunity(w)
	return c, !refuses(c)
}

// refusal is the chance that community c refuses a data centre: the base
// rate, plus the growth rate times the burden its people already bear.
func (a *automation) refusal(w *World, c int) float64 {
	return min(1, a.p.Resistance.Base+a.p.Resistance.Growth*a.burdenPerPerson(w, c))
}

// burdenPerPerson is the burden a month on each person of community c.
func (a *automation) burdenPerPerson(w *World, c int) float64 {
	n := 0
	for _, dc := range a.dcs {
		if dc.community == c && dc.ready <= w.month {
			n++
		}
	}
	size := float64(w.p.People) / float64(a.p.Communities.Count)
	return float64(n) * a.p.Burden / size
}

func (a *automation) poorestCommunity(w *World) int {
	sums := make([]int64, a.p.Communities.Count)
	for i, acc := range w.led.acc[:w.p.People] {
		sums[a.community(w, i)] += acc.bal
	}
	best := 0
	for c, s := range sums {
		if s < sums[best] {
			best = c
		}
	}
	return best
}

// payDataDividend pays the data fund out in proportion to the data each
// person contributed.
func (a *automation) payDataDividend(w *World, k *capitalism) {
	fund := w.led.Special(DataFund)
	a.dividends += a.payOut(w, k, fund, a.data)
}

// payCommons pays the commons fund out by the distribution rule.
func (a *automation) payCommons(w *World, k *capitalism) {
	fund := w.led.Special(Commons)
	n := w.p.People
	switch a.p.Ownership.Distribution {
	case DistributeNeed:
		// Top up those below their need, in proportion to how far below.
		gaps := make([]float64, n)
		var total float64
		for i := range gaps {
			if g := a.need[i] - w.led.acc[i].bal; g > 0 {
				gaps[i] = float64(g)
				total += float64(g)
			}
		}
		if total > 0 {
			budget := min(float64(w.led.acc[fund].bal), total)
			for i, g := range gaps {
				if amt := int64(budget * g / total); amt > 0 {
					a.commonsPaid += amt
					k.move(w, fund, Account(i), amt)
				}
			}
		}
		a.commonsPaid += a.payOut(w, k, fund, nil)
	case DistributeByData:
		a.commonsPaid += a.payOut(w, k, fund, a.data)
	default:
		a.commonsPaid += a.payOut(w, k, fund, nil)
	}
}

// payOut pays a fund out to everyone in proportion to weights (equally
// when nil), in whole units; what does not divide stays for next month.
func (a *automation) payOut(w *World, k *capitalism, fund Account, weights []float64) int64 {
	have := w.led.acc[fund].bal
	n := int64(w.p.People)
	if have < n {
		return 0
	}
	var paid int64
	if weights == nil {
		each := have / n
		for i := range n {
			k.move(w, fund, Account(i), each)
		}
		return each * n
	}
	var total float64
	for _, x := range weights {
		total += x
	}
	if total == 0 {
		return 0
	}
	for i, x := range weights {
		if amt := int64(float64(have) * x / total); amt > 0 {
			paid += amt
			k.move(w, fund, Account(i), amt)
		}
	}
	return paid
}

// workload is the market samples per worker in the month: it rises where
// units replace workers and the rest carry the same market.
func (a *automation) workload(workers int) float64 {
	if workers == 0 {
		return 0
	}
	return float64(a.workerSamples+a.unitSamples) / float64(workers)
}

// observe fills the snapshot's automation part.
func (a *automation) observe(w *World, k *capitalism, s *Snapshot) {
	if s.AI == nil {
		s.AI = &AISnapshot{}
	}
	x := s.AI
	x.Units, x.UnitSamples, x.WorkerSamples = a.totalUnits, a.unitSamples, a.workerSamples
	x.Price, x.Capacity, x.Productivity = a.price, a.capacity(w), a.productivity()
	x.Built, x.Blocked, x.Datacenters = a.built, a.blocked, len(a.dcs)
	x.Rent, x.Dividends, x.CommonsPaid, x.UnitRevenue = a.rent, a.dividends, a.commonsPaid, a.unitRevenue
	x.CommonsFund, x.DataStock = w.led.acc[w.led.Special(Commons)].bal, a.dataStock
	x.Need = append(x.Need[:0], a.need...)
	x.Burden = x.Burden[:0]
	x.Communities = append(x.Communities[:0], make([]CommunityState, a.p.Communities.Count)...)
	for c := range x.Communities {
		x.Communities[c].Burden = a.burdenPerPerson(w, c)
	}
	for _, dc := range a.dcs {
		if dc.ready <= w.month {
			x.Communities[dc.community].Datacenters++
		} else {
			x.Communities[dc.community].Building++
		}
	}
	var skill float64
	for i := range a.skill {
		skill += float64(a.skill[i])
		c := a.community(w, i)
		x.Burden = append(x.Burden, x.Communities[c].Burden)
		x.Communities[c].Wealth += w.led.acc[i].bal
	}
	x.MeanSkill = skill / float64(len(a.skill))
	x.Workload = a.workload(s.Workers)
	x.Hours = 1
	if a.p.Ownership.Firms == FirmsCooperative {
		var members, units float64
		for i := range int32(k.people.Len()) {
			if k.people.Class(i) == agents.Capitalist {
				members += float64(len(k.people.Employees(i)) + 1)
				units += float64(a.units[i])
			}
		}
		if members > 0 {
			x.Hours = members / (members + a.productivity()*units)
		}
	}
}
