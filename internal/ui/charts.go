package ui

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/metrics"
)

// drawCharts draws the charts row. In a lesson: the metric its question is
// about, then its gauges, each as yearly means. Exploring: the Gini over
// time, the Lorenz curves and the wealth distribution now, and
// unemployment (or the richest tenth's share) over time.
func (g *Game) drawCharts(r rect) {
	var list []func(rect)
	if l := g.sim.Lesson; l != nil {
		for _, m := range append([]string{l.Claim.Metric}, l.Gauges...) {
			list = append(list, func(r rect) { g.timeChart(r, m, true) })
		}
	} else {
		last := "top10_share"
		if g.sim.Arms[0].Snap.Classes {
			last = "unemployed_share"
		}
		list = []func(rect){
			func(r rect) { g.timeChart(r, "gini_wealth", false) },
			g.lorenzChart, g.histogramChart,
			func(r rect) { g.timeChart(r, last, false) },
		}
	}
	w := (r.w - float32(len(list)-1)*5) / float32(len(list))
	for i, draw := range list {
		draw(rect{r.x + float32(i)*(w+5), r.y, w, r.h})
	}
}

// plotArea draws a chart's frame, title and the values at the top and the
// bottom of its axis, and returns the area inside.
func (g *Game) plotArea(r rect, title string, lo, hi float64, metric string) rect {
	c := &g.c
	size := g.size()
	c.rect(r, panelFill)
	t := c.wrap(title, bold, size, r.w-16)
	tr := c.text(t, bold, size, r.x+8, r.y+4, ink, text.AlignStart)
	top, bottom := number(metric, hi), number(metric, lo)
	lw, _ := c.measure(top, regular, size)
	bw, _ := c.measure(bottom, regular, size)
	left := float32(max(lw, bw)) + 14
	line := float32(size * lineHeight)
	in := rect{r.x + left, tr.y + tr.h + line/2 + 4, r.w - left - 10, r.y + r.h - tr.y - tr.h - line - 12}
	if in.h < 2*line { // no room for two values apart: only the top one
		bottom = ""
	}
	for _, f := range []float32{0, 0.5, 1} {
		y := in.y + in.h*(1-f)
		c.line(in.x, y, in.x+in.w, y, 1, faint)
	}
	c.text(top, regular, size, in.x-6, in.y-line/2, muted, text.AlignEnd)
	if bottom != "" {
		c.text(bottom, regular, size, in.x-6, in.y+in.h-line/2, muted, text.AlignEnd)
	}
	return in
}

// timeChart draws a metric over time for every arm: each whole year's
// mean in a lesson, each month exploring. Its axis fits the data; a click
// shows the metric's full range instead (and back). Events are marked.
func (g *Game) timeChart(r rect, metric string, yearly bool) {
	c, s := &g.c, g.sim
	months := max(s.Scenario.Run().Months, 1)
	col := slices.Index(s.Arms[0].Names, metric)
	if col < 0 {
		return
	}
	lines := make([][]float32, len(s.Arms)) // x, y pairs in data units: months, values
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, st := range s.Arms {
		pts := lines[i][:0]
		if yearly {
			for y := 1; 12*y < len(st.History); y++ {
				v := metrics.MeanColumn(st.History[12*(y-1)+1:12*y+1], col)
				pts = append(pts, float32(12*y), float32(v))
				lo, hi = min(lo, v), max(hi, v)
			}
		} else {
			for m, row := range st.History {
				pts = append(pts, float32(m), float32(row[col]))
				lo, hi = min(lo, row[col]), max(hi, row[col])
			}
		}
		lines[i] = pts
	}
	if g.full[metric] || math.IsInf(lo, 0) {
		lo, hi = 0, max(hi, 0)
		if percent(metric) || metric == "gini_wealth" || math.IsInf(hi, 0) {
			hi = max(hi, 1)
		}
	}
	top := hi
	lo, hi = niceRange(lo, hi)
	if top <= 1 && hi > 1 && (percent(metric) || metric == "gini_wealth") {
		hi = 1 // a share cannot pass the whole
	}
	in := g.plotArea(r, g.chartTitle(metric), lo, hi, metric)
	g.at(r, hit{do: func(g *Game) error { g.full[metric] = !g.full[metric]; return nil }})
	for _, e := range s.Scenario.Events {
		if e.Month > 0 && e.Month < months && slices.ContainsFunc(s.Arms, func(st *classroom.ArmState) bool { return e.AppliesTo(st.Name) }) {
			x := in.x + in.w*float32(e.Month)/float32(months)
			for y := in.y; y < in.y+in.h; y += 8 {
				c.line(x, y, x, min(y+4, in.y+in.h), 2, muted)
			}
		}
	}
	for i, pts := range lines {
		g.series = g.series[:0]
		for k := 0; k+1 < len(pts); k += 2 {
			y := (float64(pts[k+1]) - lo) / (hi - lo)
			g.series = append(g.series, in.x+in.w*pts[k]/float32(months), in.y+in.h*(1-float32(min(max(y, -0.02), 1.02))))
		}
		if len(g.series) == 2 { // one point: a dot
			c.rect(rect{g.series[0] - 3, g.series[1] - 3, 6, 6}, g.armColor(i))
		}
		c.polyline(g.series, 3, g.armColor(i))
	}
}

// chartTitle returns a chart's title: the metric in words with its unit,
// for the scenario's own metrics the unit its [[metric]] block gives.
func (g *Game) chartTitle(metric string) string {
	sc := g.sim.Scenario
	if u := sc.Unit(metric); slices.Contains(sc.OwnMetrics(), metric) && u != "" {
		return words(g.tx(), metric) + " (" + u + ")"
	}
	return titled(g.tx(), metric)
}

// niceRange widens [lo, hi] a little and to round numbers, so that a flat
// line is not drawn as noise and the ends read well.
func niceRange(lo, hi float64) (float64, float64) {
	floor := lo >= 0 // a metric that stayed at zero or above: so does its axis
	if hi-lo < 1e-9*max(1, math.Abs(hi)) {
		if math.Abs(hi) < 1e-9 {
			return 0, 1 // a flat zero is drawn as zero, at the foot of its axis
		}
		d := math.Abs(hi) * 0.1
		lo, hi = lo-d, hi+d
	}
	pad := (hi - lo) * 0.08
	step := math.Pow(10, math.Floor(math.Log10(hi-lo))-1)
	nlo, nhi := math.Floor((lo-pad)/step)*step, math.Ceil((hi+pad)/step)*step
	if floor && nlo < 0 {
		nlo = 0
	}
	return nlo, nhi
}

// lorenzPoints is how many points each Lorenz curve is drawn with.
const lorenzPoints = 41

func (g *Game) lorenzChart(r rect) {
	c := &g.c
	in := g.plotArea(r, "Lorenz curves now", 0, 1, "lorenz")
	c.line(in.x, in.y+in.h, in.x+in.w, in.y, 1.5, faint)
	for i := range g.sim.Arms {
		l := g.now(i).lorenz
		g.series = g.series[:0]
		for k, v := range l {
			g.series = append(g.series, in.x+in.w*float32(k)/(lorenzPoints-1), in.y+in.h*(1-float32(v)))
		}
		c.polyline(g.series, 2.5, g.armColor(i))
	}
}

// histogramBins is the number of bars of the wealth distribution.
const histogramBins = 30

// histogramChart draws each arm's wealth distribution now as a step line:
// the share of people in each bin, up to four times the mean wealth (those
// in net debt, in the production economy, in the first bin); the axis fits
// the tallest bin.
func (g *Game) histogramChart(r rect) {
	c := &g.c
	top := float32(0.01)
	for i := range g.sim.Arms {
		for _, v := range g.now(i).shares {
			top = max(top, v)
		}
	}
	_, hi := niceRange(0, float64(top))
	in := g.plotArea(r, "Wealth now: share of people, 0 to 4× the mean", 0, hi, "histogram_share")
	for i := range g.sim.Arms {
		g.series = g.series[:0]
		for b, v := range g.now(i).shares {
			y := in.y + in.h*(1-v/float32(hi))
			g.series = append(g.series, in.x+in.w*float32(b)/histogramBins, y, in.x+in.w*float32(b+1)/histogramBins, y)
		}
		c.polyline(g.series, 2, g.armColor(i))
	}
}
