package ui

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
)

// Colours. The arms take the plots' Okabe–Ito palette, in the order they
// are shown; the classes are shades of grey, so that no class is mistaken
// for a world.
var (
	background  = color.RGBA{0xfa, 0xfa, 0xf7, 0xff}
	ink         = color.RGBA{0x20, 0x20, 0x20, 0xff}
	muted       = color.RGBA{0x60, 0x60, 0x60, 0xff}
	faint       = color.RGBA{0xd8, 0xd8, 0xd0, 0xff}
	panelFill   = color.RGBA{0xff, 0xff, 0xff, 0xff}
	buttonFill  = color.RGBA{0xe8, 0xe8, 0xe2, 0xff}
	overlayFill = color.RGBA{0x20, 0x20, 0x20, 0xff}
	highlight   = color.RGBA{0xff, 0xd0, 0x80, 0xff}
	armColors   = []color.RGBA{{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0x00, 0x9E, 0x73, 0xff},
		{0xCC, 0x79, 0xA7, 0xff}, {0xE6, 0x9F, 0x00, 0xff}, {0x56, 0xB4, 0xE9, 0xff}}
	classColor = [...]color.RGBA{
		agents.Capitalist: {0x30, 0x30, 0x30, 0xff},
		agents.Worker:     {0x98, 0x98, 0x98, 0xff},
		agents.Unemployed: {0xd4, 0xd4, 0xd4, 0xff},
	}
)

func (g *Game) armColor(i int) color.RGBA { return ArmColor(i) }

// ArmColor is the colour of the i'th arm shown.
func ArmColor(i int) color.RGBA { return armColors[i%len(armColors)] }

// Type sizes, in design units: in a lesson everything the class reads is
// at least lessonText; exploring, the teacher's screen holds more.
const (
	lessonText  = 28
	exploreText = 16
	topBarH     = 56
)

// size is the body text size of the current mode.
func (g *Game) size() float64 {
	if g.sim.Lesson != nil {
		return lessonText
	}
	return exploreText
}

// least is the smallest a text may be shrunk to fit.
func (g *Game) least() float64 {
	if g.sim.Lesson != nil {
		return lessonText
	}
	return 12
}

func (g *Game) drawFrame(screen *ebiten.Image) {
	c := &g.c
	c.begin(screen)
	screen.Fill(background)
	g.hits = g.hits[:0]
	if h := g.opt.Host; h != nil {
		g.view = h.View()
	}
	switch l := g.sim.Lesson; {
	case l != nil && l.Stage == classroom.StageTitle:
		g.drawTitle()
	case l != nil && l.Stage == classroom.StagePredict:
		g.drawPredict()
	default:
		g.drawWorlds()
	}
	g.drawTopBar()
	if l := g.sim.Lesson; l != nil && l.Stage == classroom.StageReveal {
		c.over()
		g.drawReveal()
	}
	if b := g.sim.Ballot; b != nil && g.opt.Host != nil {
		c.over()
		g.drawBallot(b.Vote, g.view, g.size())
	}
	if g.sim.Round != nil && g.opt.Host != nil && g.view.Round != "" {
		c.over()
		g.drawNotice(g.view.Round+" Space or Enter closes it as it stands.", g.size())
	}
	if g.roll != rollHidden && g.opt.Host != nil {
		c.over()
		g.drawRoll(g.view, g.size())
	}
	g.drawOverlays()
	c.flush()
}

// speedWords says how fast the worlds run, at 60 frames a second.
func speedWords(months float64) string {
	if months < 0.25 {
		return fmt.Sprintf("a year every %.0f s", 12/months/60)
	}
	return fmt.Sprintf("%g months a frame", months)
}

// drawTopBar draws the year and the scenario's name, then the controls.
func (g *Game) drawTopBar() {
	c, s := &g.c, g.sim
	size := g.size()
	left := g.drawButtons(size)
	m := s.Month()
	when := fmt.Sprintf("Year %d of %d", m/12, s.Scenario.Run().Months/12)
	if s.Lesson == nil {
		state := speedWords(classroom.Speeds[s.Speed])
		if s.Paused {
			state = "paused"
		}
		when += " · " + state
	}
	name := s.Scenario.Name
	if l := s.Lesson; l != nil && l.Stage < classroom.StageWatch {
		when = "" // the worlds have not started
	} else if name != "" {
		name = when + " · " + name
	}
	for _, t := range []string{name, when} { // the longest that fits
		if w, _ := c.measure(t, bold, size); t != "" && float32(w) <= left-20 {
			c.text(t, bold, size, 12, 10, ink, text.AlignStart)
			break
		}
	}
}

// worlds is where the running worlds are drawn.
type worlds struct {
	panels  []rect
	caption rect // the last event's caption
	legend  rect
	charts  rect
}

// layoutWorlds divides the screen under the top bar: the panels, a line
// for the last event, the legend, and the charts.
func (g *Game) layoutWorlds(lh, caption float32) worlds {
	c := &g.c
	size := g.size()
	chartsH := max(c.H*0.32, float32(4*size*lineHeight))
	top := float32(topBarH)
	var w worlds
	w.charts = rect{5, c.H - chartsH - 5, c.W - 10, chartsH}
	w.legend = rect{12, w.charts.y - float32(lh) - 4, c.W - 24, float32(lh)}
	w.caption = rect{12, w.legend.y - caption - 4, c.W - 24, caption}
	panelsH := w.caption.y - top - 6
	n := len(g.sim.Arms)
	cols, rows := n, 1
	if n == 4 || n > 5 {
		cols, rows = (n+1)/2, 2
	}
	pw, ph := (c.W-10)/float32(cols), panelsH/float32(rows)
	for i := range n {
		w.panels = append(w.panels, rect{5 + float32(i%cols)*pw, top + float32(i/cols)*ph, pw - 5, ph - 5})
	}
	return w
}

// mark is a word of a legend, with the square of colour before it, if any.
type mark struct {
	word string
	col  *color.RGBA
}

// legend says what the lines and the marks mean, word by word.
func (g *Game) legend() []mark {
	var ms []mark
	say := func(s string) {
		for _, w := range strings.Fields(s) {
			ms = append(ms, mark{word: w})
		}
	}
	square := func(name string, col color.RGBA) {
		ms = append(ms, mark{word: name, col: &col})
	}
	say("Lines:")
	for i, st := range g.sim.Arms {
		name := st.Name + ","
		if i == len(g.sim.Arms)-1 {
			name = st.Name
			if g.sim.Lesson == nil {
				name += "."
			}
		}
		square(name, g.armColor(i))
	}
	if g.sim.Lesson != nil {
		say("(each year's mean).")
	}
	per := g.crowdPer()
	switch {
	case g.sim.Arms[0].Snap.Classes:
		say("People:")
		square("capitalists,", classColor[agents.Capitalist])
		square("workers,", classColor[agents.Worker])
		square("unemployed;", classColor[agents.Unemployed])
		if per > 1 {
			say(fmt.Sprintf("size is wealth; each mark is %d people, by class and wealth.", per))
		} else {
			say("size is wealth.")
		}
	case per > 1:
		say(fmt.Sprintf("People: each mark is %d people, richest first; size is wealth.", per))
	}
	if g.sim.Arms[0].Snap.AI != nil {
		say("Under them: their community's data centres and burden (bar).")
	}
	return ms
}

// flow lays the legend's words out in r's width from its top, wrapping,
// and returns the height; with draw false it only measures. Words between
// squares go out as one text, since each text is a draw of its own.
func (g *Game) flow(ms []mark, r rect, size float64, draw bool) float32 {
	c := &g.c
	line := float32(size * lineHeight)
	sw, _ := c.measure(" ", regular, size)
	space := float32(sw)
	sq := float32(size) * 0.6
	x, y := r.x, r.y
	run, runX := "", r.x // the words not yet drawn, and where they start
	flush := func() {
		if draw && run != "" {
			c.text(run, regular, size, runX, y, ink, text.AlignStart)
		}
		run = ""
	}
	for _, m := range ms {
		w, _ := c.measure(m.word, regular, size)
		width := float32(w)
		if m.col != nil {
			width += sq + space
		}
		if x > r.x && x+width > r.x+r.w {
			flush()
			x, y = r.x, y+line
		}
		at := x
		if m.col != nil {
			flush()
			if draw {
				c.rect(rect{x, y + (line-sq)/2, sq, sq}, *m.col)
			}
			at += sq + space
		}
		if run == "" {
			run, runX = m.word, at
		} else {
			run += " " + m.word
		}
		x += width + space
	}
	flush()
	return y + line - r.y
}

// drawWorlds draws the running worlds: a panel an arm, the last event's
// caption, the legend and the charts.
func (g *Game) drawWorlds() {
	c := &g.c
	size := g.size()
	legend := g.legend()
	s := g.sim
	caption, col := "", ink
	switch {
	case s.Caption != "" && s.Month()-s.CaptionFrom < captionMonths:
		caption = c.wrap(fmt.Sprintf("Year %d: %s", s.CaptionFrom/12, s.Caption), bold, size, c.W-24)
	case g.inviting():
		caption, col = c.wrap(classLine(g.tx(), g.view, s.Ballot != nil), bold, size, c.W-24), muted
	}
	_, ch := c.measure(caption, bold, size)
	if caption == "" {
		ch = size * lineHeight // kept, so the panels do not jump when a caption comes
	}
	w := g.layoutWorlds(g.flow(legend, rect{12, 0, c.W - 24, 0}, size, false), float32(ch))
	g.at(rect{0, 0, c.W, c.H}, hit{inspect: true})
	for i, st := range g.sim.Arms {
		g.drawPanel(i, st, w.panels[i])
	}
	if caption != "" {
		c.text(caption, bold, size, w.caption.x, w.caption.y, col, text.AlignStart)
	}
	g.flow(legend, w.legend, size, true)
	g.drawCharts(w.charts)
}

// captionMonths is how long an event's caption stays on screen.
const captionMonths = 36

var helpText = `Keys (or the buttons above)
Space     play / pause (in a lesson: go on)
1 2 3     the class's answer
A         the answer over many worlds
→         one month, then pause
+ / −     faster / slower (also ↑ / ↓)
R         start again (Shift+R: forget the sliders)
N         start again with the next seed
W         watch a typical world / a surprising one
S         sliders       E  lesson / explore
M         scenarios     F  full screen
H or ?    this help
Click a person to follow their money.
With a class on phones:
P         ring their people
J         lock joining (Shift+J: empty the roll)
U         the phones share one router (no limit per address)
K         the roll (Shift+K: with nicknames);
          a seat's number, then Delete: remove that student`

// drawOverlays draws what lies over the worlds: the inspected person, the
// sliders, the help, the menu, a refused slider change and a scenario file
// that will not load.
func (g *Game) drawOverlays() {
	c, s := &g.c, g.sim
	size := g.size()
	if sel := s.Selected; sel != nil && (s.Lesson == nil || s.Lesson.Stage == classroom.StageWatch) {
		c.over()
		g.drawInspection(sel, size)
	}
	if s.Sliders {
		c.over()
		g.drawSliders(size)
	}
	if s.Help {
		c.over()
		t := helpText // short lines, their columns kept
		w, h := c.measure(t, regular, size)
		r := rect{c.W/2 - float32(w)/2 - 30, topBarH + 10, float32(w) + 60, float32(h) + 40}
		c.rect(r, overlayFill)
		c.text(t, regular, size, r.x+30, r.y+20, color.White, text.AlignStart)
	}
	if g.menu {
		c.over()
		g.drawMenu(size)
	}
	if s.Notice != "" {
		c.over()
		t := c.wrap(s.Notice, bold, size, c.W-80)
		_, h := c.measure(t, bold, size)
		r := rect{30, c.H - float32(h) - 40, c.W - 60, float32(h) + 20}
		c.rect(r, color.RGBA{0xb0, 0x20, 0x00, 0xf0})
		c.text(t, bold, size, c.W/2, r.y+10, color.White, text.AlignCenter)
	}
	if g.loadErr != "" {
		c.over()
		t := c.wrap("The scenario file has problems; the last good one keeps running:\n\n"+g.loadErr, regular, exploreText, c.W-140)
		_, h := c.measure(t, regular, exploreText)
		r := rect{40, topBarH + 10, c.W - 80, min(float32(h)+40, c.H-topBarH-20)}
		c.rect(r, overlayFill)
		c.text(t, regular, exploreText, 70, r.y+20, color.RGBA{0xff, 0xb0, 0xa0, 0xff}, text.AlignStart)
	}
}

// drawInspection shows the clicked person: who they are and their money
// since the click.
func (g *Game) drawInspection(sel *classroom.Inspection, size float64) {
	c := &g.c
	st := g.sim.Arms[sel.Arm]
	who := fmt.Sprintf("%s: %s (person %d)", st.Name, classroom.PersonName(sel.Person), sel.Person)
	if st.Snap.Classes {
		who += ", " + agents.Class(st.Snap.ClassOf[sel.Person]).String()
	}
	top := int64(1)
	for _, m := range sel.Wealth {
		top = max(top, m)
	}
	t := fmt.Sprintf("%s\nmoney %d (most %d)", who, sel.Wealth[len(sel.Wealth)-1], top)
	w := min(c.W/2-20, 560)
	t = c.wrap(t, regular, size, w-20)
	_, h := c.measure(t, regular, size)
	r := rect{10, c.H - float32(h) - 100, w, float32(h) + 90} // over the charts: the worlds stay in view
	c.rect(r, overlayFill)
	c.text(t, regular, size, r.x+10, r.y+6, color.White, text.AlignStart)
	in := rect{r.x + 10, r.y + float32(h) + 14, r.w - 20, 66}
	g.series = g.series[:0]
	for k, m := range sel.Wealth {
		g.series = append(g.series, in.x+in.w*float32(k)/float32(max(len(sel.Wealth)-1, 1)), in.y+in.h*(1-float32(m)/float32(top)))
	}
	c.polyline(g.series, 2, highlight)
}
