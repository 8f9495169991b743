package economy_test

import (
	"runtime"
	"testing"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// TestBytesPerPerson checks the bound the scenario loader uses to refuse
// populations too large for memory: a world of each model, run for a while
// and observed (with the meter's sorted copies), must stay within
// BytesPerPerson a person.
func TestBytesPerPerson(t *testing.T) {
	const n = 200_000
	for _, p := range []economy.Params{
		exchange(economy.RuleMesa, n, 1, 1),
		{Model: economy.ModelCapitalism, People: n, StartWealth: 100, Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}},
		aiWorld(n, economy.FirmsCooperative, economy.AutomationCommons, economy.DistributeNeed, economy.SitingCheapest, 0.5),
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		w, _ := economy.New(p, 1)
		for range 20 {
			w.StepMonth()
		}
		var s economy.Snapshot
		w.Observe(&s)
		m := metrics.Meter{Metrics: metrics.ForSnapshot(&s)}
		m.Measure(nil, &s)
		runtime.GC()
		runtime.ReadMemStats(&after)
		per := float64(after.HeapAlloc-before.HeapAlloc) / n
		t.Logf("%s (AI %v): %.0f bytes a person", p.Model, p.AI.Enabled, per)
		if per > economy.BytesPerPerson {
			t.Errorf("%s: %.0f bytes a person, above the bound %d", p.Model, per, economy.BytesPerPerson)
		}
		runtime.KeepAlive(w)
		runtime.KeepAlive(&m)
	}
}
