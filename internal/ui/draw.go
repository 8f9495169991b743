package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"slices"
	"strings"

	"commonwealth/internal/agents"
	"commonwealth/internal/classroom"
	"commonwealth/internal/metrics"
)

// Colours: the arms take the plots' Okabe–Ito palette (and so do their people
// in models without classes); classes have their own.
var (
	background = color.RGBA{0xfa, 0xfa, 0xf7, 0xff}
	ink        = color.RGBA{0x20, 0x20, 0x20, 0xff}
	faint      = color.RGBA{0xd8, 0xd8, 0xd0, 0xff}
	panelFill  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	armColors  = []color.RGBA{{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0x00, 0x9E, 0x73, 0xff}, {0xCC, 0x79, 0xA7, 0xff}}
	classColor = [...]color.RGBA{
		agents.Capitalist: {0xD5, 0x5E, 0x00, 0xff},
		agents.Worker:     {0x00, 0x72, 0xB2, 0xff},
		agents.Unemployed: {0xa0, 0xa0, 0xa0, 0xff},
	}
)

// Regions of the screen.
const (
	topBar     = 46
	panelsTop  = 52
	panelsH    = 420
	chartsTop  = panelsTop + panelsH + 10
	chartsH    = ScreenH - chartsTop - 10
	panelHead  = 78
	panelInset = 10
)

func (g *Game) drawFrame(screen *ebiten.Image) {
	screen.Fill(background)
	s := g.sim
	g.drawTopBar(screen)
	n := len(s.Arms)
	if len(g.arr) != n {
		g.arr = make([]classroom.Arrangement, n)
	}
	for i, st := range s.Arms {
		g.drawPanel(screen, i, st, panelRect(i, n))
	}
	g.drawCharts(screen)
	g.drawOverlays(screen)
}

// panelRect is where arm i of n is drawn: side by side up to three, in a
// two-by-two grid for four.
func panelRect(i, n int) rect {
	if n == 4 {
		w, h := float32(ScreenW-10)/2, float32(panelsH)/2
		return rect{5 + float32(i%2)*w, panelsTop + float32(i/2)*h, w - 5, h - 5}
	}
	w := float32(ScreenW-10) / float32(n)
	return rect{5 + float32(i)*w, panelsTop, w - 5, panelsH}
}

// peopleRect is the part of a panel the people are drawn in; with
// automation the communities' strip takes the bottom.
func peopleRect(r rect, st *classroom.ArmState) rect {
	h := r.h - panelHead - panelInset
	if st.Snap.AI != nil {
		h -= communityStrip
	}
	return rect{r.x + panelInset, r.y + panelHead, r.w - 2*panelInset, h}
}

// communityStrip is the height of the communities' strip.
const communityStrip = 34

// drawCommunities draws each community under the people: its data centres
// (dark squares ready, outlined being built) and the burden on each of its
// people, the poorest community marked.
func (g *Game) drawCommunities(screen *ebiten.Image, st *classroom.ArmState, r rect) {
	cs := st.Snap.AI.Communities
	w := r.w / float32(len(cs))
	poorest := 0
	for c := range cs {
		if cs[c].Wealth < cs[poorest].Wealth {
			poorest = c
		}
	}
	for c, cm := range cs {
		x := r.x + float32(c)*w
		fill := color.RGBA{0xee, 0xee, 0xe8, 0xff}
		if c == poorest {
			fill = color.RGBA{0xf6, 0xe0, 0xd0, 0xff}
		}
		g.mesh.rect(x+1, r.y, w-2, communityStrip-4, fill)
		for k := range cm.Datacenters + cm.Building {
			col := color.RGBA{0x30, 0x30, 0x30, 0xff}
			if k >= cm.Datacenters {
				col = color.RGBA{0x90, 0x90, 0x90, 0xff}
			}
			g.mesh.rect(x+4+float32(k%12)*9, r.y+4, 7, 7, col)
		}
	}
	g.mesh.draw(screen)
	for c, cm := range cs {
		label := fmt.Sprintf("community %d · burden %.3f", c+1, cm.Burden)
		if len(cs) > 3 {
			label = fmt.Sprintf("c%d · %.3f", c+1, cm.Burden)
		}
		write(screen, label, regular, 11, float64(r.x+float32(c)*w+4), float64(r.y)+14, ink, text.AlignStart)
	}
}

// rect is a screen rectangle.
type rect struct{ x, y, w, h float32 }

func (g *Game) drawTopBar(screen *ebiten.Image) {
	s := g.sim
	m := s.Month()
	state := fmt.Sprintf("%g mo/frame", classroom.Speeds[s.Speed])
	if s.Paused {
		state = "paused"
	}
	write(screen, fmt.Sprintf("%s · year %d of %d · %s", s.Scenario.Name, m/12, s.Scenario.Run().Months/12, state),
		bold, 17, 12, 12, ink, text.AlignStart)
	g.drawButtons(screen)
}

// size scales a type size up in presenter mode.
func (g *Game) size(pt float64) float64 {
	if g.sim.Large {
		return pt * 1.4
	}
	return pt
}

// drawPanel draws one arm: its name, its Gini in large type, and its people.
func (g *Game) drawPanel(screen *ebiten.Image, i int, st *classroom.ArmState, r rect) {
	g.mesh.rect(r.x, r.y, r.w, r.h, panelFill)
	g.mesh.rect(r.x, r.y, r.w, 4, armColors[i%len(armColors)])
	g.mesh.draw(screen)
	x, y := float64(r.x), float64(r.y)
	write(screen, st.Name, bold, g.size(26), x+panelInset, y+10, armColors[i%len(armColors)], text.AlignStart)
	write(screen, fmt.Sprintf("Gini %.2f", st.Value("gini_wealth")), bold, g.size(40), x+float64(r.w)-panelInset, y+4, ink, text.AlignEnd)
	sub := fmt.Sprintf("richest 10%% hold %.0f%% · poorest half %.0f%%", 100*st.Value("top10_share"), 100*st.Value("bottom50_share"))
	if st.Snap.Classes {
		sub = fmt.Sprintf("capitalists %.0f%% · workers %.0f%% · unemployed %.0f%% · wage share %.2f",
			100*st.Value("capitalists_share"), 100*st.Value("workers_share"), 100*st.Value("unemployed_share"), st.Value("wage_share"))
	}
	if !g.sim.Large {
		write(screen, sub, regular, 16, x+panelInset, y+50, ink, text.AlignStart)
	}
	pr := peopleRect(r, st)
	g.drawPeople(screen, i, st, pr)
	if st.Snap.AI != nil {
		g.drawCommunities(screen, st, rect{pr.x, pr.y + pr.h + 2, pr.w, communityStrip})
	}
}

// drawPeople draws a square per person, arranged by class (each capitalist
// followed by their workers, the unemployed last), coloured by class and
// sized by wealth: a person with four times the mean fills the cell.
func (g *Game) drawPeople(screen *ebiten.Image, i int, st *classroom.ArmState, r rect) {
	pic := g.buildPeople(i, st, r)
	for k := range pic.used {
		pic.meshes[k].drawKeep(screen)
	}
}

// picture is the geometry of one arm's people, kept until the month, the
// seed or the place it was built for changes: the snapshot it shows changes
// once a month, and below a month a frame most frames only draw it.
type picture struct {
	month  int
	seed   uint64
	at     rect
	meshes []mesh // as many as the vertices need; the first used are current
	used   int
}

// next returns the picture's next mesh, emptied.
func (p *picture) next() *mesh {
	if p.used == len(p.meshes) {
		p.meshes = append(p.meshes, mesh{})
	}
	m := &p.meshes[p.used]
	m.reset()
	p.used++
	return m
}

// buildPeople makes arm i's picture current and returns it.
func (g *Game) buildPeople(i int, st *classroom.ArmState, r rect) *picture {
	for len(g.pictures) <= i {
		g.pictures = append(g.pictures, picture{month: -1})
	}
	pic := &g.pictures[i]
	if pic.month == st.World.Month() && pic.seed == g.sim.Seed && pic.at == r {
		return pic
	}
	pic.month, pic.seed, pic.at, pic.used = st.World.Month(), g.sim.Seed, r, 0
	order := g.arr[i].Arrange(&st.Snap)
	cell, cols := classroom.Grid(r.w, r.h, len(order))
	mean := float32(st.World.Params().StartWealth)
	m := pic.next()
	for k, p := range order {
		if m.full() {
			m = pic.next()
		}
		c := armColors[i%len(armColors)]
		if st.Snap.Classes {
			c = classColor[agents.Class(st.Snap.ClassOf[p])]
		}
		side := cell * 0.9 * min(1, 0.2+0.8*sqrt32(float32(st.Snap.Wealth[p])/max(4*mean, 1)))
		cx := r.x + (float32(k%cols)+0.5)*cell
		cy := r.y + (float32(k/cols)+0.5)*cell
		m.rect(cx-side/2, cy-side/2, side, side, c)
	}
	return pic
}

// drawCharts draws four charts under the panels: the Gini over time, the
// Lorenz curves and the wealth distribution now, and unemployment (or the
// top 10% share) over time.
func (g *Game) drawCharts(screen *ebiten.Image) {
	w := float32(ScreenW-25) / 4
	last, lastTitle := "top10_share", "Richest 10%'s share"
	if g.sim.Arms[0].Snap.Classes {
		last, lastTitle = "unemployed_share", "Unemployed"
	}
	g.timeChart(screen, rect{5, chartsTop, w, chartsH}, "gini_wealth", "Gini of wealth")
	g.lorenzChart(screen, rect{10 + w, chartsTop, w, chartsH})
	g.histogramChart(screen, rect{15 + 2*w, chartsTop, w, chartsH})
	g.timeChart(screen, rect{20 + 3*w, chartsTop, w, chartsH}, last, lastTitle)
}

// histogramBins is the number of bars of the wealth distribution.
const histogramBins = 30

// histogramChart draws each arm's wealth distribution now as a step line:
// the share of people in each bin, up to four times the mean wealth.
func (g *Game) histogramChart(screen *ebiten.Image, r rect) {
	in := g.plotArea(screen, r, "Wealth now (share of people)", 0.5)
	mean := float64(g.sim.Arms[0].World.Params().StartWealth)
	width := max(4*mean/histogramBins, 1)
	var counts [histogramBins]float32
	for i, st := range g.sim.Arms {
		clear(counts[:])
		for _, m := range st.Snap.Wealth {
			if b := int(float64(m) / width); b < histogramBins {
				counts[b]++
			}
		}
		n := float32(len(st.Snap.Wealth))
		g.chart = g.chart[:0]
		for b, c := range counts {
			y := in.y + in.h*(1-min(2*c/n, 1)) // a bin with half the people reaches the top
			g.chart = append(g.chart, in.x+in.w*float32(b)/histogramBins, y, in.x+in.w*float32(b+1)/histogramBins, y)
		}
		g.polyline(g.chart, 2, armColors[i%len(armColors)])
	}
	g.mesh.draw(screen)
	write(screen, "0 … 4× the mean", regular, 12, float64(in.x+in.w), float64(in.y+in.h)+2, ink, text.AlignEnd)
}

// plotArea draws a chart's frame and title and returns the area inside.
// top is the value at the top of the vertical axis.
func (g *Game) plotArea(screen *ebiten.Image, r rect, title string, top float64) rect {
	g.mesh.rect(r.x, r.y, r.w, r.h, panelFill)
	in := rect{r.x + 34, r.y + 30, r.w - 44, r.h - 48}
	for _, f := range []float32{0, 0.5, 1} {
		y := in.y + in.h*(1-f)
		g.mesh.line(in.x, y, in.x+in.w, y, 1, faint)
	}
	g.mesh.draw(screen)
	write(screen, title, bold, 16, float64(r.x)+8, float64(r.y)+6, ink, text.AlignStart)
	for _, f := range []float64{0, 0.5, 1} {
		write(screen, fmt.Sprint(f*top), regular, 12, float64(in.x)-6, float64(in.y+in.h*float32(1-f))-8, ink, text.AlignEnd)
	}
	return in
}

func (g *Game) timeChart(screen *ebiten.Image, r rect, metric, title string) {
	in := g.plotArea(screen, r, title, 1)
	months := float32(max(g.sim.Scenario.Run().Months, 1))
	for i, st := range g.sim.Arms {
		col := -1
		for j, m := range st.Meter.Metrics {
			if m.Name == metric {
				col = j
			}
		}
		if col < 0 {
			continue
		}
		g.chart = g.chart[:0]
		for m, row := range st.History {
			g.chart = append(g.chart, in.x+in.w*float32(m)/months, in.y+in.h*(1-float32(row[col])))
		}
		g.polyline(g.chart, 2.5, armColors[i%len(armColors)])
	}
	g.mesh.draw(screen)
	write(screen, fmt.Sprintf("month 0 … %d", int(months)), regular, 12, float64(in.x+in.w), float64(in.y+in.h)+2, ink, text.AlignEnd)
}

// lorenzPoints is how many points each Lorenz curve is drawn with.
const lorenzPoints = 41

func (g *Game) lorenzChart(screen *ebiten.Image, r rect) {
	in := g.plotArea(screen, r, "Lorenz curves now", 1)
	g.mesh.line(in.x, in.y+in.h, in.x+in.w, in.y, 1.5, faint)
	var buf [lorenzPoints]float64
	for i, st := range g.sim.Arms {
		sorted := st.Meter.Sorted()
		l := metrics.Lorenz(buf[:], sorted)
		g.chart = g.chart[:0]
		for k, v := range l {
			g.chart = append(g.chart, in.x+in.w*float32(k)/(lorenzPoints-1), in.y+in.h*(1-float32(v)))
		}
		g.polyline(g.chart, 2.5, armColors[i%len(armColors)])
	}
	g.mesh.draw(screen)
	write(screen, "poorest … richest", regular, 12, float64(in.x+in.w), float64(in.y+in.h)+2, ink, text.AlignEnd)
}

// polyline adds a line through the points (x0, y0, x1, y1, ...).
func (g *Game) polyline(pts []float32, w float32, c color.RGBA) {
	for k := 2; k+1 < len(pts); k += 2 {
		if g.mesh.full() {
			return
		}
		g.mesh.line(pts[k-2], pts[k-1], pts[k], pts[k+1], w, c)
	}
}

var helpText = `Keys (or the buttons above)
Space    play / pause
→        one month, then pause
+ / −    faster / slower (also ↑ / ↓)
R        start again, same seed
N        start again, next seed
S        sliders: change parameters live
P        presenter mode: large type
F        full screen
H or ?   this help
Click a person to follow their money.

Each square is a person; a person with four times
the average wealth fills their square. Colours:
orange capitalists, each followed by their workers
(blue); grey the unemployed.`

func (g *Game) drawHelp(screen *ebiten.Image) {
	g.box(screen, rect{ScreenW/2 - 300, 100, 600, 500})
	write(screen, helpText, regular, 20, ScreenW/2-270, 125, color.White, text.AlignStart)
}

// box draws a dark box for an overlay's text.
func (g *Game) box(screen *ebiten.Image, r rect) {
	g.mesh.rect(r.x, r.y, r.w, r.h, color.RGBA{0x20, 0x20, 0x20, 0xee})
	g.mesh.draw(screen)
}

// captionMonths is how long an event's caption stays on screen.
const captionMonths = 36

// drawOverlays draws what lies over the panels: the caption of the last
// event, a question for the class, the inspected person, the sliders, the
// help, a refused slider change and a scenario file that will not load.
func (g *Game) drawOverlays(screen *ebiten.Image) {
	s := g.sim
	if s.Caption != "" && s.Month()-s.CaptionFrom < captionMonths {
		g.box(screen, rect{40, panelsTop + panelsH - 70, ScreenW - 80, 56})
		write(screen, wrap(s.Caption, bold, g.size(24), ScreenW-120), bold, g.size(24), ScreenW/2, float64(panelsTop+panelsH-60), color.White, text.AlignCenter)
	}
	if s.Question != "" {
		q := wrap(s.Question, bold, g.size(28), 820)
		h := float32(g.size(28)*1.3) * float32(strings.Count(q, "\n")+1)
		g.box(screen, rect{ScreenW/2 - 440, 120, 880, 110 + h})
		write(screen, "Predict, then watch", regular, g.size(20), ScreenW/2, 135, color.RGBA{0xff, 0xd0, 0x80, 0xff}, text.AlignCenter)
		write(screen, q, bold, g.size(28), ScreenW/2, 175, color.White, text.AlignCenter)
		write(screen, "Space to go on", regular, 18, ScreenW/2, float64(190+h), color.White, text.AlignCenter)
	}
	if sel := s.Selected; sel != nil {
		g.drawInspection(screen, sel)
	}
	if s.Sliders {
		g.drawSliders(screen)
	}
	if s.Help {
		g.drawHelp(screen)
	}
	if s.Notice != "" {
		write(screen, s.Notice, bold, 16, ScreenW/2, panelsTop+4, color.RGBA{0xb0, 0x20, 0x00, 0xff}, text.AlignCenter)
	}
	if g.loadErr != "" {
		g.box(screen, rect{40, 120, ScreenW - 80, 420})
		write(screen, "The scenario file has problems; the last good one keeps running:\n\n"+g.loadErr,
			regular, 17, 70, 145, color.RGBA{0xff, 0xb0, 0xa0, 0xff}, text.AlignStart)
	}
}

// drawInspection shows the clicked person: who they are and their money
// since the click.
func (g *Game) drawInspection(screen *ebiten.Image, sel *classroom.Inspection) {
	st := g.sim.Arms[sel.Arm]
	r := rect{ScreenW - 380, chartsTop - 150, 370, 140}
	g.box(screen, r)
	who := fmt.Sprintf("%s: person %d", st.Name, sel.Person)
	if st.Snap.Classes {
		who += " · " + agents.Class(st.Snap.ClassOf[sel.Person]).String()
		if e := st.Snap.Employer[sel.Person]; e >= 0 {
			who += fmt.Sprintf(" of %d", e)
		}
	}
	top := slices.Max(sel.Wealth)
	write(screen, fmt.Sprintf("%s\nmoney %d (most %d) since month %d", who, sel.Wealth[len(sel.Wealth)-1], top, sel.From),
		regular, 15, float64(r.x)+10, float64(r.y)+6, color.White, text.AlignStart)
	g.chart = g.chart[:0]
	in := rect{r.x + 10, r.y + 56, r.w - 20, r.h - 66}
	for k, m := range sel.Wealth {
		g.chart = append(g.chart, in.x+in.w*float32(k)/float32(max(len(sel.Wealth)-1, 1)), in.y+in.h*(1-float32(m)/float32(max(top, 1))))
	}
	g.polyline(g.chart, 2, armColors[sel.Arm%len(armColors)])
	g.mesh.draw(screen)
}
