package ui

import (
	"errors"
	"image"
	"image/png"
	"io"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/batch"
	"commonwealth/internal/classroom"
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
}

// Game is the ebiten adapter over a classroom.Sim: Update turns keys into
// intents and steps the worlds; Draw only reads.
type Game struct {
	sim   *classroom.Sim
	opt   Options
	frame int
	shot  bool
	err   error

	mesh  mesh
	arr   []classroom.Arrangement
	chart []float32 // reused polyline buffer
}

// New returns the window's game for sim.
func New(sim *classroom.Sim, opt Options) *Game {
	return &Game{sim: sim, opt: opt}
}

// Update advances the game by one tick.
func (g *Game) Update() error {
	if g.shot || g.err != nil {
		if g.err != nil {
			return g.err
		}
		return ebiten.Termination
	}
	if fullScreenPressed() {
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	}
	if err := g.sim.Apply(readIntent()); err != nil {
		return err
	}
	g.sim.Update()
	return nil
}

// Draw draws the current state; in screenshot mode it also saves the frame.
func (g *Game) Draw(screen *ebiten.Image) {
	g.frame++
	g.drawFrame(screen)
	if g.opt.Screenshot != "" && g.frame >= g.opt.Frames && !g.shot {
		g.shot = true
		img := image.NewRGBA(screen.Bounds())
		screen.ReadPixels(img.Pix)
		if err := batch.WriteFile(g.opt.Screenshot, func(w io.Writer) error { return png.Encode(w, img) }); err != nil {
			g.err = errors.Join(errors.New("screenshot"), err)
		}
	}
}

// Layout fixes the logical screen size.
func (g *Game) Layout(int, int) (int, int) { return ScreenW, ScreenH }
