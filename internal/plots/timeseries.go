package plots

import (
	"cmp"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"commonwealth/internal/metrics/interval"
)

// series is one metric of one arm over time: the mean over seeds and its 95%
// confidence band.
type series struct {
	mean, band plotter.XYs // band: the lower edge forward, then the upper edge back
}

// yearsFrom is the run length from which time axes are in years, not months.
const yearsFrom = 120

// timeAxis returns the label of the time axis and the months per unit.
func timeAxis(arms []arm) (string, float64) {
	r := arms[0].runs[0]
	if r.Series.Months[len(r.Series.Months)-1] >= yearsFrom {
		return "time (years)", 12
	}
	return "time (months)", 1
}

// meanOverSeeds returns the metric's mean and band over the arm's seeds.
// When time is in years, each run is first averaged over each whole year
// (months 1–12, 13–24, ...; a last, partial year is left out), after the
// start (month 0), so the lines show the trend rather than month-to-month
// noise. Months where the metric is undefined in a seed are left out.
func meanOverSeeds(a arm, metric string, unit float64) series {
	col := a.runs[0].Series.Column(metric)
	months := a.runs[0].Series.Months
	step := int(unit)
	periods := [][2]int{{0, 1}} // rows [from, to)
	for t := 1; t+step <= len(months); t += step {
		periods = append(periods, [2]int{t, t + step})
	}
	var s series
	var lo, hi plotter.XYs
	xs := make([]float64, len(a.runs))
	for _, pr := range periods {
		for i, r := range a.runs {
			xs[i] = 0
			for _, row := range r.Series.Rows[pr[0]:pr[1]] {
				xs[i] += row[col] / float64(pr[1]-pr[0])
			}
		}
		mean, l, h := interval.MeanCI(xs, 0.95)
		if !finite(mean) {
			continue
		}
		x := float64(months[pr[1]-1]) / unit
		s.mean = append(s.mean, plotter.XY{X: x, Y: mean})
		if finite(l, h) {
			lo, hi = append(lo, plotter.XY{X: x, Y: l}), append(hi, plotter.XY{X: x, Y: h})
		}
	}
	for i := len(hi) - 1; i >= 0; i-- {
		lo = append(lo, hi[i])
	}
	s.band = lo
	return s
}

// addSeries draws a series in the colour of the color'th arm with the given
// dashes, its band when withBand is set, and markers of glyph (nil: none)
// at a few points along it.
func addSeries(p *fig, color int, s series, label string, dashes []vg.Length, withBand bool, glyph draw.GlyphDrawer) error {
	if len(s.mean) == 0 {
		p.note("%s: undefined throughout the run, so not drawn.", cmp.Or(label, "a series"))
		return nil
	}
	if withBand && len(s.band) >= 3 {
		band, err := plotter.NewPolygon(s.band)
		if err != nil {
			return err
		}
		band.Color = faded(armColor(color), 60)
		band.LineStyle.Width = 0
		p.Add(band)
	}
	line, err := plotter.NewLine(s.mean)
	if err != nil {
		return err
	}
	line.Color = armColor(color)
	line.Width = vg.Points(2)
	line.Dashes = dashes
	p.Add(line)
	thumbs := []plot.Thumbnailer{line}
	if glyph != nil {
		marks, err := plotter.NewScatter(markPoints(s.mean, color))
		if err != nil {
			return err
		}
		marks.GlyphStyle = draw.GlyphStyle{Color: armColor(color), Radius: vg.Points(3.5), Shape: glyph}
		p.Add(marks)
		thumbs = append(thumbs, marks)
	}
	if label != "" {
		p.legend(label, thumbs...)
	}
	return nil
}

// marksPerLine is how many markers a line carries.
const marksPerLine = 8

// markPoints returns marksPerLine points spread along pts, those of the
// color'th arm shifted by a share of the spacing so that arms' markers do
// not sit on each other where their lines meet.
func markPoints(pts plotter.XYs, color int) plotter.XYs {
	if len(pts) <= marksPerLine {
		return pts
	}
	var out plotter.XYs
	gap := float64(len(pts)-1) / marksPerLine
	shift := gap * float64(color%len(palette)) / float64(len(palette))
	for k := range marksPerLine {
		out = append(out, pts[int(shift+gap*float64(k)+0.5)])
	}
	return out
}

// armGlyph is the marker of the arm drawn in colour c on plots of one
// line per arm: with the colour and the dash pattern, it tells arms apart
// in print and in grey.
func armGlyph(c int) draw.GlyphDrawer {
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}}
	return shapes[c%len(shapes)]
}

// legendKey adds a legend entry that is only a line style: an arm's colour
// (solid) or a metric's dash pattern (grey).
func legendKey(p *fig, label string, c color.Color, dashes []vg.Length) {
	p.legend(label, &plotter.Line{LineStyle: draw.LineStyle{Color: c, Width: vg.Points(2), Dashes: dashes}})
}

// bandNote says what the shading means, for titles.
func bandNote(arms []arm) string {
	_, unit := timeAxis(arms)
	period := "monthly"
	if unit == 12 {
		period = "yearly"
	}
	if n := len(arms[0].runs); n > 1 {
		return fmt.Sprintf("%s means of %d seeds, 95%% band", period, n)
	}
	return period + " values, one seed"
}

// overTime draws one metric over time, an arm a line.
func overTime(title, metric, ylabel string, arms []arm) (*fig, error) {
	xlabel, unit := timeAxis(arms)
	p := newPlot(fmt.Sprintf("%s (%s)", title, bandNote(arms)), xlabel, ylabel)
	for _, a := range arms {
		if err := addSeries(p, a.color, meanOverSeeds(a, metric, unit), a.name, armDashes(a.color), len(a.runs) > 1, armGlyph(a.color)); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// armDashes is the dash pattern of the arm drawn in colour c where arms
// have one line each: with the colour, it tells arms apart in print and in
// grey (the first solid, then dashes, dots, and both).
func armDashes(c int) []vg.Length {
	patterns := [][]vg.Length{solid, dashed, dotted,
		{vg.Points(6), vg.Points(2), vg.Points(1.5), vg.Points(2)},
		{vg.Points(10), vg.Points(3)},
		{vg.Points(3), vg.Points(3)}}
	return patterns[c%len(patterns)]
}

// line is one metric drawn in a multi-metric plot, with its dash pattern.
type line struct {
	metric, label string
	dashes        []vg.Length
}

var (
	solid  []vg.Length
	dashed = []vg.Length{vg.Points(6), vg.Points(3)}
	dotted = []vg.Length{vg.Points(1.5), vg.Points(2.5)}
)

// shares draws several share metrics over time on a 0..1 axis: colour tells
// the arm, the dash pattern the metric.
func shares(title, ylabel string, lines []line, arms []arm) (*fig, error) {
	p, err := together(title, ylabel, lines, arms)
	if err == nil {
		p.Y.Min, p.Y.Max = 0, 1
	}
	return p, err
}

// together draws several metrics over time on one axis: colour tells the
// arm, the dash pattern the metric.
func together(title, ylabel string, lines []line, arms []arm) (*fig, error) {
	xlabel, unit := timeAxis(arms)
	p := newPlot(fmt.Sprintf("%s (%s)", title, bandNote(arms)), xlabel, ylabel)
	keyed := len(arms) > 1 && len(lines) > 1 // a legend of arms' colours and metrics' dashes
	for _, a := range arms {
		for _, l := range lines {
			label := l.label
			if keyed {
				label = ""
			}
			if err := addSeries(p, a.color, meanOverSeeds(a, l.metric, unit), label, l.dashes, len(a.runs) > 1, nil); err != nil {
				return nil, err
			}
		}
	}
	if keyed {
		for _, a := range arms {
			legendKey(p, a.name, armColor(a.color), nil)
		}
		for _, l := range lines {
			legendKey(p, l.label, color.Gray{Y: 90}, l.dashes)
		}
	}
	p.Y.Min = min(p.Y.Min, 0)
	return p, nil
}

// classShares draws the shares of workers, capitalists and unemployed.
func classShares(title string, arms []arm) (*fig, error) {
	return shares(title+": classes over time", "share of people", []line{
		{"workers_share", "workers", solid},
		{"unemployed_share", "unemployed", dashed},
		{"capitalists_share", "capitalists", dotted},
	}, arms)
}

// consumptionLeisure draws real consumption and leisure together: what
// people get from the goods made and from the time freed.
func consumptionLeisure(title string, arms []arm) (*fig, error) {
	return together(title+": consumption and leisure", "goods a person a month; share of full time", []line{
		{"consumption", "consumption (goods a month)", solid},
		{"leisure", "leisure (time freed from work)", dashed},
	}, arms)
}

// automation draws automation's share of the work and unemployment.
func automation(title string, arms []arm) (*fig, error) {
	return shares(title+": automation and unemployment", "share", []line{
		{"automation_share", "work done by automation units", solid},
		{"unemployed_share", "unemployed", dashed},
	}, arms)
}

// sectoralBalances draws each sector's financial balance over time, as a
// share of value added, in the first arm and the last (Godley's sectoral
// balances: they sum to zero, so one sector's deficit is another's surplus).
func sectoralBalances(title string, arms []arm) (*fig, error) {
	var lines []line
	for _, s := range []struct{ metric, label string }{
		{"net_lending_households", "households"}, {"net_lending_firms", "firms"}, {"net_lending_datacenters", "data centres"},
		{"net_lending_commons", "commons fund"}, {"net_lending_funds", "other funds"}, {"net_lending_bank", "bank"},
	} {
		lines = append(lines, line{s.metric, s.label, nil})
	}
	shown := arms
	if len(arms) > 2 {
		shown = []arm{arms[0], arms[len(arms)-1]}
	}
	return bySector(title+": sectoral financial balances", "share of value added (+ lends, − borrows)", lines, shown)
}

// bySector draws several metrics over time on one axis, the other way
// round from together: colour tells the metric, the dash pattern the arm
// (at most three arms: solid, dashed, dotted), without bands.
func bySector(title, ylabel string, lines []line, arms []arm) (*fig, error) {
	xlabel, unit := timeAxis(arms)
	p := newPlot(title, xlabel, ylabel)
	dashes := [][]vg.Length{solid, dashed, dotted}
	lo, hi := math.Inf(1), math.Inf(-1) // the axis, from the second year on
	for ai, a := range arms[:min(len(arms), len(dashes))] {
		for li, l := range lines {
			s := meanOverSeeds(a, l.metric, unit)
			for _, pt := range s.mean {
				if pt.X*unit > 12 { // the first point after month 0 is the first year's mean
					lo, hi = min(lo, pt.Y), max(hi, pt.Y)
				}
			}
			if err := addSeries(p, li, s, "", dashes[ai], false, nil); err != nil {
				return nil, err
			}
		}
	}
	if lo < hi { // the first year's start, every firm founded at once, would flatten the rest
		pad := (hi - lo) / 10
		p.Y.Min, p.Y.Max = lo-pad, hi+pad
		p.note("the first year, when every firm is founded, is off the scale")
	}
	for li, l := range lines {
		legendKey(p, l.label, armColor(li), nil)
	}
	for ai, a := range arms[:min(len(arms), len(dashes))] {
		legendKey(p, a.name, color.Gray{Y: 90}, dashes[ai])
	}
	return p, nil
}
