package economy

import "commonwealth/internal/agents"

// production is the economy of goods that runs inside Wright's model when
// ai.enabled is true (DESIGN 2.4). Wright's classes, hiring drawn in
// proportion to money and firing when wages cannot be paid stay; his market
// of samples does not. Instead workers and automation units produce goods
// for their firms; every person spends once a month, by a consumption
// function, at sellers drawn in proportion to the goods they make; the price
// level is the month's spending over the month's goods. Wages answer the
// labour market, units are rented from data centres that are owned assets
// in communities that bear their burden, and who owns what decides where
// rent and profit go. Each mechanism keeps its state in its own file.
//
// Every flow of money goes through production.book (and so World.pay and
// the transactions-flow matrix), or the bank's mint and payBank, so the
// accounts hold exactly (sfc.go); every random draw comes from the stream of its
// mechanism, so arms stay the same world until their difference acts.
type production struct {
	p    AIParams
	k    *capitalism
	rs   *streams
	n    int // people
	step int // the activation under way in the month (people at its end)

	goods      goods
	spending   spending
	labour     labour
	vac        vacancies
	compute    compute
	capital    capital
	funds      funds
	firms      firms
	households households
	bank       bank
	comm       communities
	data       data
	flow       flows
	tfm        tfm
}

func newProduction(p Params, k *capitalism, seed uint64) *production {
	x := &production{p: p.AI, k: k, rs: newStreams(seed), n: p.People}
	x.comm.init(p.People, p.AI.Communities.Count)
	x.goods.init(p.People, &x.comm, p.AI.Variety)
	x.spending.init(p.People)
	x.labour.init(p.People)
	x.vac.init(p.People)
	x.compute.init(p.People)
	x.data.init(p.People)
	x.firms.init(p.People)
	x.funds.init(p.People)
	x.households.init(p.People)
	return x
}

// start draws what differs between persons and the owners of the first
// data centres, spreads the communities' starting wealth, and sets the
// first prices.
func (x *production) start(w *World) {
	x.data.drawNeeds(x.p.Need, x.rs.of(streamNeeds))
	x.compute.drawTasks(x.rs.of(streamTasks))
	x.bank.init(len(w.led.acc), w.led.total, x.p.Bank)
	x.capital.start(w, x)
	x.comm.spreadWealth(w, x)
	x.comm.setBurden(w, x)
	for c := range x.comm.org {
		x.comm.org[c] = x.p.Resistance.Base
	}
	x.goods.price = float64(max(w.p.Capitalism.WageMax, 1)) // a good sells for the highest wage at the start
	x.goods.expected = x.goods.price
	x.goods.sales = x.goods.price * float64(x.n) // as if everyone worked, until sales are seen
	for c := range x.goods.commSales {
		lo, hi := x.comm.bounds(x, c)
		x.goods.commSales[c] = x.goods.price * float64(hi-lo)
	}
	x.labour.price0 = x.goods.price
	x.compute.price = x.p.Compute.PriceBase
	c := w.p.Capitalism
	x.labour.meanWage = float64(c.WageMin) + float64(c.WageMax-c.WageMin)/2 // Wright's mean wage, until wages are paid
	x.labour.setOutside(x.p.Labour, 0, 1, 0)                                // everyone starts unemployed; no vacancies yet
	x.data.setProductivity(x.p)
	x.compute.ration(w, x)
}

// retune takes new live parameters. A rise in the commons' shares of firms
// or data centres acts from the month's end on, by ownership.transfer.
func (x *production) retune(w *World, p Params) {
	x.p = p.AI
	x.data.setProductivity(x.p)
}

func (x *production) act(w *World, n int) {
	act := x.rs.of(streamActivation)
	if x.k.large {
		x.actAhead(w, n, act)
		return
	}
	for j := range n {
		x.step = w.pos + j
		x.activate(w, int32(act.intn(x.n)), x.step)
	}
}

// activate is one step: person a's turn, in which a looks for work if
// unemployed, or, owning a firm, lets go the workers it cannot pay or who do
// not earn their wage and decides on automation; and the step's spender,
// every person once a month, buys goods. Wages are paid at the end of the
// month.
func (x *production) activate(w *World, a int32, step int) {
	k := x.k
	if k.people.Class(a) == agents.Unemployed {
		x.hiring(w, a)
	}
	x.spend(w, x.spending.spender(step))
	if k.people.Class(a) == agents.Capitalist {
		x.firing(w, a)
	}
	if k.people.Class(a) == agents.Capitalist {
		x.decideUnits(w, a)
		x.post(w, a)
	}
	x.goods.produced += x.goods.labourTotal
	x.goods.producedByUnits += x.goods.unitRate(x.goods.unitsTotal)
}

func (x *production) beginMonth(w *World) {
	x.flow = flows{}
	x.openBooks(w)
	x.bank.beginMonth()
	x.firms.births, x.firms.closures, x.firms.bankrupt = 0, 0, 0
	x.vac.new, x.vac.displacement = 0, 0
	x.labour.searchers = x.labour.unemployed
	x.spending.first = x.rs.of(streamSpending).intn(x.n)
	x.goods.produced, x.goods.producedByUnits = 0, 0
	clear(x.goods.commSpent)
	clear(x.spending.spent)
	clear(x.spending.costs)
}

// endMonth clears the goods market and runs the month's slow mechanisms, in
// this order: the market pool is spent, the price level set; firms pay
// their wages (workers first), then compute rent; data centres pay their
// operating costs and debts and their holders, and retire; firms pay their
// debts (or go bankrupt), the funds and the commons acquire their claims,
// and firms pay dividends; investors build; households pay their debts;
// data and productivity grow; skills, effort and hours change and
// reinstated tasks are filled; the funds pay out, then the bank; the burden
// is paid for; wages, compute price and rationing for next month; and
// last, everyone's income, which next month's spending follows.
func (x *production) endMonth(w *World) {
	x.step = x.n
	x.goods.clear(w, x)
	x.payroll(w)
	x.compute.payRent(w, x)
	x.capital.operate(w, x)
	x.capital.acquireDatacenters(w, x)
	x.settleFirms(w)
	x.capital.invest(w, x)
	x.serviceHouseholds(w)
	x.data.produce(x)
	x.data.setProductivity(x.p)
	x.labour.cacheAutomation(x)
	x.labour.updateSkills(w, x)
	x.renegotiate(w)
	x.separate(w)
	x.reinstate(w)
	x.funds.pay(w, x)
	x.settleBank(w)
	x.comm.bearBurden(w, x)
	u, workers := x.census()
	x.labour.unemployed = u
	x.tallyDemand()
	if workers > 0 {
		x.labour.meanWage = float64(x.flow.wages) / float64(workers)
	}
	x.labour.setOutside(x.p.Labour, w.month+1, float64(u)/float64(x.n), float64(x.vac.tree.total)/float64(max(u, 1)))
	x.compute.setPrice(w, x)
	x.compute.ration(w, x)
	x.goods.rebuild(x)
	x.spending.closeMonth(w)
}

// maxFlow bounds any flow of money computed in floating point: more money
// than a ledger can hold (Ledger totals stay below 2^61).
const maxFlow = 1 << 62

// moneyOf turns an amount computed in floating point into whole money
// units, at least 0 and at most maxFlow: extreme parameters give extreme
// amounts, which the payer's balance then limits, never an overflow.
func moneyOf(x float64) int64 {
	switch {
	case !(x > 0): // also NaN
		return 0
	case x >= maxFlow:
		return maxFlow
	}
	return int64(x)
}

// mulMoney multiplies a count by an amount of money, saturating at maxFlow.
func mulMoney(n, amt int64) int64 {
	if n <= 0 || amt <= 0 {
		return 0
	}
	if amt > maxFlow/n {
		return maxFlow
	}
	return n * amt
}

// atPrices converts money at the start's prices into money at last month's
// prices: the compute sector's and health's money costs follow the price
// level, since what they buy are real things (concrete, power, care).
func (x *production) atPrices(v float64) float64 { return v * x.goods.price / x.labour.price0 }

// census returns the number of people neither employed nor employing, and
// of workers.
func (x *production) census() (unemployed, workers int) {
	u := 0
	for i := range int32(x.n) {
		switch x.k.people.Class(i) {
		case agents.Unemployed:
			u++
		case agents.Worker:
			workers++
		}
	}
	return u, workers
}
