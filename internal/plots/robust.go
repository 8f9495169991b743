package plots

import (
	"fmt"
	"io"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/scenario"
)

// WriteRobust draws, for every claim of a robust check, its verdict at each
// drawn parameter set over the two uncertain keys that move its effect
// most (with one uncertain key: the effect against it), a verdict a colour,
// and returns the file names: robust_claim_1.png, ...
func WriteRobust(out *batch.Folder, st Style, sc *scenario.Scenario, keys []string, x [][]float64, verdicts [][]claims.Verdict, rob []claims.Robustness) ([]string, error) {
	var names []string
	for c := range rob {
		p, err := robustPlot(sc, c, keys, x, verdicts, rob[c])
		if err != nil {
			return names, err
		}
		name := fmt.Sprintf("robust_claim_%d.%s", sc.Claims[c].Number, st.Format)
		if err := out.Write(name, func(w io.Writer) error { return writePlot(w, p, st) }); err != nil {
			return names, err
		}
		names = append(names, name)
	}
	return names, nil
}

func robustPlot(sc *scenario.Scenario, c int, keys []string, x [][]float64, verdicts [][]claims.Verdict, rob claims.Robustness) (*fig, error) {
	claim := &sc.Claims[c]
	kx, ky := slices.Index(keys, rob.Influence[0].Key), -1
	ylabel := "the claim's effect (mean over seeds)"
	if len(keys) > 1 {
		ky = slices.Index(keys, rob.Influence[1].Key)
		ylabel = keys[ky]
	}
	p := newPlot(fmt.Sprintf("%s — over %d sets of the uncertain keys", shorten(claim.Text, 80), rob.Sets), keys[kx], ylabel)
	p.Title.TextStyle.Font.Size = vg.Points(13)
	// With one key, a set where the claim is not applicable has no effect:
	// it is drawn along the bottom, below the lowest effect.
	bottom := 0.0
	for s := range verdicts {
		if m := verdicts[s][c].Mean; finite(m) {
			bottom = min(bottom, m)
		}
	}
	for _, o := range []claims.Outcome{claims.Supported, claims.Contradicted, claims.Inconclusive, claims.NotApplicable} {
		var pts plotter.XYs
		for s := range verdicts {
			if verdicts[s][c].Outcome != o {
				continue
			}
			y := verdicts[s][c].Mean
			if ky >= 0 {
				y = x[s][ky]
			} else if o == claims.NotApplicable {
				y = bottom
			}
			if finite(x[s][kx], y) {
				pts = append(pts, plotter.XY{X: x[s][kx], Y: y})
			}
		}
		if len(pts) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		sc.Color, sc.Radius, sc.Shape = verdictColors[o], vg.Points(4), draw.GlyphDrawer(draw.CircleGlyph{})
		if o == claims.NotApplicable {
			sc.Shape = draw.RingGlyph{}
		}
		p.Add(sc)
		label := fmt.Sprintf("%s (%.0f%%)", o, 100*rob.Share[o])
		if o == claims.NotApplicable {
			label = fmt.Sprintf("precondition failed: not applicable (%.0f%%)", 100*rob.Share[o])
		}
		p.legend(label, sc)
	}
	p.note("Each dot is one set of the uncertain keys, drawn by a Latin hypercube; its colour is the claim's verdict there. Most influential (PRCC, 95%% interval): %s.", rob.InfluenceText(3))
	if ky < 0 && rob.Share[claims.NotApplicable] > 0 {
		p.note("Sets where the precondition failed have no effect: their rings stand along the bottom, at the lowest effect.")
	}
	if rob.Warning != "" {
		p.note("Warning: %s.", rob.Warning)
	}
	return p, nil
}
