// Command sim is the classroom window: a scenario's arms side by side, with
// the same people in each, live charts and keyboard controls. A scenario
// with a lesson opens on it: the question, the class's prediction, the
// worlds running, and the answer over every seed. The same program builds
// for the browser (GOOS=js GOARCH=wasm).
//
//	sim [SCENARIO] [--screenshot FILE.png --frames N | --slides FOLDER] [--size WxH] [--lang CODE] [--version]
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/spf13/pflag"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/memory"
	"commonwealth/internal/scenario"
	"commonwealth/internal/ui"
	"commonwealth/internal/ui/startup"
	"commonwealth/internal/version"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	o, err := startup.Parse(args, stderr)
	if errors.Is(err, pflag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if o.Version {
		fmt.Print(version.Long("sim"))
		return 0
	}
	tx, err := lang.Open(o.Lang)
	if err != nil {
		fmt.Fprintln(stderr, "sim: --lang:", err)
		return 2
	}
	ref := o.Scenario
	sc, err := scenario.Load(ref, nil)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if done, left := tx.Translate(sc); left > 0 {
		fmt.Fprintf(stderr, "sim: --lang %s: %d of the lesson's %d own words are translated; the rest stay in English (docs/lessons/languages.md)\n", tx.Code(), done, done+left)
	}
	if err := memory.GuardWindow(sc); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if (o.Slides != "" || o.Goto != "") && sc.Lesson == nil {
		fmt.Fprintf(stderr, "sim: --slides and --goto: %s has no [lesson] to step through\n", sc.Name)
		return 2
	}
	if o.Slides != "" {
		if err := os.MkdirAll(o.Slides, 0o777); err != nil {
			fmt.Fprintf(stderr, "sim: --slides: %v\n", err)
			return 2
		}
		if err := ui.FreeSlides(o.Slides, sc); err != nil {
			fmt.Fprintln(stderr, "sim:", err)
			return 2
		}
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		fmt.Fprintln(stderr, "sim:", err)
		return 1
	}
	defer sim.Close()
	if o.Explore && sim.Lesson != nil {
		if err := sim.Apply(classroom.Intent{Explore: true}); err != nil {
			fmt.Fprintln(stderr, "sim:", err)
			return 1
		}
	}
	if o.Play || o.Screenshot != "" {
		sim.Paused = false
		if l := sim.Lesson; l != nil {
			l.Stage = classroom.StageWatch
		}
	}
	w, h, _ := o.Dimensions()
	opt := ui.Options{Screenshot: o.Screenshot, Frames: o.Frames, Slides: o.Slides, Predict: o.Predict, Goto: o.Goto, Lang: tx}
	if o.Screenshot != "" || o.Slides != "" {
		opt.Width, opt.Height = w, h
	}
	for _, p := range strings.Split(o.Show, ",") {
		switch strings.TrimSpace(p) {
		case "help":
			sim.Help = true
		case "sliders":
			sim.Sliders = true
		case "menu":
			opt.Menu = true
		case "":
		default:
			fmt.Fprintf(stderr, "sim: --show %s: expected help, sliders or menu\n", p)
			return 2
		}
	}
	if o.Host != nil {
		h, stop, err := host(sim, o.Host.Addr, tx)
		if err != nil {
			fmt.Fprintln(stderr, "sim: --host:", err)
			return 1
		}
		defer stop()
		opt.Host = h
		v := h.View()
		fmt.Fprintf(stderr, "sim: students join at %s (code %s)\n", v.URL, v.Code)
	}
	ebiten.SetWindowTitle(ui.Title(sc))
	ebiten.SetWindowSize(ui.DesignW, ui.DesignH)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if _, err := os.Stat(ref); err == nil {
		opt.Watch = ref // a file: reload it when it changes
	}
	if err := ebiten.RunGame(ui.New(sim, opt)); err != nil {
		fmt.Fprintln(stderr, "sim:", err)
		return 1
	}
	return 0
}
