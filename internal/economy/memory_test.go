package economy_test

import (
	"os"
	"runtime"
	"testing"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// memoryWorlds are a world of each model for TestBytesPerPerson.
func memoryWorlds(n int) []economy.Params {
	return []economy.Params{
		exchange(economy.RuleMesa, n, 1, 1),
		{Model: economy.ModelCapitalism, People: n, StartWealth: 100, Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}},
		aiWorld(n, economy.FirmsCooperative, economy.AutomationCommons, economy.DistributeNeed, economy.SitingCheapest, 0.5),
	}
}

// heap returns the live heap after a collection.
func heap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestBytesPerPerson checks the bounds the memory guard uses: a world of
// each model, run for a while and observed with a meter (its sorted copies),
// stays within economy.WorldBytes a person, and the snapshot a finished run
// keeps within economy.SnapshotBytes. With COMMONWEALTH_MEMORY_PEOPLE set it
// measures at that size (docs/performance.md reports a million).
func TestBytesPerPerson(t *testing.T) {
	n := 200_000
	if s := os.Getenv("COMMONWEALTH_MEMORY_PEOPLE"); s != "" {
		n = atoi(t, s)
	}
	for _, p := range memoryWorlds(n) {
		before := heap()
		w, _ := economy.New(p, 1)
		for range 20 {
			w.StepMonth()
		}
		var s economy.Snapshot
		w.Observe(&s)
		m := metrics.Meter{Metrics: metrics.ForSnapshot(&s)}
		m.Measure(nil, &s)
		world := float64(heap()-before) / float64(n)
		runtime.KeepAlive(w)
		runtime.KeepAlive(&m)
		w = nil
		m = metrics.Meter{}
		mid := heap()
		kept := s
		snap := float64(int64(heap())-int64(mid)+economy.SnapshotSize(&kept)) / float64(n)
		runtime.KeepAlive(&kept)
		t.Logf("%s (AI %v), %d people: world and meter %.0f bytes a person (bound %d), kept snapshot %.0f (bound %d)",
			p.Model, p.AI.Enabled, n, world, economy.WorldBytes(p), snap, economy.SnapshotBytes(p))
		if world > float64(economy.WorldBytes(p)) || world < 0.75*float64(economy.WorldBytes(p)) {
			t.Errorf("%s: %.0f bytes a person, against an estimate of %d: off by more than 25%%", p.Model, world, economy.WorldBytes(p))
		}
		if snap > float64(economy.SnapshotBytes(p)) {
			t.Errorf("%s: snapshot %.0f bytes a person, above the bound %d", p.Model, snap, economy.SnapshotBytes(p))
		}
	}
}

func atoi(t *testing.T, s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = 10*n + int(c-'0')
	}
	return n
}
