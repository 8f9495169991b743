package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// button is an on-screen control: a label and the intent a click gives.
type button struct {
	label  func(s *classroom.Sim) string
	intent classroom.Intent
	action int // a window action (not an intent), or 0
}

// Window actions that are not the Sim's business.
const (
	noAction = iota
	actFullScreen
	actNextScenario
)

var buttons = []button{
	{label: func(s *classroom.Sim) string {
		if s.Paused {
			return "Play"
		}
		return "Pause"
	}, intent: classroom.Intent{TogglePause: true}},
	{label: fixed("Step →"), intent: classroom.Intent{Step: true}},
	{label: fixed("Slower"), intent: classroom.Intent{Slower: true}},
	{label: fixed("Faster"), intent: classroom.Intent{Faster: true}},
	{label: fixed("Reset"), intent: classroom.Intent{Reset: true}},
	{label: fixed("New seed"), intent: classroom.Intent{NewSeed: true}},
	{label: fixed("Sliders"), intent: classroom.Intent{Sliders: true}},
	{label: fixed("Scenario"), action: actNextScenario},
	{label: fixed("Large"), intent: classroom.Intent{Large: true}},
	{label: fixed("Full"), action: actFullScreen},
	{label: fixed("Help"), intent: classroom.Intent{ToggleHelp: true}},
}

func fixed(s string) func(*classroom.Sim) string { return func(*classroom.Sim) string { return s } }

// Geometry of the controls.
const (
	buttonW      = 64
	buttonH      = 30
	buttonsRight = ScreenW - 8
	buttonsTop   = 8
)

func buttonRect(i int) rect {
	x := float32(buttonsRight - (len(buttons)-i)*(buttonW+4))
	return rect{x, buttonsTop, buttonW, buttonH}
}

func (r rect) contains(x, y int) bool {
	fx, fy := float32(x), float32(y)
	return fx >= r.x && fx < r.x+r.w && fy >= r.y && fy < r.y+r.h
}

func (g *Game) drawButtons(screen *ebiten.Image) {
	for i := range buttons {
		r := buttonRect(i)
		g.mesh.rect(r.x, r.y, r.w, r.h, color.RGBA{0xe8, 0xe8, 0xe2, 0xff})
	}
	g.mesh.draw(screen)
	for i, b := range buttons {
		r := buttonRect(i)
		write(screen, b.label(g.sim), regular, 13, float64(r.x+r.w/2), float64(r.y)+7, ink, text.AlignCenter)
	}
}

// slider is one live key on the parameters panel.
type slider struct {
	key    *scenario.Key
	lo, hi float64
	r      rect // the track
}

// sliderKeys are the parameters the sliders offer, by model: the main
// levers of a lesson.
var sliderKeys = map[string][]string{
	economy.ModelExchange:   {"exchange.saving", "exchange.fraction", "exchange.redistribution", "exchange.advantage"},
	economy.ModelCapitalism: {"capitalism.wage_min", "capitalism.wage_max"},
	"ai":                    {"resistance.base", "data.dividend", "ai.productivity", "compute.price", "capitalism.wage_max"},
}

// sliderMax is the top of a slider for keys whose own range is open-ended.
var sliderMax = map[string]float64{
	"capitalism.wage_min": 200, "capitalism.wage_max": 200, "ai.productivity": 20, "compute.price": 20,
	"exchange.advantage": 1, "exchange.saving": 0.99,
}

// sliders returns the sliders of the running world's model.
func sliders(s scenario.Settings) []slider {
	set := s.Model
	if s.AI.Enabled {
		set = "ai"
	}
	var out []slider
	y := float32(panelsTop + 60)
	for _, k := range scenario.LiveKeys() {
		if !slices.Contains(sliderKeys[set], k.Path) {
			continue
		}
		hi := k.Max
		if m, ok := sliderMax[k.Path]; ok {
			hi = m
		}
		out = append(out, slider{key: k, lo: k.Min, hi: hi, r: rect{ScreenW - 420, y + 22, 380, 10}})
		y += 62
	}
	return out
}

// sliderValue reads a key's current value from settings.
func sliderValue(k *scenario.Key, s scenario.Settings) float64 {
	v, _ := strconv.ParseFloat(fmt.Sprint(scenario.Values(s)[k.Path]), 64)
	return v
}

func (g *Game) drawSliders(screen *ebiten.Image) {
	st := g.sim.Arms[0]
	ss := sliders(st.Settings)
	g.mesh.rect(ScreenW-440, panelsTop+10, 430, float32(40+62*len(ss)), color.RGBA{0x20, 0x20, 0x20, 0xee})
	for _, s := range ss {
		v := sliderValue(s.key, st.Settings)
		f := float32((v - s.lo) / (s.hi - s.lo))
		g.mesh.rect(s.r.x, s.r.y, s.r.w, s.r.h, color.RGBA{0x90, 0x90, 0x90, 0xff})
		g.mesh.rect(s.r.x, s.r.y, s.r.w*min(max(f, 0), 1), s.r.h, armColors[0])
		g.mesh.rect(s.r.x+s.r.w*min(max(f, 0), 1)-4, s.r.y-6, 8, s.r.h+12, color.RGBA{0xff, 0xff, 0xff, 0xff})
	}
	g.mesh.draw(screen)
	write(screen, "Parameters (every arm, from now on)", bold, 16, ScreenW-425, panelsTop+18, color.White, text.AlignStart)
	for _, s := range ss {
		write(screen, fmt.Sprintf("%s = %s", s.key.Path, fmt.Sprint(scenario.Values(st.Settings)[s.key.Path])),
			regular, 14, float64(s.r.x), float64(s.r.y)-20, color.White, text.AlignStart)
	}
}

// mouseIntent turns a click (or a drag on a slider) into an intent and a
// window action.
func (g *Game) mouseIntent() (classroom.Intent, int) {
	x, y := ebiten.CursorPosition()
	clicked := inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	if g.sim.Sliders && ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		for _, s := range sliders(g.sim.Arms[0].Settings) {
			hit := s.r
			hit.y, hit.h = hit.y-10, hit.h+20
			if hit.contains(x, y) {
				f := float64((float32(x) - s.r.x) / s.r.w)
				v := s.lo + f*(s.hi-s.lo)
				text := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
				if s.key.Kind == scenario.Int {
					text = strconv.Itoa(int(math.Round(v)))
				}
				return classroom.Intent{Set: &classroom.Setting{Key: s.key.Path, Value: text}}, noAction
			}
		}
	}
	if !clicked {
		return classroom.Intent{}, noAction
	}
	for i, b := range buttons {
		if buttonRect(i).contains(x, y) {
			return b.intent, b.action
		}
	}
	if arm, person, ok := g.personAt(x, y); ok {
		return classroom.Intent{Inspect: &classroom.Pick{Arm: arm, Person: person}}, noAction
	}
	return classroom.Intent{Inspect: &classroom.Pick{Arm: -1, Person: -1}}, noAction
}

// personAt finds the person drawn at (x, y).
func (g *Game) personAt(x, y int) (arm, person int, ok bool) {
	for i, st := range g.sim.Arms {
		r := peopleRect(panelRect(i, len(g.sim.Arms)), st)
		if !r.contains(x, y) || i >= len(g.arr) {
			continue
		}
		order := g.arr[i].Arrange(&st.Snap)
		cell, cols := classroom.Grid(r.w, r.h, len(order))
		col, row := int((float32(x)-r.x)/cell), int((float32(y)-r.y)/cell)
		if k := row*cols + col; col < cols && k < len(order) {
			return i, int(order[k]), true
		}
	}
	return 0, 0, false
}
