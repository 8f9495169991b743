package economy

import "math"

// compute is the market for automation: units that firms rent, each making
// π goods a month with c_u compute from the data centres, at a compute price
// that moves each month with excess demand and has no ceiling:
//
//	p ← max(p₀, p · exp(κ · (D − S) / max(D, S)))   (D = S = 0: as if D − S = −S),
//
// D the compute firms want at the current price (the units they keep and
// those refused for want of capacity), S the ready capacity. When capacity is
// short the price rises until units cost more than the labour they replace
// and firms drop them (units_dropped_price). A firm rents a unit when its
// cost × hurdle is below the wages of the work it replaces (Acemoglu and
// Restrepo, "Automation and new tasks", J. Economic Perspectives 33(2), 2019),
// wages actually paid; a capitalist firm then lets round(π) workers go (task
// displacement), a cooperative keeps everyone and works shorter hours.
type compute struct {
	count   []int32  // per firm: units rented
	tasks   []uint16 // per firm: how much of its work a unit can do, in 1/taskScale
	total   int64    // Σ units
	price   float64  // p: money per compute unit this month
	unmet   int64    // units firms wanted this month but could not get for want of capacity
	dropped int64    // units dropped this month because compute cost more than labour
	paidTo  []int    // scratch: the ready data centres, for paying rent
}

// taskScale is the unit of automatability: a firm whose tasks a machine can
// do entirely has taskScale.
const taskScale = 1024

func (c *compute) init(n int) {
	c.count = make([]int32, n)
	c.tasks = make([]uint16, n)
}

// drawTasks draws each firm's automatability uniformly: tasks differ in
// how much of them a machine can do (Acemoglu and Restrepo's task
// framework), so automation spreads from the most automatable firms as it
// gets cheaper or better, not all at once.
func (c *compute) drawTasks(r *rng) {
	for i := range c.tasks {
		c.tasks[i] = uint16(1 + r.intn(taskScale))
	}
}

// automatable is the share of firm f's work one of its units can do per
// unit of π.
func (c *compute) automatable(f int32) float64 { return float64(c.tasks[f]) / taskScale }

// unitCost is what a unit costs its firm a month.
func (x *production) unitCost() int64 {
	return moneyOf(math.Ceil(x.compute.price * x.p.ComputePerUnit))
}

// labourValue is the wages of the work one unit does: π times the mean
// wage firm f pays its staff, or, without staff, the mean wage paid in the
// economy last month.
func (x *production) labourValue(f int32) float64 {
	staff := len(x.k.people.Employees(f))
	wage := x.labour.meanWage
	if staff > 0 {
		wage = float64(x.labour.bill[f]) / float64(staff)
	}
	return x.data.pi * x.compute.automatable(f) * wage
}

// staffValue is what firm f pays all but one of its staff a month: the
// most a unit could save it.
func (x *production) staffValue(f int32) float64 {
	staff := len(x.k.people.Employees(f))
	if staff < 2 {
		return 0
	}
	return float64(x.labour.bill[f]) * float64(staff-1) / float64(staff)
}

// decideUnits runs firm f's automation decision when its founder is
// activated: drop a unit when compute costs more than the labour it
// replaces; rent one when cost × hurdle is below it and compute is free.
func (x *production) decideUnits(w *World, f int32) {
	if x.p.Ownership.Firms == FirmsCooperative {
		x.decideMembersUnits(w, f)
		return
	}
	cost := float64(x.unitCost())
	value := x.labourValue(f)
	c := &x.compute
	switch {
	case c.count[f] > 0 && cost > value:
		x.setUnits(f, c.count[f]-1)
		c.dropped++
	case cost*x.p.Hurdle < min(value, x.staffValue(f)):
		// A firm keeps a worker: it closes when its last one leaves.
		displaced := min(int(math.Round(x.data.pi*c.automatable(f))), len(x.k.people.Employees(f))-1)
		if displaced < 1 {
			return
		}
		if x.freeCompute(w) < x.p.ComputePerUnit {
			c.unmet++
			return
		}
		r := x.rs.of(streamUnits)
		for range displaced {
			staff := x.k.people.Employees(f)
			i := r.intn(len(staff))
			x.displace(staff[i], w.month, r)
			x.flow.displaced++
			x.fire(w, f, i)
		}
		x.setUnits(f, c.count[f]+1)
		x.vac.displacement += float64(displaced)
	}
}

// decideMembersUnits is a cooperative's automation decision, as its
// members would make it (Ward, "The firm in Illyria", AER 48, 1958; Dow,
// Governing the Firm, 2003): it keeps its members and turns the work its
// units do into shorter hours, so a unit pays when what it brings the
// members — the goods it adds, net of the hours it frees, and those hours,
// valued at cooperative.leisure times the pay they would earn — is worth
// more than its rent times the hurdle, and is given back when it is worth
// less than its rent.
func (x *production) decideMembersUnits(w *World, f int32) {
	cost := float64(x.unitCost())
	c := &x.compute
	switch {
	case c.count[f] > 0 && -x.unitGain(f, -1) < cost:
		x.setUnits(f, c.count[f]-1)
		c.dropped++
	case x.unitGain(f, 1) > cost*x.p.Hurdle:
		if x.freeCompute(w) < x.p.ComputePerUnit {
			c.unmet++
			return
		}
		before := x.hours(f)
		x.setUnits(f, c.count[f]+1)
		// Nobody leaves: the members' hours shorten.
		x.vac.displacement += float64(len(x.k.people.Employees(f))+1) * (before - x.hours(f))
	}
}

// unitGain is what cooperative f would sell more a month with d more units
// (d < 0: fewer), its members' hours shortened (or lengthened) by the share
// of the work the units then do.
func (x *production) unitGain(f int32, d int32) float64 {
	g, c := &x.goods, &x.compute
	members := float64(len(x.k.people.Employees(f)) + 1)
	share := func(units int32) float64 {
		u := x.data.pi * c.automatable(f) * float64(units)
		return u / (u + members)
	}
	h0, h1 := 1-share(c.count[f]), 1-share(c.count[f]+d)
	labour := float64(g.labour[f])
	if h0 > 0 {
		labour *= h1 / h0
	}
	rate := g.firmRate(f)
	after := int64(labour) + g.unitRate(g.units[f]+int64(d)*int64(c.tasks[f]))
	pay := x.expectedSales(f) - float64(c.count[f])*float64(x.unitCost()) // the members' income a month at full time
	return x.gain(f, rate, after-rate) + x.p.Cooperative.Leisure*(h0-h1)*max(pay, 0)
}

// setUnits sets firm f's units.
func (x *production) setUnits(f int32, units int32) {
	c := &x.compute
	d := units - c.count[f]
	c.count[f] = units
	c.total += int64(d)
	x.vac.trimTasks(f, units)
	x.goods.setUnits(f, int64(units)*int64(c.tasks[f]))
}

// returnUnits gives back the units of a firm that closed, paying the rent
// of the part of the month it kept them.
func (x *production) returnUnits(w *World, f int32) {
	units := x.compute.count[f]
	if units == 0 {
		return
	}
	owed := moneyOf(float64(units) * float64(x.unitCost()) * float64(x.step) / float64(x.n))
	x.payRent(w, f, min(owed, x.cash(w, f)))
	x.setUnits(f, 0)
}

// freeCompute is the ready capacity not yet rented.
func (x *production) freeCompute(w *World) float64 {
	return x.capital.capacity(w, x.p) - float64(x.compute.total)*x.p.ComputePerUnit
}

// payRent pays a month's compute rent at the end of the month, each firm
// for its units; a firm that cannot pay for all drops those it cannot.
func (c *compute) payRent(w *World, x *production) {
	cost := x.unitCost()
	for f := range int32(x.n) {
		units := c.count[f]
		if units == 0 {
			continue
		}
		if afford := int32(min(x.cash(w, f)/max(cost, 1), math.MaxInt32)); afford < units {
			x.setUnits(f, afford)
			units = afford
		}
		x.payRent(w, f, mulMoney(int64(units), cost))
	}
}

// payRent pays rent from firm f: the data dividend's share to the data
// fund, the rest to the ready data centres in equal parts (into the market
// pool when none is ready), which pay their holders at the month's end.
func (x *production) payRent(w *World, f int32, rent int64) {
	if rent <= 0 {
		return
	}
	fa := w.led.Firm(f)
	x.flow.rent += rent
	div := moneyOf(float64(rent) * x.p.Dividend)
	x.book(w, RowDataDividend, fa, w.led.Special(DataFund), div)
	rest := rent - div
	ready := x.capital.ready(w, x.compute.paidTo[:0])
	x.compute.paidTo = ready
	if len(ready) == 0 {
		x.book(w, RowRent, fa, w.led.Special(Pool), rest)
		return
	}
	x.book(w, RowRent, fa, w.led.Special(Compute), rest)
	share := rest / int64(len(ready))
	for i, d := range ready {
		amt := share
		if i == 0 {
			amt += rest - share*int64(len(ready))
		}
		x.capital.dcs[d].cash += amt
		x.capital.dcs[d].earned += amt
	}
}

// setPrice moves the compute price with this month's excess demand.
func (c *compute) setPrice(w *World, x *production) {
	demand := float64(c.total+c.unmet) * x.p.ComputePerUnit
	supply := x.capital.capacity(w, x.p)
	x.flow.demand, x.flow.supply = demand, supply
	excess := -1.0 // no demand and no supply: the price falls back toward the floor
	if d := max(demand, supply); d > 0 {
		excess = (demand - supply) / d
	}
	// No ceiling but the money there is: at that price nobody can rent.
	c.price = min(max(x.atPrices(x.p.Compute.PriceBase), c.price*math.Exp(x.p.Compute.Scarcity*excess)), float64(w.led.Total()))
	x.flow.unmet, x.flow.dropped = c.unmet, c.dropped
	c.unmet, c.dropped = 0, 0
}

// ration sets the goods a unit makes next month: π, scaled down when the
// units in use need more compute than the ready data centres supply.
func (c *compute) ration(w *World, x *production) {
	share := 1.0
	if need := float64(c.total) * x.p.ComputePerUnit; need > 0 {
		share = min(1, x.capital.capacity(w, x.p)/need)
	}
	x.goods.unitGoods = moneyOf(float64(milli) * x.data.pi * share) // goods, not money, but bounded the same way
}
