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
// only ever moved by Transfer (or, within one rule's step loop, by give,
// which moves money the same way), so the sum over all accounts never
// changes. Each account also books what it has received since the last
// ClearReceived: its income. Balances and income are dense arrays, so the
// money of a million people is 8 MB under random access.
type Ledger struct {
	bal   []int64 // money held, by account
	recv  []int64 // money received since the last ClearReceived, by account
	n     int     // number of persons
	total int64
}

// NewLedger returns a ledger of n persons holding start units each, with
// empty special accounts.
func NewLedger(n int, start int64) Ledger {
	bal := make([]int64, n+int(numSpecial))
	for i := range n {
		bal[i] = start
	}
	return Ledger{bal: bal, recv: make([]int64, n+int(numSpecial)), n: n, total: int64(n) * start}
}

// Special returns the Account of a special account (Pool, Commons, DataFund).
func (l *Ledger) Special(s Account) Account { return Account(l.n) + s }

// Transfer moves amt units from one account to another. It panics if amt is
// negative or the payer holds less than amt: callers check both, and a
// violation is a bug in a rule, not bad input.
func (l *Ledger) Transfer(from, to Account, amt int64) {
	l.move(from, to, amt)
	l.recv[to] += amt
}

// move moves amt units like Transfer but leaves income alone: for a rule
// that books its month's income itself, outside its step loop (the mesa
// rule). It is the only other way money moves.
func (l *Ledger) move(from, to Account, amt int64) {
	b := l.bal
	if uint64(amt) > uint64(b[from]) { // amt < 0, or more than the payer holds (balances are never negative)
		panic(Overdraft{amt, from, b[from]})
	}
	b[from] -= amt
	b[to] += amt
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
func (l *Ledger) Balances(dst []int64) []int64 { return append(dst, l.bal[:l.n]...) }

// Received appends what each person has received since the last
// ClearReceived to dst.
func (l *Ledger) Received(dst []int64) []int64 { return append(dst, l.recv[:l.n]...) }

// ClearReceived starts a new period of income.
func (l *Ledger) ClearReceived() { clear(l.recv) }

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
