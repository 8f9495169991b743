// Command sim is the classroom window: a scenario's arms side by side, with
// the same people in each, live charts and keyboard controls. The same
// program builds for the browser (GOOS=js GOARCH=wasm).
//
//	sim [SCENARIO] [--screenshot FILE.png --frames N]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/cli"
	"commonwealth/internal/scenario"
	"commonwealth/internal/ui"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shot := fs.String("screenshot", "", "play, write what the window shows after --frames frames to `FILE.png`, and quit")
	frames := fs.Int("frames", 300, "frames to run before the screenshot")
	play := fs.Bool("play", false, "start playing instead of paused")
	show := fs.String("show", "", "open panels at the start: any of help, sliders, large (comma-separated)")
	pos, err := cli.Parse(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, "sim: one scenario at a time")
		return 2
	}
	ref := ""
	if len(pos) == 1 {
		ref = pos[0]
	}
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
	sim.Paused = !*play && *shot == ""
	for _, p := range strings.Split(*show, ",") {
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
	opt := ui.Options{Screenshot: *shot, Frames: *frames}
	if _, err := os.Stat(ref); err == nil {
		opt.Watch = ref // a file: reload it when it changes
	}
	if err := ebiten.RunGame(ui.New(sim, opt)); err != nil {
		fmt.Fprintln(stderr, "sim:", err)
		return 1
	}
	return 0
}
