package main

import (
	"errors"
	"testing"

	"commonwealth/internal/scenario"
	"commonwealth/scenarios"
)

// FuzzLoad feeds the whole load path a command takes — a scenario file
// with its arms, events, claims and sweeps, a --set flag and a --sweep
// flag — arbitrary text, starting from the shipped scenarios. Every stage
// must answer with Problems or a result, never panic, and what it accepts
// must hold together: events apply to every arm, sweep points parse. CI
// runs it for a bounded time (.ci/run).
func FuzzLoad(f *testing.F) {
	for _, n := range scenario.Names() {
		src, _ := scenarios.FS.ReadFile(n + ".toml")
		f.Add(string(src), "people=100", "exchange.saving=0:0.5:0.25")
	}
	f.Add("model = \"capitalism\"\n[[event]]\nmonth = 3\nset = { \"capitalism.wage_max\" = 50 }\n", "months=2", "people=10,20")
	f.Add("[[claim]]\ntext = \"t\"\nexpr = \"a.gini_wealth > 0\"\n[[arm]]\nname = \"a\"\n", "seeds=0", "nan")
	f.Fuzz(func(t *testing.T, src, set, sweep string) {
		var sets []string
		if set != "" {
			sets = []string{set}
		}
		sc, err := scenario.Parse("fuzz.toml", []byte(src), sets)
		if err != nil {
			var ps scenario.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, e := range []error{sc.CheckClaims(), sc.CheckSweepTimes()} {
			var ps scenario.Problems
			if e != nil && !errors.As(e, &ps) {
				t.Fatalf("error of type %T: %v", e, e)
			}
		}
		for _, a := range sc.Arms {
			s := a.Settings
			for _, e := range sc.Events {
				if e.Month >= s.Months && len(sc.Notes) == 0 {
					t.Fatalf("accepted an event at month %d of a %d-month run without a note", e.Month, s.Months)
				}
				if e.AppliesTo(a.Name) {
					e.Apply(&s)
				}
			}
		}
		var specs []string
		if sweep != "" {
			specs = []string{sweep}
		}
		if ps, err := sweepPoints(sc, specs, nil, scenario.Design{}); err == nil {
			for _, p := range ps {
				if len(p.Scenario.Arms) != len(sc.Arms) {
					t.Fatalf("a sweep point has %d arms, the scenario %d", len(p.Scenario.Arms), len(sc.Arms))
				}
			}
		}
	})
}
