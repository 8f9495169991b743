package batch

import (
	"bytes"
	"context"
	"testing"
)

// TestPlanRunsAndGathers runs a plan of each kind into a store, gathers it
// again from the store as merge does, and checks that both give the same
// results, that Each sees every point, and that a robust plan holds only
// the scenario's own runs.
func TestPlanRunsAndGathers(t *testing.T) {
	sc := load(t, "wright", "months=2", "people=40", "seeds=2")
	a := load(t, "wright", "months=2", "people=40", "seeds=2", "capitalism.wage_max=70")
	b := load(t, "wright", "months=2", "people=40", "seeds=2", "capitalism.wage_max=80")
	points := func() []Point { return []Point{{Scenario: sc}, {Scenario: a}, {Scenario: b}} }
	for _, kind := range []Kind{Plain, Sweep, Robust} {
		f := openFolder(t, t.TempDir(), "run")
		st, err := f.Runs()
		if err != nil {
			t.Fatal(err)
		}
		ran := NewPlan(kind, sc, points())
		var seen []int
		ran.Each = func(i int, rs []Result) error { seen = append(seen, i); return nil }
		if err := ran.Run(context.Background(), Options{Store: st}); err != nil {
			t.Fatal(err)
		}
		got := NewPlan(kind, sc, points())
		if err := got.Gather([]*Store{OpenStore(st.Dir)}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		want := map[Kind]int{Plain: 1, Sweep: 3, Robust: 3}[kind]
		if len(seen) != want || len(ran.Points) != want || ran.Runs(Shard{}) != want*2*len(sc.Arms) {
			t.Fatalf("kind %d: Each saw %v, %d points, %d runs", kind, seen, len(ran.Points), ran.Runs(Shard{}))
		}
		for i := range ran.Points {
			held := ran.Points[i].Results != nil
			if held != (kind != Robust || i == 0) {
				t.Errorf("kind %d: point %d's results held: %v", kind, i, held)
			}
			if held && !bytes.Equal(csvBytes(t, WriteSummary, sc, ran.Points[i].Results), csvBytes(t, WriteSummary, sc, got.Points[i].Results)) {
				t.Errorf("kind %d: point %d gathered differs from run", kind, i)
			}
		}
	}
}
