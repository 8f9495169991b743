package economy

import (
	"fmt"
	"math"
)

// bank is the production economy's one bank. One is enough for what the
// model asks (who can borrow, at what cost, and what a default costs whom):
// competition between banks would change the spread, which is a key. Loans
// create the deposits they lend and repayments destroy them (McLeay, Radia
// and Thomas, "Money creation in the modern economy", Bank of England
// Quarterly Bulletin 2014 Q1). Its balance sheet:
//
//	reserves R + loans L = deposits D + net worth E
//
// R is the money the economy started with and the bank's starting equity;
// D is all the money in the ledger. It lends under one rule to everyone —
// households, founders, firms, data centres, the funds — at the policy rate
// plus a spread: the loan must leave it at least bank.capital_ratio of its
// loans as equity (the Basel leverage ratio), and the borrower's expected
// cash flow must cover the debt service bank.coverage times (the
// debt-service coverage ratio lenders use). Loans are repaid over
// bank.term months, principal in equal parts of what is owed; interest a
// borrower cannot pay is added to what they owe; a firm that cannot pay its
// debts is wound up and the bank writes off what it cannot recover.
type bank struct {
	reserves int64   // R
	loans    int64   // L: the loan book
	equity   int64   // E, kept by the bank's own flows
	start    int64   // its starting equity
	owed     []int64 // per account (persons, firms, specials): principal owed
	late     []uint8 // per account: months in a row a payment was missed

	interest, lent, repaid, writtenOff, accrued, paidOut int64 // this month's flows
}

// init gives the bank its starting reserves and equity for a ledger of
// accounts holding money in all.
func (b *bank) init(accounts int, money int64, p BankParams) {
	b.owed = make([]int64, accounts)
	b.late = make([]uint8, accounts)
	b.start = moneyOf(p.Capital * float64(money))
	b.reserves = money + b.start
	b.equity = b.start
}

// rate is the loan rate a month.
func (x *production) rate() float64 { return (x.p.Bank.PolicyRate + x.p.Bank.Spread) / 12 }

// service is what a month's interest and principal on debt come to: the
// rate plus an equal part of the term.
func (x *production) service(debt float64) float64 {
	return debt * (x.rate() + 1/float64(max(x.p.Bank.Term, 1)))
}

// lendable is the most the bank lends to a borrower who already owes debt
// and expects cash a month of cashflow: what its capital allows and what
// the borrower's cash flow covers.
func (x *production) lendable(debt int64, cashflow float64) int64 {
	b, p := &x.bank, x.p.Bank
	capital := float64(b.equity)/max(p.CapitalRatio, 1e-9) - float64(b.loans)
	cover := cashflow/max(p.Coverage*x.service(1), 1e-12) - float64(debt)
	return moneyOf(min(capital, cover))
}

// borrow lends up to amt to account a if the lending rule allows, and
// returns what was lent.
func (x *production) borrow(w *World, a Account, amt int64, cashflow float64) int64 {
	amt = min(amt, x.lendable(x.bank.owed[a], cashflow))
	if amt <= 0 {
		return 0
	}
	x.lendTo(w, a, &x.bank.owed[a], amt)
	return amt
}

// serviceDebt charges account a a month's interest and principal on what
// it owes, from its money; it reports whether the payment was made in full.
func (x *production) serviceDebt(w *World, a Account) bool {
	_, full := x.serviceLoan(w, a, &x.bank.owed[a], &x.bank.late[a], w.led.acc[a].bal)
	return full
}

// serviceLoan charges a month's interest and principal on the debt *owed,
// paid from payer's account out of cash (what the debtor has there), paying
// what it can, interest first; interest it cannot pay is added to the debt.
// It returns what was paid and whether the payment was made in full, and
// counts the months in a row a payment was missed in *late.
func (x *production) serviceLoan(w *World, payer Account, owed *int64, late *uint8, cash int64) (int64, bool) {
	b := &x.bank
	if *owed <= 0 {
		*late = 0
		return 0, true
	}
	term := int64(max(x.p.Bank.Term, 1))
	interest := moneyOf(math.Ceil(float64(*owed) * x.rate()))
	principal := (*owed + term - 1) / term
	pay := min(interest, cash)
	x.payBank(w, RowInterest, payer, pay)
	b.interest += pay
	b.equity += pay
	if unpaid := interest - pay; unpaid > 0 {
		*owed += unpaid
		b.loans += unpaid
		b.equity += unpaid
		b.accrued += unpaid
	}
	rep := min(principal, cash-pay)
	x.repayLoan(w, payer, owed, rep)
	full := pay == interest && rep == principal
	switch {
	case full:
		*late = 0
	case *late < math.MaxUint8:
		*late++
	}
	return pay + rep, full
}

// repay pays back amt of account a's debt from its money.
func (x *production) repay(w *World, a Account, amt int64) { x.repayLoan(w, a, &x.bank.owed[a], amt) }

// repayLoan pays back amt of the debt *owed from payer's account.
func (x *production) repayLoan(w *World, payer Account, owed *int64, amt int64) {
	if amt <= 0 {
		return
	}
	b := &x.bank
	x.payBank(w, RowRepayments, payer, amt)
	*owed -= amt
	b.loans -= amt
	b.repaid += amt
}

// writeOff takes account a's remaining debt off the bank's books.
func (x *production) writeOff(a Account) {
	x.writeOffLoan(&x.bank.owed[a])
	x.bank.late[a] = 0
}

// writeOffLoan takes the debt *owed off the bank's books, at the cost of
// its equity.
func (x *production) writeOffLoan(owed *int64) {
	b := &x.bank
	b.loans -= *owed
	b.equity -= *owed
	b.writtenOff += *owed
	*owed = 0
}

// settleBank pays the bank's profit out to its holders — the pension fund
// and the commons fund by the commons' share of firms — beyond the equity
// it keeps: twice what its capital ratio asks of its loans, and never less
// than it started with.
func (x *production) settleBank(w *World) {
	b := &x.bank
	keep := max(b.start, moneyOf(2*x.p.Bank.CapitalRatio*float64(b.loans)))
	profit := b.interest + b.accrued - b.writtenOff
	amt := min(profit, b.equity-keep)
	if amt <= 0 {
		return
	}
	commons := moneyOf(float64(amt) * x.p.Ownership.CommonsFirms)
	x.mint(w, RowDividends, w.led.Special(Commons), commons)
	x.mint(w, RowDividends, w.led.Special(Pension), amt-commons)
	x.funds.pensionIncome += amt - commons
	b.equity -= amt
	b.paidOut += amt
}

// beginMonth starts the bank's month.
func (b *bank) beginMonth() {
	b.interest, b.lent, b.repaid, b.writtenOff, b.accrued, b.paidOut = 0, 0, 0, 0, 0, 0
}

// check verifies the bank's balance sheet: reserves + loans = deposits +
// equity, and the loan book is what its borrowers owe.
func (b *bank) check(w *World, x *production) error {
	if got := b.reserves + b.loans - w.led.total; got != b.equity {
		return fmt.Errorf("economy: month %d: the bank's reserves %d + loans %d − deposits %d = %d, but its equity is %d",
			w.month, b.reserves, b.loans, w.led.total, got, b.equity)
	}
	var owed int64
	for _, v := range b.owed {
		owed += v
	}
	for _, dc := range x.capital.dcs {
		owed += dc.owed
	}
	if owed != b.loans {
		return fmt.Errorf("economy: month %d: borrowers owe %d, the bank's books say %d", w.month, owed, b.loans)
	}
	var cash int64
	for _, dc := range x.capital.dcs {
		cash += dc.cash
	}
	if held := w.led.acc[w.led.Special(Compute)].bal; cash != held {
		return fmt.Errorf("economy: month %d: the data centres' money is %d, their account holds %d", w.month, cash, held)
	}
	return nil
}
