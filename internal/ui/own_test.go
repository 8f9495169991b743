//go:build display

package ui

import (
	"slices"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario/scenariotest"
)

// TestOwnMetricGaugeDrawn draws a lesson whose first gauge is the
// scenario's own metric: its chart is drawn with the unit its [[metric]]
// block gives, beside the built-in gauge.
func TestOwnMetricGaugeDrawn(t *testing.T) {
	sc, err := scenariotest.OwnGauges("people=60")
	if err != nil {
		t.Fatal(err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	g := New(sim, Options{})
	sim.Apply(classroom.Intent{Next: true})
	sim.Apply(classroom.Intent{Predict: 1})
	for range 40 {
		sim.StepMonth()
	}
	screen := ebiten.NewImage(1280, 720)
	inFrame(func(*ebiten.Image) { g.drawFrame(screen) })
	var texts []string
	for _, b := range g.c.boxes {
		texts = append(texts, b.s)
	}
	for _, want := range []string{"palma (ratio)", titled(lang.English, "richest_share")} {
		if !slices.Contains(texts, want) {
			t.Errorf("no chart titled %q among the texts drawn: %q", want, texts)
		}
	}
}
