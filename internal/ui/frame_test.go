//go:build display

// These need a display (ebiten starts one when imported): run them with
// xvfb-run -a go test -tags display -bench Frame ./internal/ui

package ui

import (
	"fmt"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

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

// BenchmarkFrame measures the program's own CPU work for one frame at the
// default speed (half a month a frame) and at one month a frame: the
// model's steps for both arms and the months' measurements, then the whole
// frame's drawing — people, charts and text — as ebiten commands, without
// the GPU's (or Mesa's) work on them.
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
	screen := ebiten.NewImage(DesignW, DesignH)
	for range 24 { // two years, so classes have formed
		sim.Update()
	}
	g.drawFrame(screen)
	sim.Speed = speed
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sim.Update()
		g.drawFrame(screen)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/frame")
}
