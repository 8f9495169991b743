package economy

import "fmt"

// Account identifies one holder of money in a Ledger. Accounts 0..N-1 are the
// persons; the special accounts follow them.
type Account int32

// The special accounts, counted from the first index after the persons.
const (
	// Pool is the market pool V: money spent but not yet received as revenue.
	Pool Account = iota
	// Commons is the commons fund (redistribution in the exchange model).
	Commons
	// DataFund is the fund that pays out data dividends.
	DataFund
	numSpecial
)

// Ledger holds every account's money as an integer count of units. Money is
// only ever moved by Transfer, so the sum over all accounts never changes.
type Ledger struct {
	bal   []int64
	n     int // number of persons
	total int64
}

// NewLedger returns a ledger of n persons holding start units each, with
// empty special accounts.
func NewLedger(n int, start int64) Ledger {
	bal := make([]int64, n+int(numSpecial))
	for i := range n {
		bal[i] = start
	}
	return Ledger{bal: bal, n: n, total: int64(n) * start}
}

// Special returns the Account of a special account (Pool, Commons, DataFund).
func (l *Ledger) Special(s Account) Account { return Account(l.n) + s }

// Balance returns the money held by account a.
func (l *Ledger) Balance(a Account) int64 { return l.bal[a] }

// Transfer moves amt units from one account to another. It panics if amt is
// negative or the payer holds less than amt: callers check both, and a
// violation is a bug in a rule, not bad input.
func (l *Ledger) Transfer(from, to Account, amt int64) {
	if amt < 0 || l.bal[from] < amt {
		panic(fmt.Sprintf("economy: transfer of %d from account %d holding %d", amt, from, l.bal[from]))
	}
	l.bal[from] -= amt
	l.bal[to] += amt
}

// Persons returns the balances of the persons, in person order. The slice
// aliases the ledger: callers must not modify it.
func (l *Ledger) Persons() []int64 { return l.bal[:l.n] }

// Total returns the money the ledger was created with.
func (l *Ledger) Total() int64 { return l.total }

// Sum adds up every account now. It equals Total unless a rule is broken.
func (l *Ledger) Sum() int64 {
	var s int64
	for _, b := range l.bal {
		s += b
	}
	return s
}
