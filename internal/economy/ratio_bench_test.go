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
// against Wright's model's at a million people, and, beside them, both at a
// thousand and ten thousand people, where their state fits the processor's
// caches: all six worlds interleaved (see interleaved), the production
// economy as BenchmarkAI runs it, after ten years, Wright's after ten
// months. The smaller worlds step enough months a round to make as many
// steps as the largest. The ratios at the smaller sizes are what the
// production economy's step costs against Wright's when neither waits on
// memory; "scale" is the production economy's own cost a step at a million
// people against a thousand.
//
//	go test -run '^$' -bench ProductionRatio -benchtime 3x ./internal/economy
func BenchmarkProductionRatio(b *testing.B) {
	sizes := []struct {
		people int
		label  string
	}{{1_000, "1e3"}, {10_000, "1e4"}, {1_000_000, "1e6"}}
	var ps []economy.Params
	var warm, months []int
	for _, size := range sizes {
		ai := aiWorld(size.people, economy.FirmsCapitalist, economy.AutomationPrivate, economy.DistributeEqual, economy.SitingCheapest, 0)
		ai.AI.Communities.Count = 5
		ps = append(ps, wright(size.people), ai)
		warm = append(warm, 10, 120)
		steps := sizes[len(sizes)-1].people / size.people // as many steps as the largest world's month
		months = append(months, steps, steps)
	}
	ns := interleaved(b, ps, warm, months)
	for i, size := range sizes {
		wr, pr := ns[2*i], ns[2*i+1]
		b.ReportMetric(wr, "ns/step-wright@"+size.label)
		b.ReportMetric(pr, "ns/step-production@"+size.label)
		b.ReportMetric(pr/wr, "ratio@"+size.label)
	}
	b.ReportMetric(ns[len(ns)-1]/ns[1], "scale")
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
