//go:build display

// These need a display (ebiten starts one when imported): run them with
// xvfb-run -a go test -tags display -bench Frame ./internal/ui

package ui

import (
	"testing"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// frameScenario is two arms of Wright's model with 10,000 people each, the
// size the window is budgeted for.
const frameScenario = `name = "frame"
model = "capitalism"
people = 10000
months = 100000
[[arm]]
name = "low wages"
capitalism.wage_max = 60
[[arm]]
name = "high wages"
capitalism.wage_max = 90
`

// BenchmarkFrame measures the CPU work of one frame at one month a frame:
// the model's month for both arms, then every frame's geometry (people and
// charts), without the GPU's drawing.
func BenchmarkFrame(b *testing.B) {
	sc, err := scenario.Parse("frame.toml", []byte(frameScenario), nil)
	if err != nil {
		b.Fatal(err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		b.Fatal(err)
	}
	sim.Paused = false
	g := New(sim, Options{})
	g.arr = make([]classroom.Arrangement, len(sim.Arms))
	for range 24 { // two years, so classes have formed
		sim.Update()
	}
	build := func() {
		for i, st := range sim.Arms {
			g.mesh.reset()
			g.buildPeople(nil, i, st, rect{0, 0, 620, 330})
		}
	}
	build()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sim.Update()
		build()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkGeometry measures building the geometry alone.
func BenchmarkGeometry(b *testing.B) {
	sc, _ := scenario.Parse("frame.toml", []byte(frameScenario), nil)
	sim, _ := classroom.NewSim(sc)
	sim.Paused = false
	for range 24 {
		sim.Update()
	}
	g := New(sim, Options{})
	g.arr = make([]classroom.Arrangement, len(sim.Arms))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for i, st := range sim.Arms {
			g.mesh.reset()
			g.buildPeople(nil, i, st, rect{0, 0, 620, 330})
		}
	}
}
