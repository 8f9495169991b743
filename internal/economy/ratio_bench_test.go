package economy_test

import (
	"runtime"
	"testing"
	"time"

	"commonwealth/internal/cputime"
	"commonwealth/internal/economy"
)

// wright is Wright's model with his parameters.
func wright(people int) economy.Params {
	return economy.Params{Model: economy.ModelCapitalism, People: people, StartWealth: 100,
		Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}}
}

// BenchmarkWrightRatio measures Wright's model's cost a step at a million
// people against its cost at a thousand, in one process and on one thread,
// interleaved (see interleaved): separate processes' ratios swing from 8×
// to 13× with the load. Both worlds are warmed for ten months first, as
// BenchmarkWright's are.
//
//	go test -run '^$' -bench WrightRatio -benchtime 5x ./internal/economy
func BenchmarkWrightRatio(b *testing.B) {
	const small, large = 1_000, 1_000_000
	ns := interleaved(b, []economy.Params{wright(small), wright(large)}, []int{10, 10}, []int{large / small, 1})
	b.ReportMetric(ns[0], "ns/step@1e3")
	b.ReportMetric(ns[1], "ns/step@1e6")
	b.ReportMetric(ns[1]/ns[0], "ratio")
}

// BenchmarkProductionRatio measures the production economy's cost a step
// against Wright's model's, both at a million people, interleaved (see
// interleaved): the production economy as BenchmarkAI runs it, after ten
// years, Wright's after ten months.
//
//	go test -run '^$' -bench ProductionRatio -benchtime 3x ./internal/economy
func BenchmarkProductionRatio(b *testing.B) {
	const people = 1_000_000
	ai := aiWorld(people, economy.FirmsCapitalist, economy.AutomationPrivate, economy.DistributeEqual, economy.SitingCheapest, 0)
	ai.AI.Communities.Count = 5
	ns := interleaved(b, []economy.Params{wright(people), ai}, []int{10, 120}, []int{1, 1})
	b.ReportMetric(ns[0], "ns/step-wright")
	b.ReportMetric(ns[1], "ns/step-production")
	b.ReportMetric(ns[1]/ns[0], "ratio")
}

// interleaved makes a world of each of ps (seed 1), runs warm[i] months of
// world i, then b.N rounds of months[i] months of each world in turn, on
// one thread, each round of each world timed by the thread's own processor
// time, so that a neighbour's load falls on every world alike; it returns
// each world's processor time a step (a step is a person's activation).
func interleaved(b *testing.B, ps []economy.Params, warm, months []int) []float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if _, err := cputime.Thread(); err != nil {
		b.Skip(err)
	}
	worlds := make([]*economy.World, len(ps))
	for i, p := range ps {
		w, err := economy.New(p, 1)
		if err != nil {
			b.Fatal(err)
		}
		for range warm[i] {
			w.StepMonth()
		}
		worlds[i] = w
	}
	spent := make([]time.Duration, len(ps))
	b.ResetTimer()
	for range b.N {
		for i, w := range worlds {
			start, _ := cputime.Thread()
			for range months[i] {
				w.StepMonth()
			}
			end, _ := cputime.Thread()
			spent[i] += end - start
		}
	}
	ns := make([]float64, len(ps))
	for i := range ns {
		ns[i] = float64(spent[i].Nanoseconds()) / (float64(b.N) * float64(months[i]) * float64(ps[i].People))
	}
	return ns
}
