package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

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
	w := float32(ScreenW-10) / float32(n)
	for i, st := range s.Arms {
		g.drawPanel(screen, i, st, rect{5 + float32(i)*w, panelsTop, w - 5, panelsH})
	}
	g.drawCharts(screen)
	if s.Help {
		g.drawHelp(screen)
	}
}

// rect is a screen rectangle.
type rect struct{ x, y, w, h float32 }

func (g *Game) drawTopBar(screen *ebiten.Image) {
	s := g.sim
	m := s.Month()
	state := fmt.Sprintf("playing, %d month(s) a frame", classroom.Speeds[s.Speed])
	if s.Paused {
		state = "paused — Space to play"
	}
	write(screen, fmt.Sprintf("%s · month %d of %d (year %d) · seed %d", s.Scenario.Name, m, s.Scenario.Run().Months, m/12, s.Seed),
		bold, 22, 12, 10, ink, text.AlignStart)
	write(screen, state+" · H help", regular, 18, ScreenW-12, 13, ink, text.AlignEnd)
}

// drawPanel draws one arm: its name, its Gini in large type, and its people.
func (g *Game) drawPanel(screen *ebiten.Image, i int, st *classroom.ArmState, r rect) {
	g.mesh.rect(r.x, r.y, r.w, r.h, panelFill)
	g.mesh.rect(r.x, r.y, r.w, 4, armColors[i%len(armColors)])
	g.mesh.draw(screen)
	x, y := float64(r.x), float64(r.y)
	write(screen, st.Name, bold, 26, x+panelInset, y+10, armColors[i%len(armColors)], text.AlignStart)
	write(screen, fmt.Sprintf("Gini %.2f", st.Value("gini_wealth")), bold, 40, x+float64(r.w)-panelInset, y+4, ink, text.AlignEnd)
	sub := fmt.Sprintf("richest 10%% hold %.0f%% · poorest half %.0f%%", 100*st.Value("top10_share"), 100*st.Value("bottom50_share"))
	if st.Snap.Classes {
		sub = fmt.Sprintf("capitalists %.0f%% · workers %.0f%% · unemployed %.0f%% · wage share %.2f",
			100*st.Value("capitalists_share"), 100*st.Value("workers_share"), 100*st.Value("unemployed_share"), st.Value("wage_share"))
	}
	write(screen, sub, regular, 16, x+panelInset, y+50, ink, text.AlignStart)
	g.drawPeople(screen, i, st, rect{r.x + panelInset, r.y + panelHead, r.w - 2*panelInset, r.h - panelHead - panelInset})
}

// drawPeople draws a square per person, arranged by class (each capitalist
// followed by their workers, the unemployed last), coloured by class and
// sized by wealth: a person with four times the mean fills the cell.
func (g *Game) drawPeople(screen *ebiten.Image, i int, st *classroom.ArmState, r rect) {
	g.buildPeople(screen, i, st, r)
	g.mesh.draw(screen)
}

// buildPeople adds the people of arm i to the mesh, drawing it onto screen
// only when it is full (never, below 16,000 people). With a nil screen it
// only builds, for the benchmark.
func (g *Game) buildPeople(screen *ebiten.Image, i int, st *classroom.ArmState, r rect) {
	order := g.arr[i].Arrange(&st.Snap)
	cell, cols := classroom.Grid(r.w, r.h, len(order))
	mean := float32(st.World.Params().StartWealth)
	for k, p := range order {
		if g.mesh.full() && screen != nil {
			g.mesh.draw(screen)
		}
		c := armColors[i%len(armColors)]
		if st.Snap.Classes {
			c = classColor[agents.Class(st.Snap.ClassOf[p])]
		}
		side := cell * 0.9 * min(1, 0.2+0.8*sqrt32(float32(st.Snap.Wealth[p])/max(4*mean, 1)))
		cx := r.x + (float32(k%cols)+0.5)*cell
		cy := r.y + (float32(k/cols)+0.5)*cell
		g.mesh.rect(cx-side/2, cy-side/2, side, side, c)
	}
}

// drawCharts draws three charts under the panels: the Gini over time, the
// Lorenz curves now, and unemployment (or the top 10% share) over time.
func (g *Game) drawCharts(screen *ebiten.Image) {
	w := float32(ScreenW-20) / 3
	third, thirdTitle := "top10_share", "Share of the richest 10% over time"
	if g.sim.Arms[0].Snap.Classes {
		third, thirdTitle = "unemployed_share", "Unemployed over time"
	}
	g.timeChart(screen, rect{5, chartsTop, w, chartsH}, "gini_wealth", "Gini of wealth over time")
	g.lorenzChart(screen, rect{10 + w, chartsTop, w, chartsH})
	g.timeChart(screen, rect{15 + 2*w, chartsTop, w, chartsH}, third, thirdTitle)
}

// plotArea draws a chart's frame and title and returns the area inside.
func (g *Game) plotArea(screen *ebiten.Image, r rect, title string) rect {
	g.mesh.rect(r.x, r.y, r.w, r.h, panelFill)
	in := rect{r.x + 34, r.y + 30, r.w - 44, r.h - 48}
	for _, f := range []float32{0, 0.5, 1} {
		y := in.y + in.h*(1-f)
		g.mesh.line(in.x, y, in.x+in.w, y, 1, faint)
	}
	g.mesh.draw(screen)
	write(screen, title, bold, 16, float64(r.x)+8, float64(r.y)+6, ink, text.AlignStart)
	for _, f := range []float64{0, 0.5, 1} {
		write(screen, fmt.Sprint(f), regular, 12, float64(in.x)-6, float64(in.y+in.h*float32(1-f))-8, ink, text.AlignEnd)
	}
	return in
}

func (g *Game) timeChart(screen *ebiten.Image, r rect, metric, title string) {
	in := g.plotArea(screen, r, title)
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
	in := g.plotArea(screen, r, "Lorenz curves now")
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

var helpText = `Keys
Space    play / pause
→        one month, then pause
+ / −    faster / slower (also ↑ / ↓)
R        start again, same seed
N        start again, next seed
F        full screen
H or ?   this help

Each square is a person; a person with four times
the average wealth fills their square. Colours:
orange capitalists, each followed by their workers
(blue); grey the unemployed.`

func (g *Game) drawHelp(screen *ebiten.Image) {
	g.mesh.rect(ScreenW/2-300, 120, 600, 420, color.RGBA{0x20, 0x20, 0x20, 0xee})
	g.mesh.draw(screen)
	write(screen, helpText, regular, 20, ScreenW/2-270, 145, color.White, text.AlignStart)
}
