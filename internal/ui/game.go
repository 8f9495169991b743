package ui

import (
	"bytes"
	"errors"
	"image"
	"image/png"

	"github.com/google/renameio/v2"
	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// Screen size in logical pixels; the window scales it.
const (
	ScreenW = 1280
	ScreenH = 720
)

// Options are how the window runs.
type Options struct {
	Screenshot string // write the screen to this PNG file after Frames frames, then quit
	Frames     int
	Watch      string // reload the scenario from this file when it changes, or ""
}

// Game is the ebiten adapter over a classroom.Sim: Update turns keys into
// intents and steps the worlds; Draw only reads.
type Game struct {
	sim   *classroom.Sim
	opt   Options
	frame int // frames drawn
	ticks int // updates run
	shot  bool
	err   error

	mesh     mesh      // the layer being drawn
	pictures []picture // each arm's people, kept between frames
	arr      []classroom.Arrangement
	chart    []float32 // reused polyline buffer
	watcher  *classroom.Watcher
	loadErr  string // why the edited scenario could not be loaded, or ""
}

// New returns the window's game for sim.
func New(sim *classroom.Sim, opt Options) *Game {
	g := &Game{sim: sim, opt: opt}
	if opt.Watch != "" {
		g.watcher = classroom.NewWatcher(opt.Watch)
	}
	return g
}

// pollEvery is how many updates pass between checks of the scenario file.
const pollEvery = 30

// Update advances the game by one tick.
func (g *Game) Update() error {
	if g.shot || g.err != nil {
		if g.err != nil {
			return g.err
		}
		return ebiten.Termination
	}
	g.ticks++
	if g.watcher != nil && g.ticks%pollEvery == 0 {
		switch s, err := g.watcher.Poll(g.sim); {
		case err != nil:
			g.loadErr = err.Error()
		case s != nil:
			g.sim, g.loadErr = s, ""
		}
	}
	click, action := g.mouseIntent()
	if fullScreenPressed() || action == actFullScreen {
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	}
	if action == actNextScenario {
		if err := g.nextScenario(); err != nil {
			return err
		}
	}
	if err := g.sim.Apply(readIntent().Or(click)); err != nil {
		return err
	}
	g.sim.Update()
	return nil
}

// nextScenario replaces the scenario with the next built-in one.
func (g *Game) nextScenario() error {
	sc, err := scenario.Load(classroom.NextScenario(g.sim.Scenario.Name), nil)
	if err != nil {
		return err
	}
	s, err := classroom.NewSim(sc)
	if err != nil {
		return err
	}
	g.sim, g.watcher, g.loadErr = s, nil, ""
	return nil
}

// readyFrames is how many drawn frames the page is told of.
const readyFrames = 30

// Draw draws the current state; in screenshot mode it also saves the frame.
func (g *Game) Draw(screen *ebiten.Image) {
	g.frame++
	g.drawFrame(screen)
	if g.frame <= readyFrames {
		signalDrawn(g.frame)
	}
	if g.opt.Screenshot != "" && g.frame >= g.opt.Frames && !g.shot {
		g.shot = true
		img := image.NewRGBA(screen.Bounds())
		screen.ReadPixels(img.Pix)
		var b bytes.Buffer
		err := png.Encode(&b, img)
		if err == nil {
			err = renameio.WriteFile(g.opt.Screenshot, b.Bytes(), 0o644)
		}
		if err != nil {
			g.err = errors.Join(errors.New("screenshot"), err)
		}
	}
}

// Layout fixes the logical screen size.
func (g *Game) Layout(int, int) (int, int) { return ScreenW, ScreenH }
