package economy_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"commonwealth/internal/economy"
)

// benchMonths runs b.N months of a world after warm months of warming up,
// and reports steps (activations or pair trades) per second.
func benchMonths(b *testing.B, p economy.Params, warm int) {
	w, err := economy.New(p, 1)
	if err != nil {
		b.Fatal(err)
	}
	for range warm {
		w.StepMonth()
	}
	b.ResetTimer()
	for range b.N {
		w.StepMonth()
	}
	b.ReportMetric(float64(p.People)*float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e9/(float64(p.People)*float64(b.N)), "ns/step")
}

var sizes = []int{1_000, 10_000, 100_000, 1_000_000}

// BenchmarkMesa is the Mesa tutorial's Boltzmann model: one unit each.
func BenchmarkMesa(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			benchMonths(b, exchange(economy.RuleMesa, n, 1, 1), 5)
		})
	}
}

// BenchmarkWright is Wright's model with his parameters, after ten months
// of warming up (by then classes have formed).
func BenchmarkWright(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			benchMonths(b, wright(n), 10)
		})
	}
}

// BenchmarkExchange times the pairwise rules with 10,000 people.
func BenchmarkExchange(b *testing.B) {
	for _, rule := range []string{economy.RuleRandom, economy.RuleSaving, economy.RuleYardSale} {
		b.Run(rule, func(b *testing.B) {
			benchMonths(b, exchange(rule, 10_000, 1000, 10), 5)
		})
	}
}

// BenchmarkBareMesaLoop is the reference the Mesa rule is measured against:
// the same rule as a bare loop over a slice of int64 with math/rand/v2's
// shuffle, with no ledger, no income and no checks — what this machine's
// memory allows for the rule itself.
func BenchmarkBareMesaLoop(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			w := make([]int64, n)
			perm := make([]int32, n)
			for i := range w {
				w[i], perm[i] = 1, int32(i)
			}
			r := rand.New(rand.NewPCG(1, 2))
			b.ResetTimer()
			for range b.N {
				r.Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
				for _, a := range perm {
					if w[a] > 0 {
						w[a]--
						w[r.IntN(n)]++
					}
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "steps/s")
		})
	}
}

// BenchmarkAI is the production economy with the default scenario's
// parameters in its private arm (capitalist firms, private data centres),
// with data centres scaled to the people so automation spreads at every
// size, after ten years of warming up, to compare per step with
// BenchmarkWright.
func BenchmarkAI(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			p := aiWorld(n, economy.FirmsCapitalist, economy.AutomationPrivate, economy.DistributeEqual, economy.SitingCheapest, 0)
			p.AI.Communities.Count = 5
			benchMonths(b, p, 120)
		})
	}
}
