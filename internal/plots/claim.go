package plots

import (
	"fmt"
	"image/color"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
)

// Colours of verdicts.
var (
	supportedColor    = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	notSupportedColor = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
)

// WriteClaims draws a figure per claim into dir — claim_1.png, claim_2.png,
// ... — and returns the file names.
func WriteClaims(dir, format string, vs []claims.Verdict) ([]string, error) {
	var names []string
	for i := range vs {
		p, err := claimPlot(&vs[i])
		if err != nil {
			return names, err
		}
		name := fmt.Sprintf("claim_%d.%s", i+1, format)
		err = batch.WriteFile(filepath.Join(dir, name), func(w io.Writer) error { return writePlot(w, p, format) })
		if err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}

// claimPlot shows the claim's value in every seed, their mean and its 95%
// interval, against the line the claim must clear.
func claimPlot(v *claims.Verdict) (*plot.Plot, error) {
	verdict, col := "NOT SUPPORTED", notSupportedColor
	if v.Supported {
		verdict, col = "SUPPORTED", supportedColor
	}
	ylabel := v.Subject()
	if v.Boolean {
		ylabel = "holds (1) or not (0)"
	}
	p := newPlot(fmt.Sprintf("%s — %s", shorten(v.Claim.Text, 90), verdict), "seed (run)", shorten(ylabel, 60))
	p.Title.TextStyle.Font.Size = vg.Points(13)
	n := float64(len(v.Values))
	pts := make(plotter.XYs, len(v.Values))
	for i, x := range v.Values {
		pts[i] = plotter.XY{X: float64(i + 1), Y: x}
	}
	if !v.Boolean && len(v.Values) > 1 {
		band, err := plotter.NewPolygon(plotter.XYs{{X: 0.5, Y: v.Lo}, {X: n + 0.5, Y: v.Lo}, {X: n + 0.5, Y: v.Hi}, {X: 0.5, Y: v.Hi}})
		if err != nil {
			return nil, err
		}
		band.Color = faded(col, 60)
		band.LineStyle.Width = 0
		p.Add(band)
		p.Legend.Add("95% interval of the mean", band)
	}
	mean, err := plotter.NewLine(plotter.XYs{{X: 0.5, Y: v.Mean}, {X: n + 0.5, Y: v.Mean}})
	if err != nil {
		return nil, err
	}
	mean.Color, mean.Width = col, vg.Points(2)
	p.Add(mean)
	p.Legend.Add(strings.Replace(fmt.Sprintf("mean %+.3g", v.Mean), "-", "−", 1), mean)
	for _, y := range thresholds(v) {
		line, err := plotter.NewLine(plotter.XYs{{X: 0.5, Y: y}, {X: n + 0.5, Y: y}})
		if err != nil {
			return nil, err
		}
		line.Color = color.Gray{Y: 60}
		line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		p.Add(line)
	}
	seeds, err := plotter.NewScatter(pts)
	if err != nil {
		return nil, err
	}
	seeds.Color, seeds.Radius = armColor(0), vg.Points(3)
	p.Add(seeds)
	p.Legend.Add(fmt.Sprintf("each seed (%d of %d agree)", v.Agree, len(v.Values)), seeds)
	p.X.Min, p.X.Max = 0.5, n+0.5
	// Leave the top 30% of the plot to the legend.
	lo, hi := slices.Min(v.Values), slices.Max(v.Values)
	for _, y := range append(thresholds(v), v.Lo, v.Hi) {
		lo, hi = min(lo, y), max(hi, y)
	}
	span := max(hi-lo, 1e-9)
	p.Y.Min, p.Y.Max = lo-0.05*span, hi
	legendRoom(p, 0.3)
	return p, nil
}

// thresholds are the lines a claim's values are judged against.
func thresholds(v *claims.Verdict) []float64 {
	switch {
	case v.Boolean:
		return []float64{0.5}
	case v.Claim.Op == "within":
		return []float64{-v.Claim.Tolerance, v.Claim.Tolerance}
	}
	return []float64{0}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
