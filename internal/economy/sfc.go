package economy

import "fmt"

// The production economy is stock-flow consistent (Godley and Lavoie,
// Monetary Economics, 2007): every flow of money is one double entry booked
// in a row of the transactions-flow matrix, between two sectors, and every
// stock is an asset of one sector and a liability of another in the
// balance-sheet matrix. CheckAccounts verifies both every month.

// Sector is an institutional sector of the production economy's matrices.
type Sector int

// The sectors.
const (
	Households  Sector = iota // persons
	Firms                     // firms, apart from their owners, and the market pool of spending in transit to them
	Datacenters               // the data centres: real assets, their loans and their equity
	CommonsFund               // the commons (social wealth) fund
	OtherFunds                // the pension fund, the wage-earner fund and the data fund
	Bank                      // the bank
	NumSectors
)

// SectorNames are the sectors' names in tables.
var SectorNames = [NumSectors]string{"households", "firms", "datacenters", "commons_fund", "other_funds", "bank"}

// Row is a row of the transactions-flow matrix: a kind of transaction.
type Row int

// The transactions.
const (
	RowConsumption  Row = iota // households' spending on goods
	RowWages                   // wages
	RowRent                    // compute rent paid by firms to the data centres
	RowOperating               // the data centres' operating costs, spent on goods
	RowConstruction            // building data centres, spent on goods
	RowHealth                  // health spending the burden causes
	RowDividends               // dividends paid on shares, and cooperatives' surpluses to members
	RowDataDividend            // the data dividend's share of rent, paid out by data contributed
	RowTransfers               // the commons fund's payouts, and the start's spread between communities
	RowPension                 // contributions to the pension fund, and its payouts
	RowShares                  // shares bought and sold (founders' stakes, the funds' purchases, buy-outs)
	RowInterest                // interest paid to the bank
	RowLoans                   // new loans (the bank creates the deposit it lends)
	RowRepayments              // loans repaid (the deposit is destroyed)
	NumRows
)

// RowNames are the transactions' names in tables.
var RowNames = [NumRows]string{"consumption", "wages", "compute_rent", "operating_costs", "construction", "health",
	"dividends", "data_dividend", "transfers", "pension", "shares", "interest", "new_loans", "repayments"}

// tfm is the month's transactions-flow matrix: flows[row][sector] is what
// the sector received less what it paid in that kind of transaction.
type tfm struct {
	flows [NumRows][NumSectors]int64
	start [NumSectors]int64 // each sector's deposits at the start of the month (the bank: money in all)
}

// sectorOf returns the sector an account belongs to.
func (x *production) sectorOf(w *World, a Account) Sector {
	n := Account(x.n)
	switch {
	case a < n:
		return Households
	case a < 2*n:
		return Firms
	}
	switch a - w.led.Special(0) {
	case Pool:
		return Firms
	case Commons:
		return CommonsFund
	case Compute:
		return Datacenters
	}
	return OtherFunds
}

// book moves amt from one account to another as a transaction of kind row:
// every flow of money between accounts in the production economy goes
// through it.
func (x *production) book(w *World, row Row, from, to Account, amt int64) {
	if amt == 0 {
		return
	}
	x.k.move(w, from, to, amt)
	x.tfm.flows[row][x.sectorOf(w, from)] -= amt
	x.tfm.flows[row][x.sectorOf(w, to)] += amt
	if int(from) < x.n && row != RowConsumption && row != RowHealth {
		x.spending.costs[from] += amt
	}
}

// mint creates amt in account to, paid by the bank as a transaction of
// kind row: a loan's deposit (RowLoans), or its dividend (RowDividends).
func (x *production) mint(w *World, row Row, to Account, amt int64) {
	if amt <= 0 {
		return
	}
	w.led.Mint(to, amt)
	x.k.weigh(w, to, amt)
	x.tfm.flows[row][x.sectorOf(w, to)] += amt
	x.tfm.flows[row][Bank] -= amt
}

// payBank destroys amt of account from's deposit as a repayment or as
// interest (the bank's income).
func (x *production) payBank(w *World, row Row, from Account, amt int64) {
	if amt <= 0 {
		return
	}
	w.led.Burn(from, amt)
	x.k.weigh(w, from, -amt)
	x.tfm.flows[row][x.sectorOf(w, from)] -= amt
	x.tfm.flows[row][Bank] += amt
	if int(from) < x.n {
		x.spending.costs[from] += amt
		if row == RowInterest {
			x.flow.householdInterest += amt
		}
	}
}

// deposits returns each sector's money; the bank's entry is all the money
// there is (its liability).
func (x *production) deposits(w *World) [NumSectors]int64 {
	var d [NumSectors]int64
	for a := range w.led.acc {
		d[x.sectorOf(w, Account(a))] += w.led.acc[a].bal
	}
	d[Bank] = w.led.total
	return d
}

// openBooks starts the month's transactions-flow matrix.
func (x *production) openBooks(w *World) {
	x.tfm.flows = [NumRows][NumSectors]int64{}
	x.tfm.start = x.deposits(w)
}

// checkBooks verifies the month's matrices: every row of the
// transactions-flow matrix sums to zero; each sector's column sums to the
// change in its deposits over the month (the bank's to minus the change in
// the money it owes); the ledger's accounts add up to its count of money;
// the bank's balance sheet balances; every loan on its books is owed by
// someone, and every data centre's money is in the data centres' account.
func (x *production) checkBooks(w *World) error {
	for r := range NumRows {
		var s int64
		for _, v := range x.tfm.flows[r] {
			s += v
		}
		if s != 0 {
			return fmt.Errorf("economy: month %d: the %s row of the transactions-flow matrix sums to %d, not 0", w.month, RowNames[r], s)
		}
	}
	now := x.deposits(w)
	for c := range NumSectors {
		var s int64
		for r := range NumRows {
			s += x.tfm.flows[r][c]
		}
		change := now[c] - x.tfm.start[c]
		if c == Bank {
			change = -change
		}
		if s != change {
			return fmt.Errorf("economy: month %d: the %s column of the transactions-flow matrix sums to %d, but its deposits changed by %d", w.month, SectorNames[c], s, change)
		}
	}
	if sum := w.led.Sum(); sum != w.led.total {
		return fmt.Errorf("economy: month %d: accounts hold %d, the ledger counts %d", w.month, sum, w.led.total)
	}
	return x.bank.check(w, x)
}

// BalanceSheet is the balance-sheet matrix: Items[item][sector] is the
// stock the sector holds (positive, an asset) or owes (negative, a
// liability), in money at book value. Every financial item's row sums to
// zero; each sector's column sums to its net worth.
type BalanceSheet struct {
	Items [NumItems][NumSectors]int64
}

// Item is a row of the balance-sheet matrix.
type Item int

// The items.
const (
	ItemDeposits      Item = iota // money: the bank's liability
	ItemLoans                     // the bank's loans
	ItemFirmEquity                // firms' equity at book value (deposits less loans)
	ItemDCEquity                  // data centres' equity at book value
	ItemPensionClaims             // households' claims on the pension fund
	ItemDatacenters               // data centres, at their cost less depreciation (a real asset)
	ItemReserves                  // the money the economy started with: the bank's asset, nobody's liability
	NumItems
)

// ItemNames are the items' names in tables.
var ItemNames = [NumItems]string{"deposits", "loans", "firm_equity", "datacenter_equity", "pension_claims", "datacenters", "reserves"}

// NetWorth returns each sector's net worth: the sum of its column.
func (b *BalanceSheet) NetWorth() [NumSectors]int64 {
	var nw [NumSectors]int64
	for i := range NumItems {
		for c := range NumSectors {
			nw[c] += b.Items[i][c]
		}
	}
	return nw
}

// CheckAccounts verifies the world's accounts after a month: in every model
// the ledger's accounts add up to its count of money; in the production
// economy both matrices hold exactly (checkBooks, and every financial
// item's row of the balance sheet sums to zero).
func (w *World) CheckAccounts() error {
	if c, ok := w.rules.(*capitalism); ok && c.ai != nil {
		if err := c.ai.checkBooks(w); err != nil {
			return err
		}
		b := c.ai.balanceSheet(w)
		for i := range ItemDatacenters {
			var s int64
			for _, v := range b.Items[i] {
				s += v
			}
			if s != 0 {
				return fmt.Errorf("economy: month %d: the %s row of the balance sheet sums to %d, not 0", w.month, ItemNames[i], s)
			}
		}
		return nil
	}
	if sum, total := w.led.Sum(), w.led.Total(); sum != total {
		return fmt.Errorf("economy: money not conserved in month %d: accounts hold %d, started with %d", w.month, sum, total)
	}
	return nil
}

// Flows returns the month's transactions-flow matrix (production economy
// only; zero otherwise).
func (w *World) Flows() (m [NumRows][NumSectors]int64) {
	if c, ok := w.rules.(*capitalism); ok && c.ai != nil {
		return c.ai.tfm.flows
	}
	return m
}

// BalanceSheet returns the balance-sheet matrix now (production economy
// only; zero otherwise).
func (w *World) BalanceSheet() BalanceSheet {
	if c, ok := w.rules.(*capitalism); ok && c.ai != nil {
		return c.ai.balanceSheet(w)
	}
	return BalanceSheet{}
}
