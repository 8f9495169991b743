package economy

import "commonwealth/internal/agents"

// flows are the production economy's money flows of the month, its income
// accounts. Value added is the month's sales less the data centres'
// operating costs (what the compute sector buys from the goods sector), and
// it is exactly the sum of
//
//	labour income  wages, and in cooperatives everything the firm earns beyond its rent (its members')
//	profit         capitalist firms' sales less wages and compute rent
//	net rent       compute rent less operating costs (the data dividend included)
type flows struct {
	sales, consumption             int64
	localSpending                  int64 // consumption spent at firms of the buyer's own community
	wages                          int64
	rent, privateRent              int64
	commonsIncome                  int64 // dividends received by the commons fund
	operating                      int64
	commonsInvested                int64
	dividends, commonsPaid, health int64
	reinstated, unmet, dropped     int64
	defaults                       int64   // households that defaulted
	pensionPaid, wageFundPaid      int64   // the pension and wage-earner funds' payouts to households
	householdInterest              int64   // interest households paid
	hires, spells, displaced       int64   // hires, the months those hired had been without work, workers automation displaced
	quits, layoffs                 int64   // workers who left for reasons of their own, workers let go by their firm
	pooled                         int64   // hires of people unemployed at the month's start
	demand, supply                 float64 // compute wanted and supplied
}

// observe fills the snapshot's production part.
func (x *production) observe(w *World, s *Snapshot) {
	if s.AI == nil {
		s.AI = &AISnapshot{}
	}
	a, f := s.AI, &x.flow
	s.Wages, s.Revenue = f.wages, f.sales
	a.Units, a.Productivity, a.ComputePrice = x.compute.total, x.data.pi, x.compute.price
	a.Capacity, a.ComputeDemand = x.capital.capacity(w, x.p), f.demand
	a.Datacenters, a.Built, a.Blocked, a.Retired = len(x.capital.dcs), x.capital.built, x.capital.blocked, x.capital.retired
	a.Rent, a.PrivateRent, a.Operating = f.rent, f.privateRent, f.operating
	a.Dividends, a.CommonsPaid, a.CommonsInvested = f.dividends, f.commonsPaid, f.commonsInvested
	a.CommonsFund, a.DataStock = w.led.acc[w.led.Special(Commons)].bal, x.data.stock
	a.Output, a.PriceLevel = x.goods.output, x.goods.price
	a.Sales, a.Consumption, a.Health, a.LocalSpending = f.sales, f.consumption, f.health, f.localSpending
	a.UnitsDropped, a.UnitsWanted, a.Reinstated = f.dropped, f.unmet, f.reinstated
	a.ValueAdded = f.sales - f.operating
	a.NetRent = f.rent - f.operating
	if x.p.Ownership.Firms == FirmsCooperative {
		a.LabourIncome, a.Profit = f.sales-f.rent, 0
	} else {
		a.LabourIncome, a.Profit = f.wages, f.sales-f.wages-f.rent
	}
	a.UnitShare = x.goods.unitShare
	x.observeFinance(w, s)
	a.Spent = append(a.Spent[:0], x.spending.spent...)
	a.Need = append(a.Need[:0], x.data.need...)
	a.Skill = append(a.Skill[:0], x.labour.skill...)
	x.observePeople(w, s)
	x.observeCommunities(w, s)
}

// observePeople measures skill, hours and effort.
func (x *production) observePeople(w *World, s *Snapshot) {
	a := s.AI
	var skill, workSkill, hours, effort, working float64
	for i := range int32(x.n) {
		skill += float64(x.labour.skill[i])
		switch x.k.people.Class(i) {
		case agents.Worker:
			f := x.k.people.Employer(i)
			workSkill += float64(x.labour.skill[i])
			hours += x.hours(f)
			effort += x.effort(f)
			working++
		case agents.Capitalist:
			hours += x.hours(i)
			effort++
			working++
		}
	}
	a.MeanSkill = skill / float64(x.n)
	a.Hours, a.Effort, a.SkillWageLoss = 1, 1, 0
	if working > 0 {
		a.Hours, a.Effort = hours/working, effort/working
	}
	if s.Workers > 0 {
		a.SkillWageLoss = 1 - workSkill/float64(s.Workers)
	}
}

// observeCommunities measures each community's data centres, burden and
// money, and each person's burden.
func (x *production) observeCommunities(w *World, s *Snapshot) {
	a := s.AI
	k := x.p.Communities.Count
	a.Communities = append(a.Communities[:0], make([]CommunityState, k)...)
	wealth := x.comm.wealth(w, x, x.data.commWealth)
	x.data.commWealth = wealth
	for c := range a.Communities {
		cs := &a.Communities[c]
		cs.Burden = x.comm.burden(w, x, c)
		cs.Wealth = wealth[c]
		cs.Refusal = x.comm.refusal(w, x, c, wealth)
		cs.Refused = x.comm.refused[c]
		cs.First, cs.End = x.comm.bounds(x, c)
	}
	for _, dc := range x.capital.dcs {
		if dc.ready <= w.month {
			a.Communities[dc.community].Datacenters++
		} else {
			a.Communities[dc.community].Building++
		}
	}
	a.Burden = a.Burden[:0]
	for i := range x.n {
		a.Burden = append(a.Burden, a.Communities[x.comm.of(x, i)].Burden)
	}
}

// observeFinance measures the balance sheets: each person's wealth is their
// net worth (deposits, shares and pension units at book value, less debt);
// the bank's loans and rates, households' debt, firms' births and
// bankruptcies, and who holds the equity.
func (x *production) observeFinance(w *World, s *Snapshot) {
	a := s.AI
	var held equityHeld
	a.Sheet, held = x.balances(w)
	a.Flows = x.tfm.flows
	a.BankLoans, a.BankEquity = x.bank.loans, x.bank.equity
	a.PolicyRate, a.LoanRate = x.p.Bank.PolicyRate, 12*x.rate()
	a.FirmBirths, a.Closures, a.Bankruptcies = x.firms.births, x.firms.closures, x.firms.bankrupt
	a.Defaults = int(x.flow.defaults)
	a.HouseholdDebt = 0
	for i := range x.n {
		a.HouseholdDebt += x.bank.owed[i]
	}
	a.InterestPaid, a.Lent = x.bank.interest, x.bank.lent
	x.observeLabour(a)
	a.DisplacedLoss = x.displacedLoss(w)
	a.WrittenOff = x.bank.writtenOff
	a.HouseholdCapitalIncome = a.Flows[RowDividends][Households] + x.flow.pensionPaid + x.flow.wageFundPaid - x.flow.householdInterest
	a.CommonsEquityShare = float64(held.commons) / float64(max(held.all, 1))
	a.WageFundShare = float64(held.wageFund) / float64(max(held.firms, 1))
	a.DirectEquity = x.personalClaims(w, a.DirectEquity)
	s.Wealth = s.Wealth[:0]
	for i, v := range a.DirectEquity {
		s.Wealth = append(s.Wealth, w.led.acc[i].bal-x.bank.owed[i]+v)
	}
}

// displacedLoss is what workers automation displaced two to five years ago
// earn now — their wage, or nothing out of work — against what workers at
// work when they were displaced, and never displaced, earn now (drawn at
// each displacement: drawComparison), as a share lost (Jacobson, LaLonde
// and Sullivan, "Earnings losses of displaced workers", AER 83, 1993: about
// a quarter, years later); 0 when nobody was displaced then.
func (x *production) displacedLoss(w *World) float64 {
	var shown, never, nShown, nNever float64
	within := func(at int32) bool { return at >= 0 && w.month-int(at) >= 24 && w.month-int(at) <= 60 }
	for i := range int32(x.n) {
		pay := 0.0
		switch x.k.people.Class(i) {
		case agents.Capitalist:
			continue
		case agents.Worker:
			pay = float64(x.labour.wage[i])
		}
		switch l := &x.labour; {
		case within(l.displacedAt[i]):
			shown += pay
			nShown++
		case l.displacedAt[i] < 0 && within(l.comparedAt[i]):
			never += pay
			nNever++
		}
	}
	if nShown == 0 || nNever == 0 || never == 0 {
		return 0
	}
	return 1 - (shown/nShown)/(never/nNever)
}
