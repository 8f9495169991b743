package economy

import (
	"fmt"
	"math"

	"commonwealth/internal/hugepages"
)

// Account identifies one holder of money in a Ledger. Accounts 0..N-1 are the
// persons; the special accounts follow them.
type Account int32

// The special accounts, counted from the first index after the persons.
const (
	// Pool is the market pool V: money spent but not yet received as revenue.
	Pool Account = iota
	// Commons is the commons fund: redistribution in the exchange model;
	// compute rent under common ownership of automation.
	Commons
	// DataFund collects the data dividend and pays it by data contributed.
	DataFund
	// Compute holds the data centres' money between receiving their rent
	// and paying it out, the same month.
	Compute
	// Pension is the pension fund: households' contributions, invested in
	// every private firm.
	Pension
	// WageFund is the wage-earner fund: shares issued to it out of profits.
	WageFund
	numSpecial
)

// Ledger holds every account's money as an integer count of units. Money is
// only ever moved by Transfer (or by move, which moves it the same way but
// books no income, for a rule that books its month's income itself), so the
// sum over all accounts never changes. Each account also books what it has
// received since the last ClearReceived: its income.
//
// A wide ledger keeps each account's balance and income side by side, so a
// transfer touches one cache line per account: the capitalism model's rules
// read and write both at random. A narrow ledger — which a world of the
// exchange model gets when all its money fits in 31 bits — keeps 32-bit
// balances in a dense array of their own and income apart: a million
// people's balances are then 4 MB under random access instead of 16, which is
// most of the cost of a step of the exchange rules at that size. Rules of
// the capitalism model read the wide accounts directly.
type Ledger struct {
	acc    []account // a wide ledger's accounts; nil when narrow
	narrow []int32   // a narrow ledger's balances, by account; nil when wide
	recv   []int64   // a narrow ledger's income since the last ClearReceived, by account
	n      int       // number of persons
	firms  int       // number of firms' accounts, after the persons'
	total  int64
}

// account is a wide ledger's account: money held, and money received since
// the last ClearReceived.
type account struct{ bal, recv int64 }

// NewLedger returns a wide ledger of n persons holding start units each,
// with empty special accounts.
func NewLedger(n int, start int64) Ledger {
	acc := make([]account, n+int(numSpecial))
	hugepages.Advise(acc)
	for i := range n {
		acc[i].bal = start
	}
	return Ledger{acc: acc, n: n, total: int64(n) * start}
}

// newFirmLedger returns a wide ledger of n persons holding start units
// each, n firms' accounts (firm f is the one person f founds) and empty
// special accounts: the production economy's, where a firm's money is not
// its founder's.
func newFirmLedger(n int, start int64) Ledger {
	acc := make([]account, 2*n+int(numSpecial))
	hugepages.Advise(acc)
	for i := range n {
		acc[i].bal = start
	}
	return Ledger{acc: acc, n: n, firms: n, total: int64(n) * start}
}

// newNarrowLedger returns a narrow ledger of n persons holding start units
// each, or a wide one when the money does not fit in 31 bits.
func newNarrowLedger(n int, start int64) Ledger {
	if int64(n)*start > math.MaxInt32 {
		return NewLedger(n, start)
	}
	bal, recv := make([]int32, n+int(numSpecial)), make([]int64, n+int(numSpecial))
	hugepages.Advise(bal)
	hugepages.Advise(recv)
	for i := range n {
		bal[i] = int32(start)
	}
	return Ledger{narrow: bal, recv: recv, n: n, total: int64(n) * start}
}

// Special returns the Account of a special account (Pool, Commons, DataFund).
func (l *Ledger) Special(s Account) Account { return Account(l.n+l.firms) + s }

// Firm returns the account of the firm person f founds (production economy only).
func (l *Ledger) Firm(f int32) Account { return Account(l.n) + Account(f) }

// Mint creates amt units in account to: a bank loan, which creates the
// deposit it lends, or a bank's dividend. The ledger's total grows; it is
// not booked as income (a loan is not).
func (l *Ledger) Mint(to Account, amt int64) {
	if amt < 0 {
		panic(Overdraft{amt, to, l.acc[to].bal})
	}
	l.acc[to].bal += amt
	l.total += amt
}

// Burn destroys amt units of account from: a repayment or interest paid to
// the bank. The ledger's total falls.
func (l *Ledger) Burn(from Account, amt int64) {
	if uint64(amt) > uint64(l.acc[from].bal) {
		panic(Overdraft{amt, from, l.acc[from].bal})
	}
	l.acc[from].bal -= amt
	l.total -= amt
}

// Balance returns the money account a holds.
func (l *Ledger) Balance(a Account) int64 {
	if l.narrow != nil {
		return int64(l.narrow[a])
	}
	return l.acc[a].bal
}

// Transfer moves amt units from one account to another. It panics if amt is
// negative or the payer holds less than amt: callers check both, and a
// violation is a bug in a rule, not bad input.
func (l *Ledger) Transfer(from, to Account, amt int64) {
	if l.narrow != nil {
		give(l.narrow, from, to, int32(amt))
		l.recv[to] += amt
		return
	}
	a := l.acc
	if uint64(amt) > uint64(a[from].bal) { // amt < 0, or more than the payer holds (balances are never negative)
		panic(Overdraft{amt, from, a[from].bal})
	}
	a[from].bal -= amt
	a[to].bal += amt
	a[to].recv += amt
}

// give moves amt from one balance to another, panicking on a negative
// amount or an overdraft; it is small enough to inline into step loops.
func give[T int32 | int64](bal []T, from, to Account, amt T) {
	if uint64(amt) > uint64(bal[from]) { // amt < 0, or more than the payer holds (balances are never negative)
		panic(Overdraft{int64(amt), from, int64(bal[from])})
	}
	bal[from] -= amt
	bal[to] += amt
}

// Overdraft is the panic of a transfer a rule should never have made: a
// negative amount, or more than the payer holds. It is a bug in a rule,
// never bad input.
type Overdraft struct {
	Amount int64
	From   Account
	Held   int64
}

// Error describes the transfer.
func (o Overdraft) Error() string {
	return fmt.Sprintf("economy: transfer of %d from account %d holding %d", o.Amount, o.From, o.Held)
}

// Balances appends the money of each person, in person order, to dst.
func (l *Ledger) Balances(dst []int64) []int64 {
	if l.narrow == nil {
		for _, a := range l.acc[:l.n] {
			dst = append(dst, a.bal)
		}
		return dst
	}
	for _, b := range l.narrow[:l.n] {
		dst = append(dst, int64(b))
	}
	return dst
}

// Received appends what each person has received since the last
// ClearReceived to dst.
func (l *Ledger) Received(dst []int64) []int64 {
	if l.narrow == nil {
		for _, a := range l.acc[:l.n] {
			dst = append(dst, a.recv)
		}
		return dst
	}
	return append(dst, l.recv[:l.n]...)
}

// ClearReceived starts a new period of income.
func (l *Ledger) ClearReceived() {
	clear(l.recv)
	for i := range l.acc {
		l.acc[i].recv = 0
	}
}

// Total returns the money the ledger holds by its own count: what it was
// created with, plus what was minted, less what was burnt.
func (l *Ledger) Total() int64 { return l.total }

// Sum adds up every account now. It equals Total unless a rule is broken.
func (l *Ledger) Sum() int64 {
	var s int64
	for _, a := range l.acc {
		s += a.bal
	}
	for _, b := range l.narrow {
		s += int64(b)
	}
	return s
}
