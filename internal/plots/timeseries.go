package plots

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"commonwealth/internal/metrics"
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
// When time is in years, each run is first averaged over each year, so the
// lines show the trend rather than month-to-month noise.
func meanOverSeeds(a arm, metric string, unit float64) series {
	col := a.runs[0].Series.Column(metric)
	months := a.runs[0].Series.Months
	step := int(unit)
	var s series
	var lo, hi plotter.XYs
	xs := make([]float64, len(a.runs))
	for t := 0; t < len(months); t += step {
		end := min(t+step, len(months))
		for i, r := range a.runs {
			xs[i] = 0
			for _, row := range r.Series.Rows[t:end] {
				xs[i] += row[col] / float64(end-t)
			}
		}
		mean, l, h := metrics.MeanCI(xs, 0.95)
		x := float64(months[end-1]) / unit
		s.mean = append(s.mean, plotter.XY{X: x, Y: mean})
		lo, hi = append(lo, plotter.XY{X: x, Y: l}), append(hi, plotter.XY{X: x, Y: h})
	}
	for i := len(hi) - 1; i >= 0; i-- {
		lo = append(lo, hi[i])
	}
	s.band = lo
	return s
}

// addSeries draws a series in the colour of the color'th arm with the given
// dashes, and its band when withBand is set.
func addSeries(p *plot.Plot, color int, s series, label string, dashes []vg.Length, withBand bool) error {
	if withBand {
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
	if label != "" {
		p.Legend.Add(label, line)
	}
	return nil
}

// legendKey adds a legend entry that is only a line style: an arm's colour
// (solid) or a metric's dash pattern (grey).
func legendKey(p *plot.Plot, label string, c color.Color, dashes []vg.Length) {
	p.Legend.Add(label, &plotter.Line{LineStyle: draw.LineStyle{Color: c, Width: vg.Points(2), Dashes: dashes}})
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
func overTime(title, metric, ylabel string, arms []arm) (*plot.Plot, error) {
	xlabel, unit := timeAxis(arms)
	p := newPlot(fmt.Sprintf("%s (%s)", title, bandNote(arms)), xlabel, ylabel)
	for _, a := range arms {
		if err := addSeries(p, a.color, meanOverSeeds(a, metric, unit), a.name, nil, len(a.runs) > 1); err != nil {
			return nil, err
		}
	}
	legendRoom(p, 0.2)
	return p, nil
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
func shares(title, ylabel string, lines []line, arms []arm) (*plot.Plot, error) {
	p, err := together(title, ylabel, lines, arms)
	if err == nil {
		p.Y.Min, p.Y.Max = 0, 1
		legendRoom(p, 0.3)
	}
	return p, err
}

// together draws several metrics over time on one axis: colour tells the
// arm, the dash pattern the metric.
func together(title, ylabel string, lines []line, arms []arm) (*plot.Plot, error) {
	xlabel, unit := timeAxis(arms)
	p := newPlot(fmt.Sprintf("%s (%s)", title, bandNote(arms)), xlabel, ylabel)
	keyed := len(arms) > 1 && len(lines) > 1 // a legend of arms' colours and metrics' dashes
	for _, a := range arms {
		for _, l := range lines {
			label := l.label
			if keyed {
				label = ""
			}
			if err := addSeries(p, a.color, meanOverSeeds(a, l.metric, unit), label, l.dashes, len(a.runs) > 1); err != nil {
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
	legendRoom(p, 0.3)
	return p, nil
}

// classShares draws the shares of workers, capitalists and unemployed.
func classShares(title string, arms []arm) (*plot.Plot, error) {
	return shares(title+": classes over time", "share of people", []line{
		{"workers_share", "workers", solid},
		{"unemployed_share", "unemployed", dashed},
		{"capitalists_share", "capitalists", dotted},
	}, arms)
}

// consumptionLeisure draws real consumption and leisure together: what
// people get from the goods made and from the time freed.
func consumptionLeisure(title string, arms []arm) (*plot.Plot, error) {
	return together(title+": consumption and leisure", "goods a person a month; share of full time", []line{
		{"consumption", "consumption (goods a month)", solid},
		{"leisure", "leisure (time freed from work)", dashed},
	}, arms)
}

// automation draws automation's share of the work and unemployment.
func automation(title string, arms []arm) (*plot.Plot, error) {
	return shares(title+": automation and unemployment", "share", []line{
		{"automation_share", "work done by automation units", solid},
		{"unemployed_share", "unemployed", dashed},
	}, arms)
}
