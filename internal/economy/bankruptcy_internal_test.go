package economy

import (
	"slices"
	"testing"

	"commonwealth/internal/agents"
)

// TestBankruptcyWipesTheOwners: a firm that owes the bank more than it has
// is wound up; its holders lose their equity, its founder's guarantee pays
// what the founder has, the bank writes off the rest, and nobody else's
// deposit moves. The accounts still check.
func TestBankruptcyWipesTheOwners(t *testing.T) {
	p := Params{Model: ModelCapitalism, People: 300, StartWealth: 100, Capitalism: CapitalismParams{WageMin: 10, WageMax: 90}}
	p.AI = AIParams{Enabled: true, Productivity: 4, ComputePerUnit: 10, Hurdle: 1.2, DataElasticity: 0.3, DataDepreciation: 0.01, Variety: 4,
		Spending:    SpendingParams{IncomePoor: 0.95, IncomeRich: 0.7, WealthPoor: 0.06, WealthRich: 0.045, HalfWealth: 600},
		Labour:      LabourParams{WageCurve: 0.1, RefUnemployed: 0.06, Bargaining: 0.5, OutsideOption: 0.8, Separation: 0.03},
		Compute:     ComputeParams{Capacity: 100, PriceBase: 35, Scarcity: 0.3, BuildCost: 6000, BuildMonths: 3, OperatingCost: 60, Lifetime: 240, HurdleRate: 0.1},
		Siting:      SitingCheapest,
		Communities: CommunityParams{Count: 3, Local: 0.5},
		Ownership:   OwnershipParams{Firms: FirmsCapitalist, Automation: AutomationPrivate, Distribution: DistributeEqual, Transfer: TransferBuyout},
		Bank:        BankParams{PolicyRate: 0.03, Spread: 0.02, CapitalRatio: 0.08, Capital: 0.1, Coverage: 1.25, Term: 120, HouseholdLimit: 3, LoanToValue: 0.6},
		Finance:     FinanceParams{FounderStake: 0.5, Leverage: 1, CashMonths: 2, Pension: 0.05, PensionShare: 0.6},
		Need:        0.2,
	}
	w, err := New(p, 3)
	if err != nil {
		t.Fatal(err)
	}
	for range 24 {
		w.StepMonth()
	}
	x := w.rules.(*capitalism).ai
	f := int32(-1)
	for i := range int32(p.People) {
		if x.k.people.Class(i) == agents.Capitalist && len(x.k.people.Employees(i)) >= 2 {
			f = i
			break
		}
	}
	if f < 0 {
		t.Fatal("no firm with two workers after two years")
	}
	fa := w.led.Firm(f)
	// The firm borrows, loses all its money, and owes more than its founder has.
	founder := w.led.acc[f].bal
	x.lendTo(w, fa, &x.bank.owed[fa], founder+500)
	x.book(w, RowConsumption, fa, w.led.Special(Pool), w.led.acc[fa].bal)
	owed := x.bank.owed[fa]
	before := w.led.Balances(nil)
	staff := append([]int32(nil), x.k.people.Employees(f)...)
	written := x.bank.writtenOff
	x.closeFirm(w, f)

	if x.k.people.Class(f) != agents.Unemployed || x.firms.reg[f].total != 0 || x.bank.owed[fa] != 0 || w.led.acc[fa].bal != 0 {
		t.Fatalf("the firm was not wound up: class %v, shares %d, owes %d, holds %d", x.k.people.Class(f), x.firms.reg[f].total, x.bank.owed[fa], w.led.acc[fa].bal)
	}
	if got := x.bank.writtenOff - written; got != owed-founder {
		t.Errorf("the bank wrote off %d of %d owed; the founder had %d", got, owed, founder)
	}
	after := w.led.Balances(nil)
	if after[f] != 0 {
		t.Errorf("the founder kept %d of the %d they guaranteed", after[f], founder)
	}
	for i := range after {
		if int32(i) != f && after[i] != before[i] {
			t.Errorf("person %d (a worker of the firm: %v) held %d and now %d", i, slices.Contains(staff, int32(i)), before[i], after[i])
		}
	}
	w.StepMonth()
	if err := w.CheckAccounts(); err != nil {
		t.Error(err)
	}
}
