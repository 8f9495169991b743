package plots

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// histogramBins is the number of bins of the wealth histogram.
const histogramBins = 60

// wealthHistogram draws the final wealth distribution of each arm (pooled
// over seeds) as a step outline, so several arms stay readable. The scale
// stops at the 99th percentile of everyone's wealth so the bulk shows.
func wealthHistogram(title string, arms []arm) (*fig, error) {
	var all []float64
	for _, a := range arms {
		all = append(all, a.wealth()...)
	}
	slices.Sort(all)
	top := stat.Quantile(0.99, stat.Empirical, all, nil)
	// Net worth can be negative (debt): the bins start at the poorest half
	// percent, or at zero, whichever is lower, in whole bins.
	bottom := min(0, stat.Quantile(0.005, stat.Empirical, all, nil))
	if top <= 0 {
		top = all[len(all)-1] + 1
	}
	width := niceStep((top - bottom) / histogramBins)
	lo := math.Floor(bottom/width) * width
	bins := min(histogramBins, int(math.Ceil((top-lo)/width))+1)
	label := "wealth (money units; the richest 1% are off the scale)"
	if lo < 0 {
		label = "net worth (money units; the richest 1% are off the scale, the most indebted half percent in the first bin)"
	}
	p := newPlot(title+": wealth at the end", label, "share of people per bin")
	for _, a := range arms {
		w := a.wealth()
		counts := make([]float64, bins)
		for _, x := range w {
			if b := max(int((x-lo)/width), 0); b < bins {
				counts[b]++
			}
		}
		pts := make(plotter.XYs, bins+1)
		for b := range pts {
			pts[b].X = lo + float64(b)*width
			pts[b].Y = counts[min(b, bins-1)] / float64(len(w))
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.StepStyle = plotter.PostStep
		line.Color = armColor(a.color)
		line.Width = vg.Points(2)
		p.Add(line)
		p.legend(a.name, line)
	}
	p.Y.Min = 0
	return p, nil
}

// wealthCCDF draws, on log-log axes, the share of people holding at least w
// against w. An exponential law bends down; a Pareto (power-law) tail is a
// straight line.
func wealthCCDF(title string, arms []arm) (*fig, error) {
	p := newPlot(title+": how many hold at least w", "wealth w (money units, log scale)", "share with wealth ≥ w")
	logAxes(p)
	drawn := 0
	for _, a := range arms {
		pts := ccdf(a.wealth())
		if len(pts) < 2 {
			p.note("%s: %s, so there is no spread to draw.", a.name, sameWealth(a.wealth()))
			continue
		}
		drawn++
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.Color = armColor(a.color)
		line.Width = vg.Points(2)
		p.Add(line)
		p.legend(a.name, line)
	}
	if drawn == 0 {
		noData(p)
	} else {
		p.Y.Max = 1 // a share: the axis ends at its top decade
	}
	return p, nil
}

// sameWealth says why a distribution has no spread.
func sameWealth(w []float64) string {
	if slices.Max(w) <= 0 {
		return "no one holds any money"
	}
	return fmt.Sprintf("everyone who holds money holds the same, %g", slices.Max(w))
}

// noData leaves a plot with nothing to draw on log scales with plain axes
// from 0 to 1, so that it still renders, with its notes saying why.
func noData(p *fig) {
	p.X.Scale, p.Y.Scale = plot.LinearScale{}, plot.LinearScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = plainTicks{}, plainTicks{}
	p.X.Label.Text, p.Y.Label.Text, p.xLabel, p.yLabel = strings.ReplaceAll(p.xLabel, ", log scale", ""), p.yLabel, "", ""
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
}

// ccdf returns the points (x, share of values ≥ x) for the distinct
// positive values of xs.
func ccdf(xs []float64) plotter.XYs {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := float64(len(s))
	var pts plotter.XYs
	for i := 0; i < len(s); i++ {
		if s[i] <= 0 || (i > 0 && s[i] == s[i-1]) {
			continue
		}
		pts = append(pts, plotter.XY{X: s[i], Y: (n - float64(i)) / n})
	}
	return pts
}

// giniLabel is an arm's legend entry with its mean Gini.
func giniLabel(name string, gini float64) string {
	if math.IsNaN(gini) {
		return name
	}
	return fmt.Sprintf("%s (Gini %.3f)", name, gini)
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten, so that histogram
// bins hold whole multiples of any round trading amount.
func niceStep(x float64) float64 {
	if x <= 1 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*pow >= x {
			return m * pow
		}
	}
	return 10 * pow
}
