package economy

import "commonwealth/internal/agents"

// firms are the production economy's firms as entities apart from their
// owners: each has its own account (its deposits), may owe the bank, and
// has a share register. Person f founds firm f and runs it (Wright's
// capitalist: the one who employs), putting finance.founder_stake of their
// money into it for shares and borrowing up to finance.leverage times that
// when the bank's rule allows. A firm keeps finance.cash_months of its
// costs as cash (retained earnings) and pays the rest of its money out each
// month as dividends, pro rata to its register. Who holds the register is
// the ownership regime: in a capitalist firm the founder, the pension fund
// (which buys finance.pension_share of every private firm over time, at
// book value) and the wage-earner fund (new shares out of profit each year,
// Meidner's plan); in a cooperative its members in equal parts; in either,
// the commons fund holds ownership.commons_firms, bought at book value from
// the other holders (ownership.transfer = "buyout") or taken from them
// ("expropriate"). A firm whose last worker leaves is wound up: its money
// repays its loan and the rest goes to its holders; a firm three months
// behind on its debt and worth less than it owes goes bankrupt: its holders
// lose their equity and the bank writes off what its money does not repay.
// Shares are valued at book value — the firm's deposits less its loans —
// since there is no stock market to price them (docs/model.md says why).
type firms struct {
	reg      []register // per firm
	paidOut  []int64    // per firm: dividends paid since the wage-earner fund's last issue
	equityAt []int64    // per firm: its equity then
	births   int        // firms founded this month
	closures int        // firms wound up this month
	bankrupt int        // bankruptcies this month
}

func (fs *firms) init(n int) {
	fs.reg = make([]register, n)
	fs.paidOut = make([]int64, n)
	fs.equityAt = make([]int64, n)
}

// cash is firm f's money.
func (x *production) cash(w *World, f int32) int64 { return w.led.acc[w.led.Firm(f)].bal }

// equity is firm f's book value: its money less what it owes.
func (x *production) equity(w *World, f int32) int64 {
	a := w.led.Firm(f)
	return w.led.acc[a].bal - x.bank.owed[a]
}

// founding is what unemployed person c can put into a new firm that would
// pay wage to its first worker, whose work adds worth: a stake of their own
// money and what the bank would lend on the match's surplus.
func (x *production) founding(w *World, c int32, wage int64, worth float64) (stake, loan int64) {
	stake = moneyOf(float64(w.led.acc[c].bal) * x.p.Finance.FounderStake)
	if stake+x.lendable(0, worth-float64(wage)) <= wage {
		return 0, 0
	}
	need := max(0, 2*wage-stake) // two months of the first wage in hand
	loan = min(moneyOf(float64(stake)*x.p.Finance.Leverage), need, x.lendable(0, worth-float64(wage)))
	return stake, loan
}

// found makes unemployed person c the founder of firm c with their stake
// and a loan, the stake's shares theirs (or, in a cooperative, its
// members').
func (x *production) found(w *World, c int32, stake, loan int64) {
	fa := w.led.Firm(c)
	x.book(w, RowShares, Account(c), fa, stake)
	x.lendTo(w, fa, &x.bank.owed[fa], loan) // founding checked the lending rule
	holder := Account(c)
	if x.p.Ownership.Firms == FirmsCooperative {
		holder = members
	}
	r := &x.firms.reg[c]
	r.reset()
	r.add(holder, max(stake, 1))
	x.firms.paidOut[c], x.firms.equityAt[c] = 0, x.equity(w, c)
	x.firms.births++
}

// windUp closes firm f, whose founder has just become unemployed: its money
// repays what it owes, the bank writes off the rest, and what is left goes
// to its holders.
func (x *production) windUp(w *World, f int32) {
	fa := w.led.Firm(f)
	x.repay(w, fa, min(x.bank.owed[fa], w.led.acc[fa].bal))
	// The founder guaranteed the firm's loans (as owners of small firms do).
	x.repayLoan(w, Account(f), &x.bank.owed[fa], min(x.bank.owed[fa], w.led.acc[f].bal))
	if x.bank.owed[fa] > 0 {
		x.writeOff(fa)
		x.firms.bankrupt++
	}
	x.bank.late[fa] = 0
	x.vac.close(f)
	x.payHolders(w, f, w.led.acc[fa].bal)
	x.firms.reg[f].reset()
	x.firms.closures++
}

// payHolders pays amt of firm f's money to its holders as dividends.
func (x *production) payHolders(w *World, f int32, amt int64) {
	fa := w.led.Firm(f)
	x.firms.paidOut[f] += amt
	x.firms.reg[f].split(amt, func(who Account, part int64) {
		if who == members {
			x.payMembers(w, f, RowDividends, fa, part)
			return
		}
		x.book(w, RowDividends, fa, who, part)
		x.noteFundIncome(w, who, part)
	})
}

// payMembers pays amt from account from to cooperative f's members, the
// founder included, in equal parts, as transactions of kind row; the
// founder takes what does not divide.
func (x *production) payMembers(w *World, f int32, row Row, from Account, amt int64) {
	staff := x.k.people.Employees(f)
	each := amt / int64(len(staff)+1)
	for _, e := range staff {
		x.book(w, row, from, Account(e), each)
	}
	x.book(w, row, from, Account(f), amt-each*int64(len(staff)))
}

// costs is what firm f expects to pay out a month: its wage bill, its
// compute rent and its debt service.
func (x *production) costs(w *World, f int32) float64 {
	return float64(x.labour.bill[f]) + float64(x.compute.count[f])*float64(x.unitCost()) +
		x.service(float64(x.bank.owed[w.led.Firm(f)]))
}

// settleFirms runs each firm's month's finance after wages and rent are
// paid: debt service, bankruptcy, the claims the funds and the commons
// acquire, and dividends.
func (x *production) settleFirms(w *World) {
	year := w.month%12 == 11
	for f := range int32(x.n) {
		if x.k.people.Class(f) != agents.Capitalist {
			continue
		}
		fa := w.led.Firm(f)
		x.serviceDebt(w, fa)
		if x.bank.late[fa] >= 3 && x.equity(w, f) < 0 {
			x.closeFirm(w, f)
			continue
		}
		if year {
			x.issueToWageFund(w, f)
		}
		x.acquire(w, f)
		if excess := x.cash(w, f) - moneyOf(x.p.Finance.CashMonths*x.costs(w, f)); excess > 0 {
			x.payHolders(w, f, excess)
		}
	}
}

// closeFirm lets every worker of firm f go, which winds it up.
func (x *production) closeFirm(w *World, f int32) {
	for len(x.k.people.Employees(f)) > 0 {
		x.fire(w, f, len(x.k.people.Employees(f))-1)
	}
}

// issueToWageFund issues new shares of firm f to the wage-earner fund worth
// ownership.wage_fund of its profit over the year — the dividends it paid
// and the growth of its equity — at book value; the money stays in the
// firm (Meidner, Employee Investment Funds, 1978).
func (x *production) issueToWageFund(w *World, f int32) {
	eq := x.equity(w, f)
	profit := x.firms.paidOut[f] + eq - x.firms.equityAt[f]
	x.firms.paidOut[f], x.firms.equityAt[f] = 0, eq
	r := &x.firms.reg[f]
	if x.p.Ownership.WageFund <= 0 || profit <= 0 || eq <= 0 || r.total <= 0 {
		return
	}
	value := x.p.Ownership.WageFund * float64(profit)
	n := int64(value / (float64(eq) / float64(r.total)))
	r.add(w.led.Special(WageFund), n)
}

// acquire moves claims on firm f toward their targets: the commons fund's
// ownership.commons_firms of every firm, and the pension fund's
// finance.pension_share of a capitalist firm's private part, each bought at
// book value from the founder (and, for the commons, the pension fund), or,
// for the commons under expropriation, taken.
func (x *production) acquire(w *World, f int32) {
	r := &x.firms.reg[f]
	if r.total <= 0 {
		return
	}
	commons, pension := w.led.Special(Commons), w.led.Special(Pension)
	founder := Account(f)
	if x.p.Ownership.Firms == FirmsCooperative {
		founder = members
	}
	want := int64(x.p.Ownership.CommonsFirms * float64(r.total))
	if gap := want - r.of(commons); gap > 0 {
		for _, from := range []Account{founder, pension} {
			n := min(gap, r.of(from))
			n = x.buyShares(w, f, commons, from, n, x.p.Ownership.Transfer == TransferExpropriate)
			gap -= n
		}
	}
	if founder == members {
		return
	}
	private := r.total - r.of(commons) - r.of(w.led.Special(WageFund))
	if gap := int64(x.p.Finance.PensionShare*float64(private)) - r.of(pension); gap > 0 {
		x.buyShares(w, f, pension, founder, min(gap, r.of(founder)), false)
	}
}

// buyShares moves up to n of firm f's shares from one holder to another,
// the buyer paying book value from its money (free when taken), and
// returns how many moved.
func (x *production) buyShares(w *World, f int32, buyer, seller Account, n int64, take bool) int64 {
	r := &x.firms.reg[f]
	if n <= 0 {
		return 0
	}
	price := max(float64(x.equity(w, f)), 0) / float64(r.total)
	if !take && price > 0 {
		if short := moneyOf(float64(n)*price) - w.led.acc[buyer].bal; short > 0 && buyer == w.led.Special(Commons) {
			// The commons fund borrows for a buy-out on the firm's
			// expected surplus over its costs, in the part it buys.
			x.borrow(w, buyer, short, (x.expectedSales(f)-x.costs(w, f))*float64(n)/float64(r.total))
		}
		n = min(n, int64(float64(w.led.acc[buyer].bal)/price))
		if n <= 0 {
			return 0
		}
		pay := moneyOf(float64(n) * price)
		if seller == members {
			x.payMembers(w, f, RowShares, buyer, pay)
		} else {
			x.book(w, RowShares, buyer, seller, pay)
		}
	}
	r.move(seller, buyer, n)
	return n
}
