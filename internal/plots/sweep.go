package plots

import (
	"fmt"
	"io"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// WriteSweep draws the sweep's figures into the folder and returns their names:
// for one swept key, each metric against the value, an arm a line with its
// 95% band; for two, a grid per metric and arm, each cell the mean.
func WriteSweep(out *batch.Folder, format string, sc *scenario.Scenario, ps []batch.Point) ([]string, error) {
	var names []string
	save := func(name string, p *fig) error {
		err := out.Write(name, func(w io.Writer) error { return writePlot(w, p, format) })
		if err == nil {
			names = append(names, name)
		}
		return err
	}
	files := armFiles(sc)
	for _, metric := range sc.Sweeps[0].Metrics {
		if len(sc.Sweeps) == 1 {
			p, err := sweepLine(sc, ps, metric)
			if err != nil {
				return names, err
			}
			if err := save(fmt.Sprintf("sweep_%s.%s", metric, format), p); err != nil {
				return names, err
			}
			continue
		}
		for a := range sc.Arms {
			p, err := sweepGrid(sc, ps, metric, a)
			if err != nil {
				return names, err
			}
			if err := save(fmt.Sprintf("sweep_%s_%s.%s", metric, files[a], format), p); err != nil {
				return names, err
			}
		}
	}
	return names, nil
}

// armFiles returns each arm's name as a part of file names: made safe, and
// numbered when two arms would otherwise share one.
func armFiles(sc *scenario.Scenario) []string {
	names := make([]string, len(sc.Arms))
	seen := map[string]bool{}
	for a, arm := range sc.Arms {
		names[a] = batch.SafeName(arm.Name)
		if seen[names[a]] {
			names[a] = fmt.Sprintf("%s_%d", names[a], a+1)
		}
		seen[names[a]] = true
	}
	return names
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

func sweepLine(sc *scenario.Scenario, ps []batch.Point, metric string) (*fig, error) {
	sw := sc.Sweeps[0]
	xs, ticker := axisPositions(sw.Values, false)
	p := newPlot(fmt.Sprintf("%s: %s against %s (%s, mean of %d seeds, 95%% band)", sc.Name, metric, sw.Key, sw.When(), sc.Run().Seeds),
		sw.Key, metric)
	p.Title.TextStyle.Font.Size = vg.Points(12)
	p.X.Tick.Marker = ticker
	for a, arm := range sc.Arms {
		var s series
		var hi plotter.XYs
		for i := range ps {
			mean, l, h := metrics.MeanCI(ps[i].Metric(a, sc.Sweeps[0].Moment, metric), 0.95)
			s.mean = append(s.mean, plotter.XY{X: xs[i], Y: mean})
			s.band = append(s.band, plotter.XY{X: xs[i], Y: l})
			hi = append(hi, plotter.XY{X: xs[i], Y: h})
		}
		for i := len(hi) - 1; i >= 0; i-- {
			s.band = append(s.band, hi[i])
		}
		if err := addSeries(p, a, s, arm.Name, nil, sc.Run().Seeds > 1); err != nil {
			return nil, err
		}
		pts, err := plotter.NewScatter(s.mean)
		if err != nil {
			return nil, err
		}
		pts.Color, pts.Radius = armColor(a), vg.Points(3)
		p.Add(pts)
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

func sweepGrid(sc *scenario.Scenario, ps []batch.Point, metric string, a int) (*fig, error) {
	sx, sy := sc.Sweeps[0], sc.Sweeps[1]
	g := grid{cols: len(sx.Values), rows: len(sy.Values), z: make([]float64, len(ps))}
	for i := range ps { // the first sweep varies slowest
		col, row := i/len(sy.Values), i%len(sy.Values)
		g.z[row*g.cols+col], _, _ = metrics.MeanCI(ps[i].Metric(a, sc.Sweeps[0].Moment, metric), 0.95)
	}
	lo, hi := g.minMax()
	pal := moreland.SmoothBlueRed()
	pal.SetMin(lo)
	pal.SetMax(max(hi, lo+1e-12))
	p := newPlot(fmt.Sprintf("%s, arm %s: mean %s (%s, %d seeds); from %.3g (blue) to %.3g (red)",
		sc.Name, sc.Arms[a].Name, metric, sx.When(), sc.Run().Seeds, lo, hi), sx.Key, sy.Key)
	p.Title.TextStyle.Font.Size = vg.Points(11)
	p.Add(plotter.NewHeatMap(g, pal.Palette(255)))
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
