package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/google/renameio/v2"
	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
)

// Options are how the window runs.
type Options struct {
	Screenshot string // write the screen to this PNG file after Frames frames, then quit
	Frames     int
	Slides     string // write one PNG a lesson stage into this folder, then quit
	Predict    int    // the class's answer the slides show (from 1), or 0
	Width      int    // the screen's size in pixels for screenshots and slides
	Height     int
	Watch      string          // reload the scenario from this file when it changes, or ""
	Menu       bool            // open with the scenario menu
	Goto       string          // step the lesson to this stage at the start (classroom.Stages), or ""
	Host       classroom.Class // the class joined from phones, or nil
	Lang       *lang.Book      // the language of the lesson's cards and the class's lines (nil: English)
}

// Game is the ebiten adapter over a classroom.Sim: Update turns keys,
// clicks and taps into intents and steps the worlds; Draw only reads, and
// registers where a click would act.
type Game struct {
	sim   *classroom.Sim
	opt   Options
	frame int // frames drawn
	ticks int // updates run
	shot  bool
	err   error

	c        canvas
	hits     []hit       // what a click does where, as last drawn
	pictures []picture   // each arm's people, kept between frames
	wealth   []wealthNow // each arm's wealth distribution now, kept between frames
	full     map[string]bool
	menu     bool // the scenario menu is open
	aim      int  // the arm the sliders change: 0 every arm, i arm i−1
	series   []float32
	watcher  *classroom.Watcher
	loadErr  string // why the edited scenario could not be loaded, or ""
	slides   *slides
	qrBits   [][]bool            // the class's QR code
	qrFor    string              // the address it encodes (the code in it changes when guessed at)
	followed bool                // ring the persons the class follows
	view     classroom.ClassView // what the class has said, as of this frame
	roll     rollShown           // the teacher's view of the roll
	seat     string              // the seat typed while the roll is shown, to remove its student
}

// New returns the window's game for sim.
func New(sim *classroom.Sim, opt Options) *Game {
	g := &Game{sim: sim, opt: opt, full: map[string]bool{}, menu: opt.Menu}
	if opt.Watch != "" {
		g.watcher = classroom.NewWatcher(opt.Watch, func(sc *scenario.Scenario) { g.tx().Translate(sc) })
	}
	switch {
	case opt.Slides != "":
		g.slides = &slides{goal: len(classroom.Stages) - 1, save: true}
	case opt.Goto != "":
		g.slides = &slides{goal: slices.Index(classroom.Stages, opt.Goto)}
	}
	return g
}

// tx returns the book of the window's language.
func (g *Game) tx() *lang.Book {
	if g.opt.Lang != nil {
		return g.opt.Lang
	}
	return lang.English
}

// pollEvery is how many updates pass between checks of the scenario file.
const pollEvery = 30

// Update advances the game by one tick.
func (g *Game) Update() error {
	if g.err != nil {
		return g.err
	}
	if g.shot {
		return ebiten.Termination
	}
	g.ticks++
	if g.watcher != nil && g.ticks%pollEvery == 0 {
		switch s, err := g.watcher.Poll(g.sim); {
		case err != nil:
			g.loadErr = err.Error()
		case s != nil:
			g.replace(s)
		}
	}
	in := readIntent()
	if full, menu := windowKeys(); full {
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	} else if menu {
		g.menu = !g.menu
	}
	if a, ok := g.pointer(); ok {
		if err := g.act(a, &in); err != nil {
			return err
		}
	}
	if g.slides != nil {
		g.slides.drive(g.sim, &in, g.opt.Predict)
	}
	if h := g.opt.Host; h != nil {
		if (g.sim.Ballot != nil || g.sim.Round != nil) && (in.TogglePause || in.Next) {
			h.Decide(g.sim)
			in.TogglePause, in.Next = false, false
		}
		if followKey() {
			g.followed = !g.followed
		}
		t, roll, names := teachKeys()
		if t != 0 {
			h.Teach(t)
		}
		g.roll = nextRoll(g.roll, roll, names)
		if g.roll != rollHidden { // digits name a seat to remove, not an answer
			var remove bool
			g.seat, remove = seatKeys(g.seat)
			in.Predict = 0
			if n, err := strconv.Atoi(g.seat); remove && err == nil {
				h.RemoveSeat(n)
				g.seat = ""
			}
		} else {
			g.seat = ""
		}
	}
	if in.Explore || in.Reset || in.ResetAll || in.NewSeed {
		g.aim = 0
	}
	if err := g.sim.Apply(in); err != nil {
		return err
	}
	g.sim.Update()
	g.sim.Work()
	if h := g.opt.Host; h != nil {
		h.Sync(g.sim)
	}
	return nil
}

// replace puts a new Sim in the window.
func (g *Game) replace(s *classroom.Sim) {
	g.sim.Close()
	g.sim, g.loadErr, g.aim, g.menu = s, "", 0, false
	ebiten.SetWindowTitle(Title(s.Scenario))
}

// Title is the window's title for a scenario.
func Title(sc *scenario.Scenario) string { return "Commonwealth — " + sc.Name }

// open replaces the scenario with a built-in one.
func (g *Game) open(name string) error {
	sc, err := scenario.Load("embedded:"+name, nil)
	if err != nil {
		return err
	}
	g.tx().Translate(sc)
	s, err := classroom.NewSim(sc)
	if err != nil {
		return err
	}
	s.Speed = g.sim.Speed
	g.watcher = nil
	g.replace(s)
	return nil
}

// readyFrames is how many drawn frames the page is told of.
const readyFrames = 30

// Draw draws the current state; in screenshot and slides modes it also
// saves the frame.
func (g *Game) Draw(screen *ebiten.Image) {
	g.frame++
	g.drawFrame(screen)
	if g.frame <= readyFrames {
		signalDrawn(g.frame)
	}
	if g.opt.Screenshot != "" && g.frame >= g.opt.Frames && !g.shot {
		g.shot = true
		g.save(screen, g.opt.Screenshot)
	}
	if sl := g.slides; sl != nil && sl.ready {
		if sl.save {
			g.save(screen, filepath.Join(g.opt.Slides, SlideNames(g.sim.Scenario)[sl.stage]))
		}
		sl.taken()
		if sl.stage > sl.goal {
			g.shot, g.slides = sl.save, nil
			signalStage(g.sim)
		}
	}
}

// save writes the screen to a PNG file.
func (g *Game) save(screen *ebiten.Image, path string) {
	img := image.NewRGBA(screen.Bounds())
	screen.ReadPixels(img.Pix)
	var b bytes.Buffer
	err := png.Encode(&b, img)
	if err == nil {
		err = renameio.WriteFile(path, b.Bytes(), 0o644)
	}
	if err != nil {
		g.err = errors.Join(errors.New("screenshot"), err)
	}
}

// Layout makes the screen as many pixels as the window has, so larger
// screens get sharper type; screenshots and slides take their set size.
func (g *Game) Layout(w, h int) (int, int) {
	if g.opt.Width > 0 {
		return g.opt.Width, g.opt.Height
	}
	s := ebiten.Monitor().DeviceScaleFactor()
	return max(1, int(float64(w)*s)), max(1, int(float64(h)*s))
}

// SlideNames returns the files --slides writes for a scenario.
func SlideNames(sc *scenario.Scenario) []string {
	var out []string
	for i, st := range classroom.Stages {
		out = append(out, fmt.Sprintf("%s-%d-%s.png", sc.Name, i+1, st))
	}
	return out
}

// FreeSlides checks that the slides would replace no file.
func FreeSlides(dir string, sc *scenario.Scenario) error {
	for _, n := range SlideNames(sc) {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return fmt.Errorf("%s already exists: slides replace no file; choose an empty folder or remove it", filepath.Join(dir, n))
		}
	}
	return nil
}
