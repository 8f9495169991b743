//go:build display

package ui

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// BenchmarkPeople measures one world of Wright's model at ten thousand, a
// hundred thousand and a million people, in its thread's CPU time a frame,
// with the month's step and the drawing apart: step-ms is a month's step
// and its measurements; paint-ms is the whole frame drawn when the month
// has changed (the people's picture remade); copy-ms a frame drawn between
// months (the picture only copied).
func BenchmarkPeople(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) { benchPeople(b, n) })
	}
}

func benchPeople(b *testing.B, people int) {
	sim := yearOld(b, people)
	g := New(sim, Options{})
	screen := ebiten.NewImage(DesignW, DesignH)
	inFrame(func(*ebiten.Image) { g.drawFrame(screen) })
	var step, paint, copying time.Duration
	b.ResetTimer()
	for range b.N {
		inFrame(func(*ebiten.Image) {
			runtime.LockOSThread() // so the thread's CPU time is the frame's
			defer runtime.UnlockOSThread()
			t0 := threadCPU()
			sim.Update()
			t1 := threadCPU()
			g.drawFrame(screen)
			t2 := threadCPU()
			g.drawFrame(screen)
			step, paint, copying = step+t1-t0, paint+t2-t1, copying+threadCPU()-t2
		})
	}
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(per(step), "step-ms")
	b.ReportMetric(per(paint), "paint-ms")
	b.ReportMetric(per(copying), "copy-ms")
}

// yearOld returns the classroom of one world of Wright's model with that
// many people, run for a year (so classes have formed) at a month an
// update, and still running.
func yearOld(tb testing.TB, people int) *classroom.Sim {
	src := fmt.Sprintf("name = \"people\"\nmodel = \"capitalism\"\npeople = %d\nmonths = 100000\n", people)
	sc, err := scenario.Parse("people.toml", []byte(src), nil)
	if err != nil {
		tb.Fatal(err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(sim.Close)
	sim.Paused, sim.Speed = false, classroom.DefaultSpeed+1
	for range 12 {
		sim.Update()
	}
	return sim
}
