package economy_test

import (
	"math"
	"testing"

	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// Tests of ownership as claims and of credit, each in both directions on
// the same seeds (common random numbers), as ai_test.go's are.

// TestWageEarnerFund: with Meidner's fund, new shares issued out of profit
// give the fund a share of firms' equity that grows; without it, none.
func TestWageEarnerFund(t *testing.T) {
	t.Parallel()
	p := aiBase()
	p.AI.Ownership.WageFund = 0.5
	share := func(p economy.Params, months int) float64 {
		return average(t, p, aiSeeds, months, months-12, "wage_fund_equity_share")["wage_fund_equity_share"]
	}
	early, late, none := share(p, 48), share(p, 240), share(aiBase(), 240)
	t.Logf("the wage-earner fund's share of equity: %.3f in year 4, %.3f in year 20; without it %.3f", early, late, none)
	if none != 0 || !(early > 0) || !(late > early) {
		t.Errorf("the wage-earner fund's share: %.3f in year 4, %.3f in year 20, %.3f without one", early, late, none)
	}
}

// TestCommonsShares: the commons fund holds the share of every firm and
// data centre its keys give it, in a world started that way and in one
// where an event raises them; a buy-out pays the holders for their shares
// and expropriation does not, so the holders' net worth falls further
// under expropriation.
func TestCommonsShares(t *testing.T) {
	t.Parallel()
	p := aiBase()
	p.AI.Ownership.CommonsFirms, p.AI.Ownership.CommonsDC = 0.5, 0.5
	got := average(t, p, aiSeeds, aiMonths, aiFrom, "commons_equity_share")["commons_equity_share"]
	if got < 0.4 || got > 0.55 {
		t.Errorf("the commons' share of equity with half of every firm and data centre: %.3f", got)
	}
	run := func(transfer string) (economy.Snapshot, economy.Snapshot) {
		p := aiBase()
		w, err := economy.New(p, 5)
		if err != nil {
			t.Fatal(err)
		}
		for range 120 {
			w.StepMonth()
		}
		var before, after economy.Snapshot
		w.Observe(&before)
		p.AI.Ownership.CommonsFirms, p.AI.Ownership.CommonsDC, p.AI.Ownership.Transfer = 1, 1, transfer
		if err := w.SetParams(p); err != nil {
			t.Fatal(err)
		}
		w.StepMonth()
		w.Observe(&after)
		return before, after
	}
	b0, buy := run(economy.TransferBuyout)
	e0, take := run(economy.TransferExpropriate)
	if !equalSnapshots(b0, e0) {
		t.Fatal("the two worlds differ before the transfer")
	}
	t.Logf("commons' share of equity: buy-out %.3f (its money %d), expropriation %.3f (its money %d)",
		buy.AI.CommonsEquityShare, buy.AI.CommonsFund, take.AI.CommonsEquityShare, take.AI.CommonsFund)
	if !(take.AI.CommonsEquityShare > 0.95) || !(take.AI.CommonsEquityShare >= buy.AI.CommonsEquityShare) {
		t.Errorf("expropriation took %.3f of all equity, a buy-out %.3f", take.AI.CommonsEquityShare, buy.AI.CommonsEquityShare)
	}
	if got, want := buy.AI.Flows[economy.RowShares][economy.Households], take.AI.Flows[economy.RowShares][economy.Households]; !(got > want) {
		t.Errorf("households received %d for shares under a buy-out, %d under expropriation", got, want)
	}
}

// equalSnapshots reports whether two snapshots hold the same wealth.
func equalSnapshots(a, b economy.Snapshot) bool {
	if len(a.Wealth) != len(b.Wealth) {
		return false
	}
	for i := range a.Wealth {
		if a.Wealth[i] != b.Wealth[i] {
			return false
		}
	}
	return true
}

// TestMatricesInEveryScenario runs every built-in scenario of the
// production economy, every arm and event, in a small world, and checks
// both matrices after every month.
func TestMatricesInEveryScenario(t *testing.T) {
	t.Parallel()
	for _, name := range scenario.Names() {
		sc, err := scenario.Load("embedded:"+name, []string{"people=200", "months=240"})
		if err != nil {
			t.Fatal(err)
		}
		if !sc.Base.AI.Enabled {
			continue
		}
		for _, arm := range sc.Arms {
			s := arm.Settings
			w, err := economy.New(s.Params, 1)
			if err != nil {
				t.Fatal(err)
			}
			events := sc.Events
			for month := range s.Months {
				for len(events) > 0 && events[0].Month <= month {
					if events[0].Arm == "" || events[0].Arm == arm.Name {
						events[0].Apply(&s)
						if err := w.SetParams(s.Params); err != nil {
							t.Fatal(err)
						}
					}
					events = events[1:]
				}
				w.StepMonth()
				if err := w.CheckAccounts(); err != nil {
					t.Fatalf("%s, %s: %v", name, arm.Name, err)
				}
			}
		}
	}
}

// TestCooperativesShareRatherThanFire: a cooperative lets nobody go when it
// is short and pays every member the same part of their advance instead,
// so that, against capitalist firms in the same world, employment moves
// less from month to month and pay more (Pencavel, Pistaferri and
// Schivardi, ILR Review 60, 2006, find both in Italian cooperatives); and
// Ward's admission rule keeps cooperatives smaller than admitting whoever
// adds more than their advance.
func TestCooperativesShareRatherThanFire(t *testing.T) {
	t.Parallel()
	capitalist, coop := aiBase(), aiBase()
	coop.AI.Ownership.Firms = economy.FirmsCooperative
	capPay, capJobs := monthlyChange(t, capitalist)
	coopPay, coopJobs := monthlyChange(t, coop)
	t.Logf("mean change a month: pay %.4f capitalist, %.4f cooperative; people at work %.4f, %.4f", capPay, coopPay, capJobs, coopJobs)
	if !(coopJobs < capJobs) || !(coopPay > capPay) {
		t.Errorf("cooperatives: employment moves %.4f a month against %.4f, pay %.4f against %.4f", coopJobs, capJobs, coopPay, capPay)
	}
	ward := coop
	ward.AI.Cooperative.Admission = economy.AdmitWard
	a, b := compare(t, "cooperatives admitting on the advance against Ward's rule", coop, ward, "firms", "largest_firm_employment_share")
	if !(b["largest_firm_employment_share"] < a["largest_firm_employment_share"]) {
		t.Errorf("Ward's rule: largest cooperative %.3f of everyone against %.3f, %.0f firms against %.0f",
			b["largest_firm_employment_share"], a["largest_firm_employment_share"], b["firms"], a["firms"])
	}
}

// monthlyChange runs p over the test seeds and returns the mean relative
// change a month, after aiFrom, of pay per person at work and of the
// number of people at work.
func monthlyChange(t *testing.T, p economy.Params) (pay, jobs float64) {
	t.Helper()
	var snap economy.Snapshot
	n := 0.0
	for seed := 1; seed <= aiSeeds; seed++ {
		w, err := economy.New(p, uint64(seed))
		if err != nil {
			t.Fatal(err)
		}
		var lastPay, lastWork float64
		for m := 1; m <= aiMonths; m++ {
			w.StepMonth()
			w.Observe(&snap)
			work := float64(snap.Workers + snap.Capitalists)
			each := float64(snap.Wages) / max(work, 1)
			if m > aiFrom {
				pay += math.Abs(each-lastPay) / max(lastPay, 1)
				jobs += math.Abs(work-lastWork) / max(lastWork, 1)
				n++
			}
			lastPay, lastWork = each, work
		}
	}
	return pay / n, jobs / n
}

// TestFundsNeverHoard: the pension, wage-earner and data funds pay out each
// month all the money they did not invest, and the commons fund keeps at
// most one data centre's equity as a reserve, so in no arm of the default
// scenario, over two centuries, does a fund end a month holding much of
// the money: the three together at most 3% of it (measured: 1.6% at most,
// the data fund's month of dividends in the dividend arm), the commons fund
// at most 8% (measured 4.9%, its reserve). A pension fund whose holders'
// units had reached zero once held nearly nine tenths of the money by the
// private world's 2,150th month.
func TestFundsNeverHoard(t *testing.T) {
	t.Parallel()
	sc, err := scenario.Load("ai-is-capital", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sc.Arms {
		w, err := economy.New(a.Settings.Params, 1)
		if err != nil {
			t.Fatal(err)
		}
		var most [economy.NumSectors]float64
		for month := range 2400 {
			w.StepMonth()
			held := w.BalanceSheet().Items[economy.ItemDeposits]
			total := float64(w.Ledger().Total())
			for _, s := range []economy.Sector{economy.OtherFunds, economy.CommonsFund} {
				most[s] = max(most[s], float64(held[s])/total)
			}
			if most[economy.OtherFunds] > 0.03 || most[economy.CommonsFund] > 0.08 {
				t.Fatalf("%s, month %d: the pension, wage-earner and data funds hold %.1f%% of the money, the commons fund %.1f%%",
					a.Name, month+1, 100*float64(held[economy.OtherFunds])/total, 100*float64(held[economy.CommonsFund])/total)
			}
		}
		t.Logf("%s: at most %.2f%% of the money in the other funds, %.2f%% in the commons fund", a.Name, 100*most[economy.OtherFunds], 100*most[economy.CommonsFund])
	}
}
