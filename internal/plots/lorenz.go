package plots

import (
	"image/color"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"commonwealth/internal/metrics"
	"commonwealth/internal/metrics/interval"
)

// lorenzPoints is how many population fractions the Lorenz curve is drawn at.
const lorenzPoints = 101

// lorenz draws each arm's Lorenz curve at the end, averaged over seeds, with
// its mean Gini in the legend, and the diagonal of perfect equality.
func lorenz(title string, arms []arm) (*fig, error) {
	p := newPlot(title+": Lorenz curves at the end", "share of people, poorest first", "share of all wealth they hold")
	equal, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return nil, err
	}
	equal.Color = color.Gray{Y: 140}
	equal.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
	p.Add(equal)
	p.legend("perfect equality", equal)
	buf := make([]float64, lorenzPoints)
	lowest := 0.0 // net worth can be negative: the curve then dips below zero
	for _, a := range arms {
		mean := make([]float64, lorenzPoints)
		var ginis []float64
		for _, r := range a.runs {
			sorted := slices.Sorted(slices.Values(r.Final.Wealth))
			for k, v := range metrics.Lorenz(buf, sorted) {
				mean[k] += v / float64(len(a.runs))
			}
			ginis = append(ginis, metrics.Gini(sorted))
		}
		pts := make(plotter.XYs, lorenzPoints)
		for k := range pts {
			pts[k] = plotter.XY{X: float64(k) / (lorenzPoints - 1), Y: mean[k]}
			lowest = min(lowest, mean[k])
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.Color = armColor(a.color)
		line.Width = vg.Points(2)
		line.Dashes = armDashes(a.color)
		p.Add(line)
		g, _, _ := interval.MeanCI(ginis, 0.95)
		p.legend(giniLabel(a.name, g), line)
	}
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, lowest, 1
	if lowest < 0 {
		p.note("below zero: the poorest hold less than nothing together (their debts exceed their assets)")
	}
	return p, nil
}
