package economy_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
	"commonwealth/internal/scenario/scenariotest"
)

// propertyDraws is how many random parameter sets TestRandomParameters runs.
const propertyDraws = 80

// TestRandomParameters draws every parameter of the production economy at
// random from its documented range (the key registry's, log-uniform where
// the range spans orders of magnitude) and checks that a small world runs
// without a panic, keeps its accounts every month (both matrices) and
// measures only finite numbers.
func TestRandomParameters(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	src := []byte("model = \"capitalism\"\npeople = 60\nmonths = 48\n[ai]\nenabled = true\n")
	skip := map[string]bool{"name": true, "description": true, "model": true, "people": true, "months": true,
		"seeds": true, "seed": true, "ai.enabled": true}
	for draw := range propertyDraws {
		var sets []string
		for _, k := range scenario.Keys {
			if skip[k.Path] || strings.HasPrefix(k.Path, "exchange.") {
				continue
			}
			sets = append(sets, k.Path+"="+scenariotest.Draw(r, &k, 8))
		}
		sc, err := scenario.Parse("draw", src, sets)
		if err != nil {
			if strings.Contains(err.Error(), "wage_min") {
				continue // a wage floor drawn above the ceiling: refused at load, as it should be
			}
			t.Fatalf("draw %d: %v", draw, err)
		}
		p := sc.Arms[0].Settings.Params
		func() {
			defer func() {
				if e := recover(); e != nil {
					t.Fatalf("draw %d panicked: %v\n%s", draw, e, strings.Join(sets, " "))
				}
			}()
			w, err := economy.New(p, uint64(draw))
			if err != nil {
				t.Fatalf("draw %d: %v", draw, err)
			}
			var s economy.Snapshot
			w.Observe(&s)
			m := metrics.Meter{Metrics: metrics.ForSnapshot(&s)}
			for month := range 48 {
				w.StepMonth()
				if err := w.CheckAccounts(); err != nil {
					t.Fatalf("draw %d, month %d: %v\n%s", draw, month+1, err, strings.Join(sets, " "))
				}
				w.Observe(&s)
				if row := m.Measure(nil, &s); !finite(row) {
					t.Fatalf("draw %d, month %d: a metric is not a finite number: %v\n%s", draw, month+1, row, strings.Join(sets, " "))
				}
			}
		}()
	}
}
