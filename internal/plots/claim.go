package plots

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
)

// verdictColors are the colours of the three verdicts (Okabe–Ito: bluish
// green, vermillion, and grey for neither) and of NOT APPLICABLE (sky
// blue).
var verdictColors = map[claims.Outcome]color.RGBA{
	claims.Supported:     {0x00, 0x9E, 0x73, 0xff},
	claims.Contradicted:  {0xD5, 0x5E, 0x00, 0xff},
	claims.Inconclusive:  {0x77, 0x77, 0x77, 0xff},
	claims.NotApplicable: {0x56, 0xB4, 0xE9, 0xff},
}

// WriteClaims draws a figure per claim into the folder — claim_1.png, claim_2.png,
// ... — and returns the file names.
func WriteClaims(out *batch.Folder, st Style, vs []claims.Verdict) ([]string, error) {
	var names []string
	for i := range vs {
		p, err := claimPlot(&vs[i])
		if err != nil {
			return names, err
		}
		name := fmt.Sprintf("claim_%d.%s", i+1, st.Format)
		err = out.Write(name, func(w io.Writer) error { return writePlot(w, p, st) })
		if err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}

// claimPlot shows the claim's value in every seed, their mean and its 95%
// interval, against the line the claim must clear. Seeds whose precondition
// failed are drawn as open circles and are not in the mean or its
// interval; a claim NOT APPLICABLE has neither.
func claimPlot(v *claims.Verdict) (*fig, error) {
	verdict, col := v.Outcome.String(), verdictColors[v.Outcome]
	ylabel := v.Subject()
	if v.Boolean {
		ylabel = "holds (1) or not (0)"
	}
	p := newPlot(fmt.Sprintf("%s — %s", shorten(v.Claim.Text, 90), verdict), "seed (run)", shorten(ylabel, 60))
	p.Title.TextStyle.Font.Size = vg.Points(13)
	n := float64(len(v.Values))
	var pts, failed plotter.XYs
	for i, x := range v.Values {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			if v.Passed != nil && !v.Passed[i] {
				failed = append(failed, plotter.XY{X: float64(i + 1), Y: x})
			} else {
				pts = append(pts, plotter.XY{X: float64(i + 1), Y: x})
			}
		}
	}
	if drawn := len(pts) + len(failed); drawn < len(v.Values) {
		p.note("%d of %d seeds give no value (the metric is undefined there): they are not drawn.", len(v.Values)-drawn, len(v.Values))
	}
	if v.Failed > 0 {
		p.note("%s: open circles, not counted.", upperFirst(v.Reason))
	}
	if v.Outcome == claims.NotApplicable {
		p.note("NOT APPLICABLE: %s.", v.Claim.Applicability())
	}
	if !v.Boolean && len(v.Values) > 1 && finite(v.Lo, v.Hi) {
		band, err := plotter.NewPolygon(plotter.XYs{{X: 0.5, Y: v.Lo}, {X: n + 0.5, Y: v.Lo}, {X: n + 0.5, Y: v.Hi}, {X: 0.5, Y: v.Hi}})
		if err != nil {
			return nil, err
		}
		band.Color = faded(col, 60)
		band.LineStyle.Width = 0
		p.Add(band)
		p.legend("95% interval of the mean", band)
	}
	if finite(v.Mean) {
		mean, err := plotter.NewLine(plotter.XYs{{X: 0.5, Y: v.Mean}, {X: n + 0.5, Y: v.Mean}})
		if err != nil {
			return nil, err
		}
		mean.Color, mean.Width = col, vg.Points(2)
		p.Add(mean)
		p.legend(strings.Replace(fmt.Sprintf("mean %+.3g", v.Mean), "-", "−", 1), mean)
	}
	for _, y := range thresholds(v) {
		if !finite(y) {
			continue
		}
		line, err := plotter.NewLine(plotter.XYs{{X: 0.5, Y: y}, {X: n + 0.5, Y: y}})
		if err != nil {
			return nil, err
		}
		line.Color = color.Gray{Y: 60}
		line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		p.Add(line)
	}
	if len(pts) > 0 {
		seeds, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		seeds.Color, seeds.Radius = armColor(0), vg.Points(3)
		p.Add(seeds)
		p.legend(fmt.Sprintf("each seed (%d of %d agree)", v.Agree, len(v.Values)-v.Failed), seeds)
	}
	if len(failed) > 0 {
		open, err := plotter.NewScatter(failed)
		if err != nil {
			return nil, err
		}
		open.Color, open.Radius, open.Shape = verdictColors[claims.NotApplicable], vg.Points(3), draw.RingGlyph{}
		p.Add(open)
		p.legend(fmt.Sprintf("precondition failed (%d seeds, not counted)", v.Failed), open)
	}
	p.X.Min, p.X.Max = 0.5, n+0.5
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, y := range append(thresholds(v), v.Lo, v.Hi) {
		if finite(y) {
			lo, hi = min(lo, y), max(hi, y)
		}
	}
	for _, pt := range append(pts, failed...) {
		lo, hi = min(lo, pt.Y), max(hi, pt.Y)
	}
	if !finite(lo, hi) {
		lo, hi = 0, 1
	}
	span := max(hi-lo, 1e-9, math.Abs(hi)*1e-6)
	p.Y.Min, p.Y.Max = lo-0.05*span, hi+0.05*span
	return p, nil
}

// thresholds are the lines a claim's values are judged against.
func thresholds(v *claims.Verdict) []float64 {
	switch {
	case v.Boolean:
		return []float64{0.5}
	case v.Claim.Op == "within":
		return []float64{-v.Tol, v.Tol}
	}
	return []float64{v.Claim.Threshold()}
}

// upperFirst returns s with its first letter capitalised.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
