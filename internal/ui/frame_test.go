//go:build display

// These need a display (ebiten starts one when imported): run them with
// xvfb-run -a go test -tags display -bench Frame ./internal/ui

package ui

import (
	"fmt"
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

// BenchmarkFrame measures the CPU work of one frame at the default speed
// (half a month a frame) and at one month a frame: the model's steps for
// both arms, the months' measurements, then every frame's geometry of the
// people, without the GPU's drawing.
func BenchmarkFrame(b *testing.B) {
	for _, speed := range []int{classroom.DefaultSpeed, 2} {
		b.Run(fmt.Sprintf("months=%g", classroom.Speeds[speed]), func(b *testing.B) { benchFrame(b, speed) })
	}
}

func benchFrame(b *testing.B, speed int) {
	sc, err := scenario.Parse("frame.toml", []byte(frameScenario), nil)
	if err != nil {
		b.Fatal(err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		b.Fatal(err)
	}
	sim.Paused = false
	sim.Speed = 2 // a month an update while warming up
	g := New(sim, Options{})
	g.arr = make([]classroom.Arrangement, len(sim.Arms))
	for range 24 { // two years, so classes have formed
		sim.Update()
	}
	build := func() {
		for i, st := range sim.Arms {
			g.buildPeople(i, st, rect{0, 0, 620, 330})
		}
	}
	build()
	sim.Speed = speed
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sim.Update()
		build()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}

// BenchmarkGeometry measures building the people's geometry alone, as
// when a month has just completed.
func BenchmarkGeometry(b *testing.B) {
	sc, _ := scenario.Parse("frame.toml", []byte(frameScenario), nil)
	sim, _ := classroom.NewSim(sc)
	sim.Paused = false
	sim.Speed = 2
	for range 24 {
		sim.Update()
	}
	g := New(sim, Options{})
	g.arr = make([]classroom.Arrangement, len(sim.Arms))
	for i, st := range sim.Arms {
		g.buildPeople(i, st, rect{0, 0, 620, 330})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := range b.N {
		for i, st := range sim.Arms {
			g.pictures[i].month = -1 - n // stale: build it again
			g.buildPeople(i, st, rect{0, 0, 620, 330})
		}
	}
}
