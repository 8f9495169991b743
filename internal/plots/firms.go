package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"commonwealth/internal/metrics"
)

// firmTailMin is the smallest firm size included in the power-law fit.
const firmTailMin = 3

// firmSizes draws, on log-log axes, the share of firms with at least s
// employees, pooled over seeds, with the power law fitted to its tail.
func firmSizes(title string, arms []arm) (*plot.Plot, error) {
	p := newPlot(title+": firm sizes at the end", "employees s (log scale)", "share of firms with ≥ s")
	logAxes(p)
	for _, a := range arms {
		var sizes []float64
		for _, r := range a.runs {
			for _, s := range r.Final.FirmSizes {
				sizes = append(sizes, float64(s))
			}
		}
		pts := ccdf(sizes)
		if len(pts) < 2 {
			continue
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		sc.Color = armColor(a.color)
		sc.Radius = vg.Points(2.5)
		p.Add(sc)
		alpha, tail := metrics.PowerLawExponent(sizes, firmTailMin)
		if math.IsNaN(alpha) {
			p.Legend.Add(a.name, sc)
			continue
		}
		p.Legend.Add(fmt.Sprintf("%s: %d firms", a.name, len(sizes)), sc)
		// The fitted law P(S ≥ s) = tail·(s/s_min)^(1−α), from s_min to the largest firm.
		fit, err := plotter.NewLine(plotter.XYs{
			{X: firmTailMin, Y: tail},
			{X: pts[len(pts)-1].X, Y: tail * math.Pow(pts[len(pts)-1].X/firmTailMin, 1-alpha)},
		})
		if err != nil {
			return nil, err
		}
		fit.Color = color.Gray{Y: 90}
		fit.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		p.Add(fit)
		p.Legend.Add(fmt.Sprintf("power law fit, s ≥ %d: density ~ s^−%.2f", firmTailMin, alpha), fit)
	}
	p.Legend.Left = false
	return p, nil
}
