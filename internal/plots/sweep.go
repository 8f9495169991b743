package plots

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/scenario"
)

// WriteSweep draws the sweep's figures into the folder and returns their
// names. For each metric: with one swept key, the metric against the value
// (an arm a line with its 95% band; categories as points with error bars);
// with two in a full grid, a heat map per arm on a colour scale shared by
// the arms; with more keys, or a Latin hypercube, the metric against each
// key in turn (over everything else the sweep varies), and for a full grid
// of three keys or more with several arms, each arm's difference from the
// first over every pair of keys (the interactions a line per key hides).
func WriteSweep(out *batch.Folder, st Style, sc *scenario.Scenario, ps []batch.Point) ([]string, error) {
	var names []string
	save := func(name string, p *fig) error {
		err := out.Write(name, func(w io.Writer) error { return writePlot(w, p, st) })
		if err == nil {
			names = append(names, name)
		}
		return err
	}
	files := batch.ArmFiles(sc)
	for _, metric := range sc.Sweeps[0].Metrics {
		switch {
		case len(sc.Sweeps) == 1:
			p, err := sweepEffect(sc, ps, metric, 0)
			if err == nil {
				err = save(fmt.Sprintf("sweep_%s.%s", metric, st.Format), p)
			}
			if err != nil {
				return names, err
			}
		case len(sc.Sweeps) == 2 && sc.Design.LHS == 0:
			lo, hi := gridRange(sc, ps, metric)
			for a := range sc.Arms {
				p, err := sweepGrid(sc, ps, metric, a, lo, hi)
				if err == nil {
					err = save(fmt.Sprintf("sweep_%s_%s.%s", metric, files[a], st.Format), p)
				}
				if err != nil {
					return names, err
				}
			}
		default:
			for k, sw := range sc.Sweeps {
				p, err := sweepEffect(sc, ps, metric, k)
				if err == nil {
					err = save(fmt.Sprintf("sweep_%s_by_%s.%s", metric, batch.SafeName(sw.Key), st.Format), p)
				}
				if err != nil {
					return names, err
				}
			}
			if sc.Design.LHS == 0 && len(sc.Arms) > 1 {
				if err := interactions(sc, ps, metric, files, st.Format, save); err != nil {
					return names, err
				}
			}
		}
	}
	return names, nil
}

// axisPositions returns where each value of a sweep sits on an axis: the
// number itself when all values are numbers (and cells is false), else its
// index, with ticks labelled by the values.
func axisPositions(values []string, cells bool) ([]float64, plot.Ticker) {
	pos := make([]float64, len(values))
	numeric := !cells
	for i, v := range values {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			numeric = false
		}
		pos[i] = x
	}
	if numeric {
		return pos, plainTicks{}
	}
	ticks := make(plot.ConstantTicks, len(values))
	for i, v := range values {
		pos[i] = float64(i)
		ticks[i] = plot.Tick{Value: float64(i), Label: v}
	}
	return pos, ticks
}

// sweepEffect draws a metric against the k'th swept key: at each of its
// values, the mean over every run there (every seed, and every value of
// the other keys), an arm a colour, with the 95% interval. Numbers are
// joined by a line; categories stand apart; a Latin hypercube, whose
// points each have their own value, is a cloud of points.
func sweepEffect(sc *scenario.Scenario, ps []batch.Point, metric string, k int) (*fig, error) {
	sw := sc.Sweeps[k]
	var values []string // in the order of the sweep, or of the points for a hypercube
	at := map[string][]int{}
	for i := range ps {
		v := ps[i].Values[k]
		if _, seen := at[v]; !seen {
			values = append(values, v)
		}
		at[v] = append(at[v], i)
	}
	if sc.Design.LHS == 0 {
		values = slices.DeleteFunc(slices.Clone(sw.Values), func(v string) bool { return at[v] == nil })
	}
	xs, ticker := axisPositions(values, false)
	_, categorical := ticker.(plot.ConstantTicks)
	cloud := sc.Design.LHS > 0 && !categorical
	over := "mean of %d seeds, 95%% band"
	switch {
	case cloud:
		over = "each dot a point's mean over %d seeds"
	case len(sc.Sweeps) > 1:
		over = "mean over %d seeds and the other keys' values, 95%% band"
	}
	p := newPlot(fmt.Sprintf("%s: %s against %s (%s, "+over+")", sc.Name, metric, sw.Key, sw.When(), sc.Run().Seeds), keyAxis(sw.Key), metricAxis(sc, metric))
	p.Title.TextStyle.Font.Size = vg.Points(12)
	p.X.Tick.Marker = ticker
	for a, arm := range sc.Arms {
		var s series
		var hi plotter.XYs
		var errs plotter.YErrors
		for i, v := range values {
			var runs []float64
			for _, j := range at[v] {
				runs = append(runs, ps[j].Metric(a, sw.Moment, metric)...)
			}
			mean, l, h := interval.MeanCI(runs, 0.95)
			if !finite(mean) {
				continue
			}
			s.mean = append(s.mean, plotter.XY{X: xs[i], Y: mean})
			if finite(l, h) {
				s.band = append(s.band, plotter.XY{X: xs[i], Y: l})
				hi = append(hi, plotter.XY{X: xs[i], Y: h})
				errs = append(errs, struct{ Low, High float64 }{mean - l, h - mean})
			}
		}
		if len(s.mean) == 0 {
			p.note("%s: %s is undefined at every point.", arm.Name, metric)
			continue
		}
		pts, err := plotter.NewScatter(s.mean)
		if err != nil {
			return nil, err
		}
		pts.Color, pts.Radius = armColor(a), vg.Points(3)
		if cloud || categorical {
			pts.Shape = draw.CircleGlyph{}
			p.Add(pts)
			p.legend(arm.Name, pts)
			if categorical && len(errs) == len(s.mean) {
				bars, err := plotter.NewYErrorBars(struct {
					plotter.XYer
					plotter.YErrorer
				}{s.mean, errs})
				if err != nil {
					return nil, err
				}
				bars.Color = armColor(a)
				p.Add(bars)
			}
			continue
		}
		for i := len(hi) - 1; i >= 0; i-- {
			s.band = append(s.band, hi[i])
		}
		if err := addSeries(p, a, s, arm.Name, nil, sc.Run().Seeds > 1 || len(sc.Sweeps) > 1, nil); err != nil {
			return nil, err
		}
		p.Add(pts)
	}
	if categorical {
		p.X.Min, p.X.Max = -0.5, float64(len(values))-0.5
	}
	return p, nil
}

// grid is the mean of a metric at every point of a two-key sweep.
type grid struct {
	cols, rows int
	z          []float64 // row-major: z[row*cols+col]
}

func (g grid) Dims() (int, int)   { return g.cols, g.rows }
func (g grid) Z(c, r int) float64 { return g.z[r*g.cols+c] }
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }
func (g grid) minMax() (lo, hi float64) {
	lo, hi = g.z[0], g.z[0]
	for _, z := range g.z {
		lo, hi = min(lo, z), max(hi, z)
	}
	return lo, hi
}

// maxLabelledCells is the largest grid whose cells carry their values.
const maxLabelledCells = 144

// pairGrid is, at every pair of values of the kx'th and ky'th swept keys
// (of a full grid), the mean of what value gives at every point with those
// values: over seeds, and over the other keys' values where there are more
// than two keys.
func pairGrid(sc *scenario.Scenario, ps []batch.Point, kx, ky int, value func(p *batch.Point) []float64) grid {
	sx, sy := sc.Sweeps[kx], sc.Sweeps[ky]
	g := grid{cols: len(sx.Values), rows: len(sy.Values), z: make([]float64, len(sx.Values)*len(sy.Values))}
	cells := make([][]float64, len(g.z))
	for i := range ps {
		col, row := slices.Index(sx.Values, ps[i].Values[kx]), slices.Index(sy.Values, ps[i].Values[ky])
		cells[row*g.cols+col] = append(cells[row*g.cols+col], value(&ps[i])...)
	}
	for c, xs := range cells {
		g.z[c], _, _ = interval.MeanCI(xs, 0.95)
	}
	return g
}

// armGrid is the mean of a metric at every point of a two-key grid, for
// arm a.
func armGrid(sc *scenario.Scenario, ps []batch.Point, metric string, a int) grid {
	return pairGrid(sc, ps, 0, 1, func(p *batch.Point) []float64 { return p.Metric(a, sc.Sweeps[0].Moment, metric) })
}

// diffGrid is the mean difference of a metric, arm a minus the first arm
// paired by seed, at every pair of values of two of the swept keys, over
// the seeds and the other keys' values: how the keys together change the
// gap between the worlds, which a line per key averages away.
func diffGrid(sc *scenario.Scenario, ps []batch.Point, metric string, a, kx, ky int) grid {
	return pairGrid(sc, ps, kx, ky, func(p *batch.Point) []float64 {
		xs, base := p.Metric(a, sc.Sweeps[0].Moment, metric), p.Metric(0, sc.Sweeps[0].Moment, metric)
		d := make([]float64, len(xs))
		for s := range xs {
			d[s] = xs[s] - base[s]
		}
		return d
	})
}

// gridRange is the range of a metric's means over every arm's grid: one
// colour scale for all of them, so that a colour means the same number in
// every arm's map.
func gridRange(sc *scenario.Scenario, ps []batch.Point, metric string) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for a := range sc.Arms {
		l, h := armGrid(sc, ps, metric, a).minMax()
		lo, hi = min(lo, l), max(hi, h)
	}
	if !finite(lo, hi) {
		return 0, 1
	}
	return lo, max(hi, lo+1e-12)
}

func sweepGrid(sc *scenario.Scenario, ps []batch.Point, metric string, a int, lo, hi float64) (*fig, error) {
	title := fmt.Sprintf("%s, arm %s: mean %s (%s, %d seeds); the colour scale is the same for every arm",
		sc.Name, sc.Arms[a].Name, metric, sc.Sweeps[0].When(), sc.Run().Seeds)
	return heatMap(title, sc.Sweeps[0], sc.Sweeps[1], armGrid(sc, ps, metric, a), lo, hi, metric)
}

// heatMap draws grid g over the values of sx (across) and sy (up) on the
// colour scale lo..hi, titled barTitle, each cell with its value where
// there are few.
func heatMap(title string, sx, sy scenario.Sweep, g grid, lo, hi float64, barTitle string) (*fig, error) {
	pal := moreland.SmoothBlueRed()
	pal.SetMin(lo)
	pal.SetMax(hi)
	p := newPlot(title, keyAxis(sx.Key), keyAxis(sy.Key))
	p.Title.TextStyle.Font.Size = vg.Points(11)
	hm := plotter.NewHeatMap(g, pal.Palette(255))
	hm.Min, hm.Max = lo, hi // the shared scale, not this map's own range
	p.Add(hm)
	bar := plot.New()
	bar.Add(&plotter.ColorBar{ColorMap: pal, Vertical: true})
	bar.Title.Text = barTitle
	bar.Title.TextStyle.Font.Size = vg.Points(10)
	bar.X.Tick.Marker = plot.ConstantTicks{}
	bar.Y.Tick.Marker = plainTicks{}
	bar.HideX()
	p.colorBar = bar
	_, xt := axisPositions(sx.Values, true)
	_, yt := axisPositions(sy.Values, true)
	p.X.Tick.Marker, p.Y.Tick.Marker = xt, yt
	if g.cols*g.rows <= maxLabelledCells {
		var pts plotter.XYs
		var labels []string
		for r := range g.rows {
			for c := range g.cols {
				pts = append(pts, plotter.XY{X: float64(c), Y: float64(r)})
				labels = append(labels, strconv.FormatFloat(g.Z(c, r), 'f', 3, 64))
			}
		}
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: labels})
		if err != nil {
			return nil, err
		}
		for i := range l.TextStyle {
			l.TextStyle[i].XAlign, l.TextStyle[i].YAlign = -0.5, -0.5
			l.TextStyle[i].Font.Size = vg.Points(9)
		}
		p.Add(l)
	}
	return p, nil
}

// interactions draws, for a full grid of three keys or more, a heat map of
// each arm's difference from the first for every pair of keys, on one
// colour scale for the metric centred on zero: a line per key shows the
// gap averaged over the other keys, a map shows where two keys together
// widen or close it.
func interactions(sc *scenario.Scenario, ps []batch.Point, metric string, files []string, format string, save func(string, *fig) error) error {
	type pair struct{ a, kx, ky int }
	var pairs []pair
	grids := map[pair]grid{}
	reach := 0.0
	for a := 1; a < len(sc.Arms); a++ {
		for kx := range sc.Sweeps {
			for ky := kx + 1; ky < len(sc.Sweeps); ky++ {
				pr := pair{a, kx, ky}
				g := diffGrid(sc, ps, metric, a, kx, ky)
				lo, hi := g.minMax()
				if finite(lo, hi) {
					reach = max(reach, -lo, hi)
				}
				pairs, grids[pr] = append(pairs, pr), g
			}
		}
	}
	reach = max(reach, 1e-12)
	for _, pr := range pairs {
		sx, sy := sc.Sweeps[pr.kx], sc.Sweeps[pr.ky]
		title := fmt.Sprintf("%s: %s, %s − %s, paired by seed (%s; mean over %d seeds and the other keys' values); the colour scale is the same for every pair",
			sc.Name, metric, sc.Arms[pr.a].Name, sc.Arms[0].Name, sx.When(), sc.Run().Seeds)
		p, err := heatMap(title, sx, sy, grids[pr], -reach, reach, sc.Arms[pr.a].Name+" − "+sc.Arms[0].Name)
		if err == nil {
			err = save(fmt.Sprintf("sweep_%s_%s_minus_%s_%s_%s.%s", metric, files[pr.a], files[0], batch.SafeName(sx.Key), batch.SafeName(sy.Key), format), p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
