// Command sim is the classroom window: a scenario's arms side by side, with
// the same people in each, live charts and keyboard controls. The same
// program builds for the browser (GOOS=js GOARCH=wasm).
//
//	sim [SCENARIO] [--screenshot FILE.png --frames N]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
	"commonwealth/internal/ui"
	"commonwealth/internal/ui/startup"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	o, err := startup.Parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	ref := o.Scenario
	sc, err := scenario.Load(ref, nil)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		fmt.Fprintln(stderr, "sim:", err)
		return 1
	}
	sim.Paused = !o.Play && o.Screenshot == ""
	for _, p := range strings.Split(o.Show, ",") {
		switch strings.TrimSpace(p) {
		case "help":
			sim.Help = true
		case "sliders":
			sim.Sliders = true
		case "large":
			sim.Large = true
		case "":
		default:
			fmt.Fprintf(stderr, "sim: --show %s: expected help, sliders or large\n", p)
			return 2
		}
	}
	ebiten.SetWindowTitle("Commonwealth — " + sc.Name)
	ebiten.SetWindowSize(ui.ScreenW, ui.ScreenH)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	opt := ui.Options{Screenshot: o.Screenshot, Frames: o.Frames}
	if _, err := os.Stat(ref); err == nil {
		opt.Watch = ref // a file: reload it when it changes
	}
	if err := ebiten.RunGame(ui.New(sim, opt)); err != nil {
		fmt.Fprintln(stderr, "sim:", err)
		return 1
	}
	return 0
}
