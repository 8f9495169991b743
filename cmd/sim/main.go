// Command sim is the classroom window. For now it is a placeholder: it runs
// each arm of a scenario with its first seed, a month per frame, and shows
// each arm's month and Gini of wealth. The full window is built later.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// game runs the worlds of a scenario in step, a month per update.
type game struct {
	sc     *scenario.Scenario
	worlds []*economy.World
	ginis  []float64
	snap   economy.Snapshot
	sorted []int64
}

func (g *game) Update() error {
	for i, w := range g.worlds {
		if w.Month() >= g.sc.Run().Months {
			continue
		}
		w.StepMonth()
		w.Observe(&g.snap)
		g.sorted = append(g.sorted[:0], g.snap.Wealth...)
		slices.Sort(g.sorted)
		g.ginis[i] = metrics.Gini(g.sorted)
	}
	return nil
}

func (g *game) Draw(screen *ebiten.Image) {
	var b strings.Builder
	fmt.Fprintf(&b, "Commonwealth: %s (placeholder window)\n\n", g.sc.Name)
	for i, w := range g.worlds {
		fmt.Fprintf(&b, "%-12s month %5d   Gini of wealth %.3f\n", g.sc.Arms[i].Name, w.Month(), g.ginis[i])
	}
	ebitenutil.DebugPrint(screen, b.String())
}

func (g *game) Layout(int, int) (int, int) { return 640, 360 }

func main() {
	flag.Parse()
	sc, err := scenario.Load(flag.Arg(0), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	g := &game{sc: sc, ginis: make([]float64, len(sc.Arms))}
	for _, a := range sc.Arms {
		w, err := economy.New(a.Settings.Params, a.Settings.Seed)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		g.worlds = append(g.worlds, w)
	}
	ebiten.SetWindowTitle("Commonwealth")
	ebiten.SetWindowSize(1280, 720)
	if err := ebiten.RunGame(g); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
