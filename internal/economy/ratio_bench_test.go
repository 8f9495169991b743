package economy_test

import (
	"runtime"
	"testing"
	"time"

	"commonwealth/internal/cputime"
	"commonwealth/internal/economy"
)

// BenchmarkWrightRatio measures Wright's model's cost a step at a million
// people against its cost at a thousand, in one process and on one thread,
// interleaved: each iteration steps a month of the large world, then as
// many steps of the small one, each timed by the thread's own processor
// time, so a neighbour's load falls on both alike (separate processes'
// ratios swing from 8× to 13× with the load). Both worlds are warmed for
// ten months first, as BenchmarkWright's are.
//
//	go test -run '^$' -bench WrightRatio -benchtime 5x ./internal/economy
func BenchmarkWrightRatio(b *testing.B) {
	const small, large = 1_000, 1_000_000
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if _, err := cputime.Thread(); err != nil {
		b.Skip(err)
	}
	worlds := make([]*economy.World, 2)
	for i, n := range []int{small, large} {
		p := economy.Params{Model: economy.ModelCapitalism, People: n, StartWealth: 100,
			Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}}
		w, err := economy.New(p, 1)
		if err != nil {
			b.Fatal(err)
		}
		for range 10 {
			w.StepMonth()
		}
		worlds[i] = w
	}
	var spent [2]time.Duration
	months := [2]int{large / small, 1}
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
	steps := float64(b.N) * large
	b.ReportMetric(float64(spent[0].Nanoseconds())/steps, "ns/step@1e3")
	b.ReportMetric(float64(spent[1].Nanoseconds())/steps, "ns/step@1e6")
	b.ReportMetric(float64(spent[1])/float64(spent[0]), "ratio")
}
