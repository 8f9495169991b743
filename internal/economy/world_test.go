package economy_test

import (
	"fmt"
	"slices"
	"testing"

	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// worlds are small worlds of every model, rule and option, for the tests
// that must hold everywhere.
func worlds() map[string]economy.Params {
	ex := func(rule string, start int64, chi, zeta float64) economy.Params {
		amount := int64(3)
		if rule == economy.RuleMesa {
			amount = 1 // the Mesa model gives one unit
		}
		return economy.Params{Model: economy.ModelExchange, People: 60, StartWealth: start,
			Exchange: economy.ExchangeParams{Rule: rule, Amount: amount, Saving: 0.3, Fraction: 0.2, Redistribution: chi, Advantage: zeta}}
	}
	return map[string]economy.Params{
		"random":                  ex(economy.RuleRandom, 10, 0, 0),
		"random+redistribution":   ex(economy.RuleRandom, 10, 0.1, 0),
		"saving":                  ex(economy.RuleSaving, 100, 0, 0),
		"yardsale":                ex(economy.RuleYardSale, 1000, 0, 0),
		"yardsale+χ+ζ":            ex(economy.RuleYardSale, 1000, 0.05, 0.2),
		"mesa":                    ex(economy.RuleMesa, 1, 0, 0),
		"mesa+redistribution":     ex(economy.RuleMesa, 5, 0.2, 0),
		"capitalism":              {Model: economy.ModelCapitalism, People: 60, StartWealth: 100, Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}},
		"capitalism, fixed wages": {Model: economy.ModelCapitalism, People: 60, StartWealth: 30, Capitalism: economy.CapitalismParams{WageMin: 20, WageMax: 20}},
		"ai, private":             aiWorld(60, economy.FirmsCapitalist, economy.AutomationPrivate, economy.DistributeEqual, economy.SitingCheapest, 0),
		"ai, private, dividend":   aiWorld(60, economy.FirmsCapitalist, economy.AutomationPrivate, economy.DistributeEqual, economy.SitingRandom, 0.5),
		"ai, commons, equal":      aiWorld(60, economy.FirmsCooperative, economy.AutomationCommons, economy.DistributeEqual, economy.SitingConsent, 0),
		"ai, commons, need":       aiWorld(60, economy.FirmsCooperative, economy.AutomationCommons, economy.DistributeNeed, economy.SitingCheapest, 0.2),
		"ai, commons, by data":    aiWorld(60, economy.FirmsCapitalist, economy.AutomationCommons, economy.DistributeByData, economy.SitingRandom, 1),
	}
}

// aiWorld is a capitalism world with the production economy in the given
// regime, with the default scenario's parameters but cheap, quick data
// centres so every mechanism runs within months in small worlds.
func aiWorld(people int, firms, automation, distribution, siting string, dividend float64) economy.Params {
	p := economy.Params{Model: economy.ModelCapitalism, People: people, StartWealth: 100,
		Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}, AI: defaultAI()}
	p.AI.Enabled = true
	p.AI.Compute.Capacity = float64(people) / 2
	p.AI.Compute.BuildCost = 20 * int64(people)
	p.AI.Compute.OperatingCost = int64(people) / 5
	p.AI.Compute.BuildMonths = 3
	p.AI.Siting = siting
	p.AI.Dividend = dividend
	p.AI.Communities.Count = 3
	p.AI.Communities.Spread = 0.5
	p.AI.Ownership = economy.OwnershipParams{Firms: firms, Automation: automation, Distribution: distribution}
	return p
}

// defaultAI are the parameters of the production economy as the scenario
// package's defaults give them.
func defaultAI() economy.AIParams { return scenario.Defaults().AI }

func sortedNames(m map[string]economy.Params) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// TestMoneyIsConserved checks after every single step, in every model and
// rule, that the accounts add up to what the ledger counts — the starting
// money, where there is no bank — and none is negative; and after every
// month that the accounts check (in the production economy, both matrices).
func TestMoneyIsConserved(t *testing.T) {
	all := worlds()
	for _, name := range sortedNames(all) {
		t.Run(name, func(t *testing.T) {
			p := all[name]
			w, err := economy.New(p, 7)
			if err != nil {
				t.Fatal(err)
			}
			want := int64(p.People) * p.StartWealth
			if w.Ledger().Total() != want {
				t.Fatalf("total %d, want %d", w.Ledger().Total(), want)
			}
			for step := range 300 * p.People {
				w.Step()
				if sum, total := w.Ledger().Sum(), w.Ledger().Total(); sum != total || (!p.AI.Enabled && total != want) {
					t.Fatalf("after step %d: accounts sum to %d, the ledger counts %d, started with %d", step+1, sum, total, want)
				}
				if w.MonthStarted() {
					if err := w.CheckAccounts(); err != nil {
						t.Fatal(err)
					}
				}
			}
			for i, m := range w.Ledger().Balances(nil) {
				if m < 0 {
					t.Fatalf("person %d holds %d", i, m)
				}
			}
		})
	}
}

// TestSameSeedSameWorld checks that a world is a function of its parameters
// and seed: the same seed gives the same balances, stepping by single steps
// gives what stepping by months gives, and another seed differs.
func TestSameSeedSameWorld(t *testing.T) {
	all := worlds()
	for _, name := range sortedNames(all) {
		t.Run(name, func(t *testing.T) {
			p := all[name]
			a, _ := economy.New(p, 3)
			b, _ := economy.New(p, 3)
			c, _ := economy.New(p, 4)
			for range 50 {
				a.StepMonth()
				c.StepMonth()
				for range p.People {
					b.Step()
				}
			}
			if !slices.Equal(a.Ledger().Balances(nil), b.Ledger().Balances(nil)) {
				t.Fatal("the same seed gave different balances when stepped by steps and by months")
			}
			if slices.Equal(a.Ledger().Balances(nil), c.Ledger().Balances(nil)) {
				t.Fatal("seeds 3 and 4 gave the same balances")
			}
			if a.Month() != 50 || b.Month() != 50 {
				t.Fatalf("months %d and %d, want 50", a.Month(), b.Month())
			}
		})
	}
}

// TestCapitalismRelations checks the class relation and the hiring weights
// after every month: firms employ exactly the workers, and each block of the
// hiring tree weighs the money of its persons who may hire.
func TestCapitalismRelations(t *testing.T) {
	p := worlds()["capitalism"]
	w, _ := economy.New(p, 11)
	var s economy.Snapshot
	for month := range 200 {
		w.StepMonth()
		w.Observe(&s)
		employees := 0
		for _, n := range s.FirmSizes {
			employees += int(n)
		}
		if employees != s.Workers {
			t.Fatalf("month %d: firms employ %d, but %d are workers", month, employees, s.Workers)
		}
		if s.Workers+s.Capitalists+s.Unemployed != p.People {
			t.Fatalf("month %d: classes add to %d", month, s.Workers+s.Capitalists+s.Unemployed)
		}
		if err := economy.HireBlocksError(w); err != nil {
			t.Fatalf("month %d: %v", month, err)
		}
	}
}

func TestNewRejectsBadParams(t *testing.T) {
	for _, p := range []economy.Params{
		{Model: "feudalism", People: 10},
		{Model: economy.ModelExchange, People: 1, Exchange: economy.ExchangeParams{Rule: economy.RuleRandom, Amount: 1}},
		{Model: economy.ModelExchange, People: 10, Exchange: economy.ExchangeParams{Rule: "barter"}},
		{Model: economy.ModelExchange, People: 10, Exchange: economy.ExchangeParams{Rule: economy.RuleMesa}},
		{Model: economy.ModelCapitalism, People: 10, Capitalism: economy.CapitalismParams{WageMin: 9, WageMax: 8}},
	} {
		if _, err := economy.New(p, 1); err == nil {
			t.Errorf("New(%+v) gave no error", p)
		}
	}
}

func ExampleWorld() {
	p := economy.Params{Model: economy.ModelExchange, People: 4, StartWealth: 10,
		Exchange: economy.ExchangeParams{Rule: economy.RuleMesa, Amount: 1}}
	w, _ := economy.New(p, 1)
	for range 3 {
		w.StepMonth()
	}
	fmt.Println(w.Month(), w.Ledger().Sum())
	// Output: 3 40
}
