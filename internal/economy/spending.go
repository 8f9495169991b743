package economy

import "commonwealth/internal/agents"

// spending is the consumption function. Every person spends once a month,
// interleaved with the activations, in person order from a place drawn at
// random each month (so nobody always spends first, and the spenders'
// records are read in order, which the processor's caches like):
//
//	c = α_y(m)·y + α_w(m)·m,   α(m) = α_rich + (α_poor − α_rich)·h/(h + m),
//
// of last month's net income y and wealth m, at most m. Both propensities
// fall as wealth rises (Carroll, Slacalek, Tokuoka and White, "The
// distribution of wealth and the marginal propensity to consume",
// Quantitative Economics 8, 2017; Fisher, Johnson, Smeeding and Thompson,
// "Estimating the marginal propensity to consume using the distributions of
// income, consumption, and wealth", J. Macroeconomics 65, 2020), so money
// held by the rich circulates slower: concentration can lower demand.
type spending struct {
	first  int     // the person who spends first this month
	income []int64 // each person's net income last month: money received less business costs
	spent  []int64 // each person's consumption spending this month
	costs  []int64 // each person's business costs this month: wages, rent, members' shares, operating costs
}

func (s *spending) init(n int) {
	s.income = make([]int64, n)
	s.spent = make([]int64, n)
	s.costs = make([]int64, n)
}

// spender is the person who spends at the month's step.
func (s *spending) spender(step int) int32 {
	if step += s.first; step >= len(s.spent) {
		step -= len(s.spent)
	}
	return int32(step)
}

// propensity is α(m) for a propensity going from poor at no wealth to rich.
func propensity(poor, rich, half, m float64) float64 {
	return rich + (poor-rich)*half/(half+m)
}

// Budget is what a person with wealth m and last month's income y spends
// this month.
func (p SpendingParams) Budget(m, y int64) int64 {
	mf := float64(m)
	c := propensity(p.IncomePoor, p.IncomeRich, p.HalfWealth, mf)*float64(max(y, 0)) +
		propensity(p.WealthPoor, p.WealthRich, p.HalfWealth, mf)*mf
	return min(moneyOf(c), m)
}

// spend is person s's spending of the month: at a seller in their own
// community with probability communities.local, else anywhere; while no one
// makes goods, into the market pool, which is paid to the firms at the end
// of the month.
func (x *production) spend(w *World, s int32) {
	m := w.led.acc[s].bal
	c := x.p.Spending.Budget(m, x.spending.income[s])
	if need := moneyOf(float64(x.data.need[s]) * x.goods.expected); c < need && m < need {
		x.drawCredit(w, s, min(need, m+x.credit(s)))
		c = min(need, w.led.acc[s].bal)
	}
	if c <= 0 {
		return
	}
	r := x.rs.of(streamSpending)
	home := x.comm.of(x, int(s))
	seller := int32(-1)
	if r.float64() < x.p.Communities.Local {
		seller = x.goods.drawSeller(r, home)
	}
	if seller < 0 {
		seller = x.goods.drawSeller(r, -1)
	}
	k := x.k
	if seller < 0 {
		x.book(w, RowConsumption, Account(s), w.led.Special(Pool), c)
	} else {
		w.pay(Account(s), w.led.Firm(seller), c) // book's work, inline: this is the step loop
		if k.people.Class(s) == agents.Unemployed {
			k.hire.add(int(s)/hireBlock, -c)
		}
		k.hire.add(int(seller)/hireBlock, c) // a seller is a firm, whose money is its founder's weight
		x.tfm.flows[RowConsumption][Households] -= c
		x.tfm.flows[RowConsumption][Firms] += c
		x.flow.sales += c
		if x.comm.of(x, int(seller)) == home {
			x.flow.localSpending += c
		}
	}
	x.spending.spent[s] += c
	x.flow.consumption += c
	x.goods.commSpent[home] += c
}

// closeMonth books everyone's net income of the month, which next month's
// spending follows.
func (s *spending) closeMonth(w *World) {
	for i := range s.income {
		s.income[i] = w.led.acc[i].recv - s.costs[i]
	}
}
