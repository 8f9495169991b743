package ui

import (
	"commonwealth/internal/classroom"
	"commonwealth/internal/metrics"
)

// wealthNow is one arm's wealth distribution now, as the charts draw it:
// its Lorenz curve and its histogram. Each is a pass over the people, so
// it is worked out once a month and the frames in between reuse it.
type wealthNow struct {
	month  int
	seed   uint64
	name   string
	people int
	mean   float64 // the histogram's mean wealth
	lorenz [lorenzPoints]float64
	shares [histogramBins]float32 // share of people in each bin of the histogram
}

// now returns arm i's distribution now, worked out again when its month,
// the seed, its name or its population has changed. The histograms of all
// arms are binned by the first arm's starting wealth, so they share an axis.
func (g *Game) now(i int) *wealthNow {
	for len(g.wealth) <= i {
		g.wealth = append(g.wealth, wealthNow{month: -1})
	}
	w, st := &g.wealth[i], g.sim.Arms[i]
	mean := float64(g.sim.Arms[0].World.Params().StartWealth)
	if w.month != st.World.Month() || w.seed != g.sim.Seed || w.name != st.Name || w.people != len(st.Snap.Wealth) || w.mean != mean {
		w.measure(st, mean)
		w.month, w.seed, w.name, w.people, w.mean = st.World.Month(), g.sim.Seed, st.Name, len(st.Snap.Wealth), mean
	}
	return w
}

// measure works out the Lorenz curve and the histogram of st's people: the
// share of people in each of histogramBins bins up to four times mean
// (those in net debt, in the production economy, in the first bin).
func (w *wealthNow) measure(st *classroom.ArmState, mean float64) {
	metrics.Lorenz(w.lorenz[:], st.Meter.Sorted())
	width := max(4*mean/histogramBins, 1)
	var counts [histogramBins]int
	for _, m := range st.Snap.Wealth {
		if b := max(int(float64(m)/width), 0); b < histogramBins {
			counts[b]++
		}
	}
	for b, k := range counts {
		w.shares[b] = float32(k) / float32(len(st.Snap.Wealth))
	}
}
