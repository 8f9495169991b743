package economy

import "fmt"

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
	numSpecial
)

// Ledger holds every account's money as an integer count of units. Money is
// only ever moved by Transfer, so the sum over all accounts never changes.
// Each account also books what it has received since the last
// ClearReceived: its income. Both live side by side so that a transfer
// touches one cache line per account.
type Ledger struct {
	acc   []account
	n     int // number of persons
	total int64
}

type account struct {
	bal      int64 // money held
	received int64 // money received since the last ClearReceived
}

// NewLedger returns a ledger of n persons holding start units each, with
// empty special accounts.
func NewLedger(n int, start int64) Ledger {
	acc := make([]account, n+int(numSpecial))
	for i := range n {
		acc[i].bal = start
	}
	return Ledger{acc: acc, n: n, total: int64(n) * start}
}

// Special returns the Account of a special account (Pool, Commons, DataFund).
func (l *Ledger) Special(s Account) Account { return Account(l.n) + s }

// Transfer moves amt units from one account to another. It panics if amt is
// negative or the payer holds less than amt: callers check both, and a
// violation is a bug in a rule, not bad input.
func (l *Ledger) Transfer(from, to Account, amt int64) {
	if amt < 0 || l.acc[from].bal < amt {
		panic(fmt.Sprintf("economy: transfer of %d from account %d holding %d", amt, from, l.acc[from].bal))
	}
	l.acc[from].bal -= amt
	l.acc[to].bal += amt
	l.acc[to].received += amt
}

// Balances appends the money of each person, in person order, to dst.
func (l *Ledger) Balances(dst []int64) []int64 {
	for _, a := range l.acc[:l.n] {
		dst = append(dst, a.bal)
	}
	return dst
}

// Received appends what each person has received since the last
// ClearReceived to dst.
func (l *Ledger) Received(dst []int64) []int64 {
	for _, a := range l.acc[:l.n] {
		dst = append(dst, a.received)
	}
	return dst
}

// ClearReceived starts a new period of income.
func (l *Ledger) ClearReceived() {
	for i := range l.acc {
		l.acc[i].received = 0
	}
}

// Total returns the money the ledger was created with.
func (l *Ledger) Total() int64 { return l.total }

// Sum adds up every account now. It equals Total unless a rule is broken.
func (l *Ledger) Sum() int64 {
	var s int64
	for _, a := range l.acc {
		s += a.bal
	}
	return s
}
