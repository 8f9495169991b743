package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"commonwealth/internal/metrics"
)

// firmTailMin is the smallest firm size included in the power-law fit.
const firmTailMin = 3

// firmSizes draws, on log-log axes, the share of firms with at least s
// employees, pooled over seeds, with the power law fitted to its tail.
func firmSizes(title string, arms []arm) (*fig, error) {
	p := newPlot(title+": firm sizes at the end", "employees s (log scale)", "share of firms with ≥ s")
	logAxes(p)
	drawn, fitted := 0, false
	for _, a := range arms {
		var sizes []float64
		for _, r := range a.runs {
			for _, s := range r.Final.FirmSizes {
				sizes = append(sizes, float64(s))
			}
		}
		pts := ccdf(sizes)
		if len(pts) < 2 {
			p.note("%s: %d firms at the end, of %d size(s): too few to draw on log scales.", a.name, len(sizes), len(pts))
			continue
		}
		drawn++
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		sc.Color = armColor(a.color)
		sc.Radius = vg.Points(2.5)
		p.Add(sc)
		alpha, tail := metrics.PowerLawExponent(sizes, firmTailMin)
		if math.IsNaN(alpha) {
			p.legend(fmt.Sprintf("%s: %d firms", a.name, len(sizes)), sc)
			continue
		}
		// The fitted law P(S ≥ s) = tail·(s/s_min)^(1−α), from s_min to the largest firm.
		fit, err := plotter.NewLine(plotter.XYs{
			{X: firmTailMin, Y: tail},
			{X: pts[len(pts)-1].X, Y: tail * math.Pow(pts[len(pts)-1].X/firmTailMin, 1-alpha)},
		})
		if err != nil {
			return nil, err
		}
		fit.Color = armColor(a.color)
		fit.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		p.Add(fit)
		p.legend(fmt.Sprintf("%s: %d firms, density ~ s^−%.2f", a.name, len(sizes), alpha), sc, fit)
		fitted = true
	}
	if fitted {
		p.note("Dashed: the power law fitted to the firms of %d or more employees (maximum likelihood), in each arm's colour.", firmTailMin)
	}
	if drawn == 0 {
		noData(p)
	}
	return p, nil
}
