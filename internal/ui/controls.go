package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// hit is a place on the screen and what a click there does.
type hit struct {
	r       rect
	intent  classroom.Intent
	do      func(g *Game) error // a window action, or nil
	slider  *slider             // a slider's track, or nil
	inspect bool                // a press on nothing else: pick the person there, or nobody
	px, py  float32             // where the press was
	x       float32             // where along r the pointer is, 0..1
}

// at registers what a click inside r does.
func (g *Game) at(r rect, h hit) {
	h.r = r
	g.hits = append(g.hits, h)
}

// act carries out a click: an intent for the Sim goes into in.
func (g *Game) act(h hit, in *classroom.Intent) error {
	switch {
	case h.slider != nil:
		in.Set = h.slider.set(g, float64(h.x))
	case h.do != nil:
		return h.do(g)
	case h.inspect:
		arm, person, ok := g.personAt(h.px, h.py)
		if !ok {
			arm, person = -1, -1
		}
		in.Inspect = &classroom.Pick{Arm: arm, Person: person}
	default:
		*in = in.Or(h.intent)
	}
	return nil
}

// button is a control of the top bar.
type button struct {
	label string
	hit   hit
}

// buttons returns the top bar's controls for the current mode.
func (g *Game) buttons() []button {
	s := g.sim
	play := "Play"
	if !s.Paused {
		play = "Pause"
	}
	intent := func(in classroom.Intent) hit { return hit{intent: in} }
	menu := button{"Menu", hit{do: func(g *Game) error { g.menu = !g.menu; return nil }}}
	full := button{"Full", hit{do: func(*Game) error { ebiten.SetFullscreen(!ebiten.IsFullscreen()); return nil }}}
	if l := s.Lesson; l != nil {
		bs := []button{{"Explore", intent(classroom.Intent{Explore: true})}, menu}
		switch l.Stage {
		case classroom.StageTitle, classroom.StagePredict:
			return append([]button{{"Next", intent(classroom.Intent{Next: true})}}, bs...)
		case classroom.StageWatch:
			return append([]button{{play, intent(classroom.Intent{TogglePause: true})},
				{"Slower", intent(classroom.Intent{Slower: true})}, {"Faster", intent(classroom.Intent{Faster: true})},
				{"Answer", intent(classroom.Intent{Next: true})}}, bs...)
		}
		return append([]button{{"Again", intent(classroom.Intent{Reset: true})}}, bs...)
	}
	bs := []button{
		{play, intent(classroom.Intent{TogglePause: true})},
		{"Step", intent(classroom.Intent{Step: true})},
		{"Slower", intent(classroom.Intent{Slower: true})},
		{"Faster", intent(classroom.Intent{Faster: true})},
		{"Reset", intent(classroom.Intent{Reset: true})},
		{"New seed", intent(classroom.Intent{NewSeed: true})},
		{"Sliders", intent(classroom.Intent{Sliders: true})},
	}
	if s.Scenario.Lesson != nil {
		bs = append(bs, button{"Lesson", intent(classroom.Intent{Explore: true})})
	}
	return append(bs, menu, full, button{"Help", intent(classroom.Intent{ToggleHelp: true})})
}

// drawButtons draws the top bar's controls from the right edge and returns
// the left edge of the first.
func (g *Game) drawButtons(size float64) float32 {
	c := &g.c
	bs := g.buttons()
	x := c.W - 8
	pad := float32(size * 0.6)
	h := float32(size*lineHeight) + 8
	for i := len(bs) - 1; i >= 0; i-- {
		w, _ := c.measure(bs[i].label, regular, size)
		r := rect{x - float32(w) - 2*pad, 6, float32(w) + 2*pad, h}
		c.rect(r, buttonFill)
		c.text(bs[i].label, regular, size, r.x+r.w/2, r.y+4, ink, text.AlignCenter)
		g.at(r, bs[i].hit)
		x = r.x - 6
	}
	return x
}

// slider is one live key on the parameters panel.
type slider struct {
	words sliderWord
	key   *scenario.Key
	lo    float64
	hi    float64
}

// set returns the setting at f (0..1) along the track, for the arm the
// sliders aim at.
func (s *slider) set(g *Game, f float64) *classroom.Setting {
	v := s.lo + min(max(f, 0), 1)*(s.hi-s.lo)
	value := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if s.key.Kind == scenario.Int {
		value = strconv.Itoa(int(math.Round(v)))
	}
	st := &classroom.Setting{Key: s.key.Path, Value: value}
	if g.aim > 0 && g.aim <= len(g.sim.Arms) {
		st.Arm = g.sim.Arms[g.aim-1].Name
	}
	return st
}

// sliders returns the sliders of the running world's model.
func sliders(s scenario.Settings) []slider {
	set := s.Model
	if s.AI.Enabled {
		set = "ai"
	}
	var out []slider
	for _, w := range sliderKeys[set] {
		i := slices.IndexFunc(scenario.LiveKeys(), func(k *scenario.Key) bool { return k.Path == w.key })
		k := scenario.LiveKeys()[i]
		hi := k.Max
		if w.hi > 0 {
			hi = w.hi
		}
		out = append(out, slider{words: w, key: k, lo: k.Min, hi: hi})
	}
	return out
}

// sliderValue reads a key's current value from settings.
func sliderValue(k *scenario.Key, s scenario.Settings) float64 {
	v, _ := strconv.ParseFloat(fmt.Sprint(scenario.Values(s)[k.Path]), 64)
	return v
}

// drawSliders draws the parameters panel: which arm the sliders change
// (a click cycles through every arm and each one), then a slider a key.
func (g *Game) drawSliders(size float64) {
	c := &g.c
	arm := g.sim.Arms[0]
	if g.aim > 0 && g.aim <= len(g.sim.Arms) {
		arm = g.sim.Arms[g.aim-1]
	}
	ss := sliders(arm.Settings)
	w := min(480, c.W/2)
	target := "every arm"
	col := color.RGBA{0xff, 0xff, 0xff, 0xff}
	if g.aim > 0 {
		target, col = arm.Name, g.armColor(g.aim-1)
	}
	head := c.wrap("Sliders change: "+target+" (click here for another arm)", bold, size, w-30)
	_, hh := c.measure(head, bold, size)
	labels := make([]string, len(ss))
	total := float32(hh) + 30
	for i := range ss {
		v := sliderValue(ss[i].key, arm.Settings)
		labels[i] = c.wrap(fmt.Sprintf("%s: %s", ss[i].words.label, strconv.FormatFloat(v, 'g', 4, 64)), regular, size, w-30)
		_, lh := c.measure(labels[i], regular, size)
		total += float32(lh) + 30
	}
	box := rect{c.W - w - 10, c.H - total - 10, w, total} // over the charts: the worlds stay in view
	c.rect(box, overlayFill)
	r := c.text(head, bold, size, box.x+15, box.y+10, col, text.AlignStart)
	g.at(rect{box.x, box.y, box.w, r.h + 10}, hit{do: func(g *Game) error { g.aim = (g.aim + 1) % (len(g.sim.Arms) + 1); return nil }})
	y := r.y + r.h + 20
	for i := range ss {
		s := &ss[i]
		v := sliderValue(s.key, arm.Settings)
		lr := c.text(labels[i], regular, size, box.x+15, y, color.White, text.AlignStart)
		track := rect{box.x + 15, lr.y + lr.h + 6, box.w - 30, 10}
		f := min(max(float32((v-s.lo)/(s.hi-s.lo)), 0), 1)
		c.rect(track, color.RGBA{0x90, 0x90, 0x90, 0xff})
		c.rect(rect{track.x, track.y, track.w * f, track.h}, col)
		c.rect(rect{track.x + track.w*f - 4, track.y - 6, 8, track.h + 12}, color.RGBA{0xff, 0xff, 0xff, 0xff})
		g.at(rect{track.x, track.y - 10, track.w, track.h + 20}, hit{slider: s})
		y = track.y + track.h + 14
	}
}
