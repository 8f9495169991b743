package economy

import (
	"math"

	"commonwealth/internal/agents"
)

// funds are the production economy's four funds.
//
// The commons fund (a social wealth fund) holds its claims on firms and
// data centres and receives their dividends and its share of the bank's
// profit. It pays its debts first, keeps commons.retain of its income as a
// reserve toward the equity of its next data centre — never more than one
// data centre's equity, so nothing sits idle that it cannot use — and pays
// the rest out each month by the distribution rule: in equal shares, to
// those whose consumption fell short of their need first (in proportion to
// how far) and the rest equally, or by data contributed. It borrows from the
// bank when a data centre would pay and its money is short (capital.go).
//
// The data fund receives the data dividend's share of every rent and pays it
// out each month in proportion to the data each person contributed.
//
// The pension fund receives finance.pension of every wage as contributions,
// for which the worker gets units at the fund's value a unit; it buys
// shares of private firms with them (firms.go) and pays out each month, to
// its unit holders in proportion to their units, all the money it did not
// invest — its dividends and the contributions no firm's shares took — so
// that it never hoards money the economy's demand needs (a fund with
// retirees drawing pensions does the same).
//
// The wage-earner fund receives new shares out of profits (firms.go) and
// pays its dividends out each month to everyone then at work, in equal
// parts.
type funds struct {
	reserve       int64     // the commons fund's money kept to invest
	units         []float64 // per person: units of the pension fund
	owed          []float32 // per person: contributions owed, less than a unit of money, not yet paid
	unitsTotal    float64
	unitValue     float64 // the pension fund's value a unit, set each month
	pensionIncome int64   // the pension fund's dividends this month
	wageIncome    int64   // the wage-earner fund's dividends this month
	commonsIncome int64   // the commons fund's dividends this month
}

func (f *funds) init(n int) {
	f.units = make([]float64, n)
	f.owed = make([]float32, n)
	f.unitValue = 1
}

// noteFundIncome books a dividend paid to who, when who is a fund.
func (x *production) noteFundIncome(w *World, who Account, amt int64) {
	switch who {
	case w.led.Special(Pension):
		x.funds.pensionIncome += amt
	case w.led.Special(WageFund):
		x.funds.wageIncome += amt
	case w.led.Special(Commons):
		x.funds.commonsIncome += amt
		x.flow.commonsIncome += amt
	}
}

// contribute pays worker e's pension contribution out of a wage, for units
// at the fund's value a unit. Money moves in whole units, so what a wage's
// contribution leaves over a whole unit is carried to the next: at wages
// under 1/finance.pension (20 money units a month at 0.05) a contribution
// would otherwise round to nothing, which the private worlds' wages fall to
// within decades. It comes out of the wage just paid, so no more than it.
func (x *production) contribute(w *World, e int32, wage int64) {
	f := &x.funds
	owed := float64(f.owed[e]) + float64(wage)*x.p.Finance.Pension
	amt := min(moneyOf(owed), wage)
	f.owed[e] = float32(owed - float64(amt))
	if amt <= 0 {
		return
	}
	x.book(w, RowPension, Account(e), w.led.Special(Pension), amt)
	u := float64(amt) / f.unitValue
	f.units[e] += u
	f.unitsTotal += u
}

// pay pays out every fund's month.
func (f *funds) pay(w *World, x *production) {
	x.flow.dividends += x.payOut(w, RowDataDividend, w.led.Special(DataFund), w.led.acc[w.led.Special(DataFund)].bal, x.data.contributed)
	x.payPensions(w)
	x.payWageFund(w)
	fund := w.led.Special(Commons)
	x.serviceDebt(w, fund)
	income := f.commonsIncome
	f.commonsIncome = 0
	if income > 0 {
		f.reserve += int64(float64(income) * x.p.Commons.Retain)
	}
	equity := moneyOf(float64(x.buildCost()) * (1 - x.p.Bank.LoanToValue))
	f.reserve = min(f.reserve, w.led.acc[fund].bal, equity)
	budget := w.led.acc[fund].bal - f.reserve
	var paid int64
	switch x.p.Ownership.Distribution {
	case DistributeNeed:
		paid = x.payNeeds(w, fund, budget)
		paid += x.payOut(w, RowTransfers, fund, budget-paid, nil)
	case DistributeByData:
		paid = x.payOut(w, RowTransfers, fund, budget, x.data.contributed)
	default:
		paid = x.payOut(w, RowTransfers, fund, budget, nil)
	}
	x.flow.commonsPaid += paid
}

// payPensions pays the pension fund's money to its unit holders in
// proportion to their units, as a redemption: each holder's units shrink
// by what they were paid at the fund's value a unit, so a payout moves
// their wealth from units to money and leaves the value a unit as it was.
func (x *production) payPensions(w *World) {
	f := &x.funds
	fund := w.led.Special(Pension)
	f.pensionIncome = 0
	assets := float64(x.pensionAssets(w))
	amt := w.led.acc[fund].bal
	var paid int64
	if amt > 0 && f.unitsTotal > 0 && assets > 0 {
		for i, u := range f.units {
			// The parts are rounded down, and floating point may still
			// bring them to a unit over what the fund holds: the last are cut.
			if part := min(int64(float64(amt)*u/f.unitsTotal), amt-paid); part > 0 {
				x.book(w, RowPension, fund, Account(i), part)
				paid += part
			}
		}
	}
	// The total is summed again from the holders' units each month, so that
	// contributions added one by one never drift from it. Redemptions shrink
	// the units by keep every month, geometrically, so the same pass scales
	// them back toward a total of 1 by a power of two: exact in floating
	// point, so it changes no holder's share and no payout, while units left
	// to shrink would reach floating point's limit within two centuries
	// (2,100 months in the default scenario's private arm at 1,000 people),
	// after which nobody holds units and the fund keeps every unit of money it
	// is paid.
	keep := 1.0
	if paid > 0 {
		keep = max(0, 1-float64(paid)/assets)
	}
	keep = math.Ldexp(keep, -exponentOutside(f.unitsTotal*keep, unitsRange))
	f.unitsTotal = 0
	for i := range f.units {
		f.units[i] *= keep
		f.unitsTotal += f.units[i]
	}
	x.flow.pensionPaid += paid
	f.unitValue = 1
	if f.unitsTotal > 0 {
		if v := (assets - float64(paid)) / f.unitsTotal; v > 0 {
			f.unitValue = v
		} else {
			// The fund is worth nothing: its units are too, and the next
			// contribution buys units at 1 that nobody's old units share.
			clear(f.units)
			f.unitsTotal = 0
		}
	}
}

// unitsRange is the binary exponent beyond which the pension fund's units'
// total is scaled back toward 1.
const unitsRange = 64

// exponentOutside is the binary exponent of v when it lies beyond 2^±limit
// (v ≠ 0), else 0.
func exponentOutside(v float64, limit int) int {
	if v == 0 {
		return 0
	}
	if _, e := math.Frexp(v); e < -limit || e > limit {
		return e
	}
	return 0
}

// payWageFund pays the wage-earner fund's dividends of the month to
// everyone at work, in equal parts.
func (x *production) payWageFund(w *World) {
	f := &x.funds
	fund := w.led.Special(WageFund)
	amt := min(f.wageIncome, w.led.acc[fund].bal)
	f.wageIncome = 0
	_, n := x.census()
	workers := int64(n)
	if workers == 0 || amt < workers {
		return
	}
	each := amt / workers
	for i := range int32(x.n) {
		if x.k.people.Class(i) == agents.Worker {
			x.book(w, RowTransfers, fund, Account(i), each)
			x.flow.wageFundPaid += each
		}
	}
}

// payNeeds pays from fund, up to budget, those whose consumption this month
// fell short of their need, in proportion to the shortfall; it returns what
// it paid.
func (x *production) payNeeds(w *World, fund Account, budget int64) int64 {
	gaps := x.data.gaps[:0]
	var total float64
	for i := range x.n {
		g := max(0, float64(x.data.need[i])*x.goods.price-float64(x.spending.spent[i]))
		gaps = append(gaps, g)
		total += g
	}
	x.data.gaps = gaps
	if total == 0 || budget <= 0 {
		return 0
	}
	spend := min(float64(budget), total)
	var paid int64
	for i, g := range gaps {
		if amt := int64(spend * g / total); amt > 0 {
			x.book(w, RowTransfers, fund, Account(i), amt)
			paid += amt
		}
	}
	return paid
}

// payOut pays budget from fund to everyone in proportion to weights
// (equally when nil), in whole units, as transactions of kind row; what does
// not divide stays in the fund for next month. It returns what it paid.
func (x *production) payOut(w *World, row Row, fund Account, budget int64, weights []float32) int64 {
	n := int64(x.n)
	if budget < n {
		return 0
	}
	if weights == nil {
		each := budget / n
		for i := range n {
			x.book(w, row, fund, Account(i), each)
		}
		return each * n
	}
	var total float64
	for _, v := range weights {
		total += float64(v)
	}
	if total == 0 {
		return 0
	}
	var paid int64
	for i, v := range weights {
		if amt := int64(float64(budget) * float64(v) / total); amt > 0 {
			x.book(w, row, fund, Account(i), amt)
			paid += amt
		}
	}
	return paid
}
