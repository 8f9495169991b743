package plots

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// burdenQuintiles draws, for each arm, the share of the environmental
// burden borne by each fifth of the people ranked by wealth at the end
// (pooled over seeds): a fair share is 0.2 for every fifth.
func burdenQuintiles(title string, arms []arm) (*fig, error) {
	p := newPlot(title+": who bears the data centres' burden", "wealth quintile at the end (1 = poorest fifth)", "share of the burden")
	width := vg.Points(60) / vg.Length(len(arms))
	for i, a := range arms {
		values := make(plotter.Values, 5)
		var total float64
		for _, r := range a.runs {
			if r.Final.AI == nil {
				return nil, nil
			}
			order := make([]int, len(r.Final.Wealth))
			for k := range order {
				order[k] = k
			}
			slices.SortStableFunc(order, func(x, y int) int {
				return int(r.Final.Wealth[x] - r.Final.Wealth[y])
			})
			for rank, person := range order {
				b := r.Final.AI.Burden[person]
				values[rank*5/len(order)] += b
				total += b
			}
		}
		if total == 0 {
			p.note("%s: no burden to share — no data centre stands near anyone at the end.", a.name)
			continue
		}
		for q := range values {
			values[q] /= total
		}
		bars, err := plotter.NewBarChart(values, width)
		if err != nil {
			return nil, err
		}
		bars.Color = armColor(a.color)
		bars.LineStyle.Width = 0
		bars.Offset = width * vg.Length(float64(i)-float64(len(arms)-1)/2)
		p.Add(bars)
		p.legend(a.name, bars)
	}
	fair, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: 0.2}, {X: 4.5, Y: 0.2}})
	if err != nil {
		return nil, err
	}
	fair.Dashes = dashed
	p.Add(fair)
	p.legend("a fair share (0.2)", fair)
	p.NominalX("1", "2", "3", "4", "5")
	p.Y.Min = 0
	p.Title.Text = fmt.Sprintf("%s (%s)", p.Title.Text, "all seeds pooled")
	return p, nil
}
