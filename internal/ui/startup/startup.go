// Package startup reads the window program's command line and, before
// Ebiten starts, checks that there is a display to open a window on.
// Ebiten panics while its packages initialise when there is none (on Linux,
// no DISPLAY or WAYLAND_DISPLAY), so without this check `sim --help`, or any
// mistake on the command line, would end in a stack trace. This package
// imports nothing of Ebiten's, and Go initialises packages in the order of
// their import paths where they do not depend on each other, so its init
// runs before Ebiten's.
package startup

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"commonwealth/internal/lang/texts"
	"commonwealth/internal/version"
)

// Options are the window program's command line.
type Options struct {
	Scenario   string   // a file or a built-in scenario's name; "" for the default
	Screenshot string   // write what the window shows to this PNG file, then quit
	Frames     int      // frames to run before the screenshot
	Play       bool     // start playing
	Show       string   // panels open at the start
	Slides     string   // write a picture of each lesson stage into this folder
	Predict    int      // the class's answer the slides show
	Size       string   // the screenshots' and slides' size, WIDTHxHEIGHT
	Explore    bool     // open with every arm, not at the lesson
	Goto       string   // step the lesson to this stage at the start, or ""
	Host       *Address // host a class joining from phones, at this address (nil: no class)
	Version    bool     // print the program's version and quit
	Lang       string   // the language of the lesson's words, a code of lang.Codes ("" for English)
}

// Address is --host's value: the flag may be given alone (the room's
// network, a free port), as --host=ADDR, or as --host ADDR (hostAddress).
type Address struct{ Addr string }

// Parse reads the command line. For -h it prints the usage and returns
// pflag.ErrHelp; for a mistake it prints what is wrong and the usage, and
// returns the error.
func Parse(args []string, stderr io.Writer) (Options, error) {
	var o Options
	fs := pflag.NewFlagSet("sim", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sim [SCENARIO] [flags]\n\nThe classroom window: a scenario's arms side by side, with the same people in each.\n\nflags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&o.Screenshot, "screenshot", "", "play, write what the window shows after --frames frames to `FILE.png`, and quit")
	fs.IntVar(&o.Frames, "frames", 300, "frames to run before the screenshot")
	fs.BoolVar(&o.Play, "play", false, "start playing instead of paused")
	fs.StringVar(&o.Show, "show", "", "open panels at the start: any of help, sliders, menu (comma-separated)")
	fs.StringVar(&o.Slides, "slides", "", "write a picture of each stage of the scenario's lesson (title, question, watching, answer) into `FOLDER` (created if missing), and quit")
	fs.IntVar(&o.Predict, "predict", 0, "with --slides: the class's answer to show (1, 2 or 3; 0 for none)")
	fs.StringVar(&o.Size, "size", "1280x720", "with --screenshot or --slides: the picture's size in pixels, `WIDTHxHEIGHT`")
	fs.StringVar(&o.Goto, "goto", "", "step the scenario's lesson to a `STAGE` (title, predict, watch or reveal) as the keys would, then stay there (with --predict, the class's answer)")
	fs.BoolFunc("host", "host a class: students join from their phones on the room's network (--host alone: this machine's address and a free port; --host ADDR:PORT to choose)", func(v string) error {
		if v == "true" { // alone
			v = ""
		}
		o.Host = &Address{v}
		return nil
	})
	fs.BoolVar(&o.Explore, "explore", false, "open exploring every arm rather than at the scenario's lesson")
	fs.BoolVar(&o.Version, "version", false, "print the program's version and quit")
	fs.StringVar(&o.Lang, "lang", "", "the `LANGUAGE` of the lesson's words and the phones' page: "+strings.Join(texts.Codes(), ", ")+" (default English; a language's missing words stay in English)")
	if err := fs.Parse(args); err != nil {
		if !errors.Is(err, pflag.ErrHelp) {
			fmt.Fprintf(stderr, "sim: %v\n\n", err)
			fs.Usage()
		}
		return o, err
	}
	pos := hostAddress(o.Host, fs.Args())
	if len(pos) > 1 {
		err := errors.New("sim: one scenario at a time")
		fmt.Fprintln(stderr, err)
		return o, err
	}
	if len(pos) == 1 {
		o.Scenario = pos[0]
	}
	var problem string
	if _, _, ok := o.Dimensions(); !ok {
		problem = fmt.Sprintf("--size %s: expected WIDTHxHEIGHT in pixels, from 320x240 to 7680x4320, such as 1920x1080", o.Size)
	} else if o.Predict < 0 || o.Predict > 3 {
		problem = fmt.Sprintf("--predict %d: expected 1, 2 or 3 (an answer), or 0 for none", o.Predict)
	} else if o.Goto != "" && !slices.Contains(stages, o.Goto) {
		problem = fmt.Sprintf("--goto %s: expected one of %s", o.Goto, strings.Join(stages, ", "))
	} else if o.Slides != "" && o.Screenshot != "" {
		problem = "--slides and --screenshot: one at a time"
	}
	if problem != "" {
		err := errors.New("sim: " + problem)
		fmt.Fprintln(stderr, err)
		return o, err
	}
	return o, nil
}

// hostAddress takes --host ADDR:PORT written with a space: the flag
// stands alone, so its address arrives among the positional arguments. An
// argument is taken as the address when it is host:port with a numeric
// port and no file of that name exists.
func hostAddress(h *Address, pos []string) []string {
	if h == nil || h.Addr != "" {
		return pos
	}
	for i, p := range pos {
		_, port, err := net.SplitHostPort(p)
		if _, statErr := os.Stat(p); err == nil && statErr != nil && port != "" && strings.Trim(port, "0123456789") == "" {
			h.Addr = p
			return append(pos[:i:i], pos[i+1:]...)
		}
	}
	return pos
}

// stages are the lesson's stages, as classroom.Stages names them (this
// package imports nothing that imports Ebiten, so it keeps its own list;
// a test checks they agree).
var stages = []string{"title", "predict", "watch", "reveal"}

// Dimensions returns --size's width and height, and whether they are
// good.
func (o Options) Dimensions() (w, h int, ok bool) {
	var rest string
	n, _ := fmt.Sscanf(o.Size+" end", "%dx%d %s", &w, &h, &rest)
	return w, h, n == 3 && rest == "end" && w >= 320 && w <= 7680 && h >= 240 && h <= 4320
}

// withoutDisplay answers the command line when no window can open: the
// usage for -h, the mistake for a bad flag, and otherwise how to run the
// window. It returns the exit status.
func withoutDisplay(args []string, stdout, stderr io.Writer) int {
	switch o, err := Parse(args, stderr); {
	case errors.Is(err, pflag.ErrHelp):
		return 0
	case err != nil:
		return 2
	case o.Version:
		fmt.Fprint(stdout, version.Long("sim"))
		return 0
	}
	fmt.Fprintln(stderr, "sim: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset): run it on a desktop, "+
		"under xvfb-run -a for screenshots, or in a browser (scripts/build-web.sh); headless runs scenarios without a window")
	return 1
}
