package economy

import "math"

// households borrow and hold claims. A household at work gets a line of
// credit of bank.household_limit months of its wage (as a credit card or an
// overdraft is granted on earnings), kept when the job ends; it draws on it
// to buy what it needs when its money runs out, and repays it over the
// bank's term out of what it earns. A household a year behind on its
// payments defaults: the bank writes the debt off and closes the line until
// it works again. A household's net worth is its deposits, the book value
// of the shares it holds (a founder's in their firm, a member's part of
// their cooperative, a data centre's private investor's) and of its pension
// units, less what it owes.
type households struct {
	line []int64 // per person: the credit the bank has granted
}

func (h *households) init(n int) { h.line = make([]int64, n) }

// grantCredit sets worker e's line of credit on a new wage.
func (x *production) grantCredit(e int32, wage int64) {
	x.households.line[e] = max(x.households.line[e], moneyOf(x.p.Bank.HouseholdLimit*float64(wage)))
}

// credit is what person s may still borrow.
func (x *production) credit(s int32) int64 {
	return max(0, x.households.line[s]-x.bank.owed[s])
}

// drawCredit borrows what person s lacks to spend c, within their line.
func (x *production) drawCredit(w *World, s int32, c int64) {
	if short := c - w.led.acc[s].bal; short > 0 {
		x.borrow(w, Account(s), min(short, x.credit(s)), math.Inf(1))
	}
}

// serviceHouseholds charges every indebted household its debt service, and
// writes off the debt of those a year behind.
func (x *production) serviceHouseholds(w *World) {
	for i := range int32(x.n) {
		a := Account(i)
		if x.bank.owed[a] == 0 {
			continue
		}
		x.serviceDebt(w, a)
		if x.bank.late[a] >= 12 {
			x.writeOff(a)
			x.households.line[i] = 0
			x.flow.defaults++
		}
	}
}

// claims visits every holding of equity in the economy at book value,
// apportioned exactly among each register's holders: fn gets the holder
// (members: a cooperative's), the firm (−1 for a data centre) and the
// value.
func (x *production) claims(w *World, fn func(who Account, f int32, v int64)) {
	for f := range int32(x.n) {
		r := &x.firms.reg[f]
		if r.total == 0 {
			continue
		}
		r.value(x.equity(w, f), func(who Account, v int64) { fn(who, f, v) })
	}
	for i := range x.capital.dcs {
		dc := &x.capital.dcs[i]
		dc.reg.value(dc.book(w.month)+dc.cash-dc.owed, func(who Account, v int64) { fn(who, -1, v) })
	}
}

// pensionAssets is the pension fund's net worth: its money and shares less
// its debt, all of it its unit holders'.
func (x *production) pensionAssets(w *World) int64 {
	b := x.balanceSheet(w)
	return b.Items[ItemPensionClaims][Households]
}

// personalClaims writes into dst the book value of each person's shares
// and pension units.
func (x *production) personalClaims(w *World, dst []int64) []int64 {
	dst = append(dst[:0], make([]int64, x.n)...)
	x.claims(w, func(who Account, f int32, v int64) {
		switch {
		case who == members:
			staff := x.k.people.Employees(f)
			each := v / int64(len(staff)+1)
			for _, e := range staff {
				dst[e] += each
			}
			dst[f] += v - each*int64(len(staff))
		case int(who) < x.n:
			dst[who] += v
		}
	})
	if x.funds.unitsTotal > 0 {
		for i, u := range x.funds.units {
			dst[i] += moneyOf(u * x.funds.unitValue)
		}
	}
	return dst
}

// equityHeld is the equity at book value some holders hold, positive
// holdings only (a register of a firm worth less than nothing holds none).
type equityHeld struct {
	commons, wageFund int64 // in firms and data centres; in firms
	firms, all        int64 // all holders': in firms; in firms and data centres
}

// balanceSheet builds the balance-sheet matrix.
func (x *production) balanceSheet(w *World) BalanceSheet {
	b, _ := x.balances(w)
	return b
}

// balances builds the balance-sheet matrix, and tallies who holds the
// equity, in one pass over the registers.
func (x *production) balances(w *World) (BalanceSheet, equityHeld) {
	var b BalanceSheet
	var held equityHeld
	d := x.deposits(w)
	for c := range Bank {
		b.Items[ItemDeposits][c] = d[c]
	}
	b.Items[ItemDeposits][Bank] = -w.led.total
	for a, owed := range x.bank.owed {
		b.Items[ItemLoans][x.sectorOf(w, Account(a))] -= owed
	}
	var book int64
	for _, dc := range x.capital.dcs {
		b.Items[ItemLoans][Datacenters] -= dc.owed
		book += dc.book(w.month)
	}
	b.Items[ItemLoans][Bank] = x.bank.loans
	pension, commons, wageFund := w.led.Special(Pension), w.led.Special(Commons), w.led.Special(WageFund)
	claims := w.led.acc[pension].bal - x.bank.owed[pension]
	x.claims(w, func(who Account, f int32, v int64) {
		item, issuer := ItemFirmEquity, Firms
		if f < 0 {
			item, issuer = ItemDCEquity, Datacenters
		}
		b.Items[item][issuer] -= v
		holder := Households
		if who != members {
			holder = x.sectorOf(w, who)
		}
		b.Items[item][holder] += v
		switch who {
		case pension:
			claims += v
		case commons:
			held.commons += max(v, 0)
		case wageFund:
			held.wageFund += max(v, 0)
		}
		if f >= 0 {
			held.firms += max(v, 0)
		}
		held.all += max(v, 0)
	})
	b.Items[ItemPensionClaims][Households] = claims
	b.Items[ItemPensionClaims][OtherFunds] = -claims
	b.Items[ItemDatacenters][Datacenters] = book
	b.Items[ItemReserves][Bank] = x.bank.reserves
	return b, held
}
