package plots

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// histogramBins is the number of bins of the wealth histogram.
const histogramBins = 60

// wealthHistogram draws the final wealth distribution of each arm (pooled
// over seeds) as a step outline, so several arms stay readable. Where
// wealth spans decades (logScaled) the bins are of equal ratio on a log
// axis; otherwise of equal width, the scale stopping at the 99th
// percentile of everyone's wealth so the bulk shows.
func wealthHistogram(title string, arms []arm) (*fig, error) {
	var all []float64
	for _, a := range arms {
		all = append(all, a.wealth()...)
	}
	slices.Sort(all)
	if lo, hi, ok := logScaled(all); ok {
		return logHistogram(title, arms, lo, hi)
	}
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
	edge := func(b int) float64 { return lo + float64(b)*width }
	bin := func(x float64) int { return max(int((x-lo)/width), 0) }
	return p, steps(p, arms, bins, edge, bin)
}

// logScaled reports whether sorted wealth spans decades — the 99th
// percentile of those holding any ten times their median or more, where
// equal-width bins up to the 99th percentile would put half the people in
// the first tenth of them (an exponential distribution, the equilibrium of
// random exchange, has a ratio of 6.6; a Pareto distribution 50^(1/α),
// above 10 for α below 1.7) — and the range a log axis shows then: from the poorest half
// percent of those holding any to the richest.
func logScaled(sorted []float64) (lo, hi float64, ok bool) {
	i, _ := slices.BinarySearch(sorted, math.SmallestNonzeroFloat64)
	pos := sorted[i:]
	if len(pos) < 2 || len(pos) < len(sorted)/2 {
		return 0, 0, false
	}
	median := stat.Quantile(0.5, stat.Empirical, pos, nil)
	p99 := stat.Quantile(0.99, stat.Empirical, pos, nil)
	lo, hi = stat.Quantile(0.005, stat.Empirical, pos, nil), pos[len(pos)-1]
	return lo, hi, p99 >= 10*median && hi > lo
}

// logHistogram draws the wealth histogram with bins of equal ratio from lo
// (raised so that no bin is narrower than one money unit) to hi on a log
// axis; those holding nothing or in debt are counted in the note, those
// holding less than lo in the first bin.
func logHistogram(title string, arms []arm, lo, hi float64) (*fig, error) {
	// Money comes in whole units: no bin may be narrower than one, or
	// bins between whole numbers would stand empty.
	if step := math.Pow(hi/lo, 1.0/histogramBins) - 1; lo*step < 1 {
		lo = min(1/step, hi/2)
	}
	label := fmt.Sprintf("wealth (money units, log scale; bins of equal ratio, the first also holding those below %s)", tickLabel(lo))
	p := newPlot(title+": wealth at the end", label, "share of people per bin")
	p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, logTicks{}
	p.xLabel, p.X.Label.Text = p.X.Label.Text, ""
	ratio := math.Log(hi / lo)
	edge := func(b int) float64 { return lo * math.Exp(ratio*float64(b)/histogramBins) }
	bin := func(x float64) int {
		if x <= 0 {
			return histogramBins // not drawn
		}
		return min(max(int(math.Log(x/lo)/ratio*histogramBins), 0), histogramBins-1)
	}
	for _, a := range arms {
		w := a.wealth()
		if none := float64(len(w)-len(positive(w))) / float64(len(w)); none > 0 {
			p.note("%s: %s of people hold nothing or are in debt, left off the log scale.", a.name, percent(none))
		}
	}
	p.X.Min, p.X.Max = lo, hi
	return p, steps(p, arms, histogramBins, edge, bin)
}

// steps draws each arm's histogram as a step outline: bins bins, bin b
// from edge(b) to edge(b+1), a value in bin(x) (bins and above: not
// drawn), as a share of the arm's people.
func steps(p *fig, arms []arm, bins int, edge func(int) float64, bin func(float64) int) error {
	for _, a := range arms {
		w := a.wealth()
		counts := make([]float64, bins)
		for _, x := range w {
			if b := bin(x); b < bins {
				counts[b]++
			}
		}
		pts := make(plotter.XYs, bins+1)
		for b := range pts {
			pts[b].X = edge(b)
			pts[b].Y = counts[min(b, bins-1)] / float64(len(w))
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return err
		}
		line.StepStyle = plotter.PostStep
		line.Color = armColor(a.color)
		line.Width = vg.Points(2)
		line.Dashes = armDashes(a.color)
		p.Add(line)
		p.legend(a.name, line)
	}
	p.Y.Min = 0
	return nil
}

// positive returns the values of xs above zero.
func positive(xs []float64) []float64 {
	var out []float64
	for _, x := range xs {
		if x > 0 {
			out = append(out, x)
		}
	}
	return out
}

// percent writes a share as a percentage in at most two significant
// digits.
func percent(x float64) string {
	return strconv.FormatFloat(100*x, 'g', 2, 64) + "%"
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
		line.Dashes = armDashes(a.color)
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
