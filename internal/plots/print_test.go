package plots

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"commonwealth/internal/batch"
	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// TestTicksEnough checks that a linear axis gets five to ten labels at a
// round step, in plain digits, whatever its range.
func TestTicksEnough(t *testing.T) {
	for _, r := range [][2]float64{{0, 0.75}, {0, 1}, {0, 10}, {0, 1200}, {-0.3, 0.4}, {0.2, 0.35}, {100, 105}, {0, 37}, {-0.001, 0.0004}, {3, 3.0001}, {-5e6, 2e7}} {
		var labels []string
		for _, tk := range (plainTicks{}).Ticks(r[0], r[1]) {
			if tk.Value < r[0]-1e-12 || tk.Value > r[1]+1e-12 {
				t.Errorf("%v: tick %v outside the axis", r, tk.Value)
			}
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if len(labels) < 5 || len(labels) > 11 {
			t.Errorf("%v: %d labels %v, want 5 to 10", r, len(labels), labels)
		}
		for _, l := range labels {
			if strings.ContainsAny(l, "e") || l == "-0" || len(l) > 9 {
				t.Errorf("%v: label %q", r, l)
			}
		}
	}
}

// TestLogScaled checks when the wealth histogram goes to a log axis: for a
// distribution spanning decades (a Pareto tail with α = 1.1), not for an
// exponential one (the equilibrium of random exchange) nor where most hold
// nothing.
func TestLogScaled(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	exp, pareto, broke := make([]float64, 5000), make([]float64, 5000), make([]float64, 5000)
	for i := range exp {
		exp[i] = math.Round(100 * rng.ExpFloat64())
		pareto[i] = math.Round(10 * math.Pow(1-rng.Float64(), -1/1.1))
		if i%3 == 0 {
			broke[i] = pareto[i]
		}
	}
	for _, c := range []struct {
		name string
		xs   []float64
		want bool
	}{{"exponential", exp, false}, {"Pareto", pareto, true}, {"two thirds broke", broke, false}} {
		slices.Sort(c.xs)
		lo, hi, got := logScaled(c.xs)
		if got != c.want {
			t.Errorf("%s: log scale %v (lo %g, hi %g), want %v", c.name, got, lo, hi, c.want)
		}
	}
}

// TestParseStyle reads widths and type sizes as journals give them and
// refuses what no figure could use.
func TestParseStyle(t *testing.T) {
	for _, c := range []struct {
		width, font string
		w, f        vg.Length
	}{
		{"89mm", "8", 89 * vg.Millimeter, 8},
		{"3.5", "", 3.5 * vg.Inch, 0},
		{"8.9cm", "7pt", 89 * vg.Millimeter, 7},
		{"", "", 0, 0},
	} {
		st, err := ParseStyle("pdf", c.width, c.font)
		if err != nil || math.Abs(float64(st.Width-c.w)) > 1e-9 || st.FontSize != c.f || st.Format != "pdf" {
			t.Errorf("%q %q: %+v %v", c.width, c.font, st, err)
		}
	}
	for _, c := range [][3]string{{"png", "1in", ""}, {"png", "wide", ""}, {"png", "", "2"}, {"png", "", "big"}, {"jpg", "", ""}} {
		if _, err := ParseStyle(c[0], c[1], c[2]); err == nil {
			t.Errorf("%q accepted", c)
		}
	}
}

// TestFigureSize draws the wealth histogram at a journal's column width and
// checks the PNG's size in pixels (150 dpi) and that a log axis was chosen
// for wealth spanning decades.
func TestFigureSize(t *testing.T) {
	w := make([]int64, 2000)
	for i := range w {
		w[i] = int64(10 * math.Pow(1-float64(i)/2000, -1/1.1))
	}
	a := arm{name: "one", runs: []batch.Result{{Final: economy.Snapshot{Wealth: w}}}}
	p, err := wealthHistogram("t", []arm{a})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.xLabel, "log scale") {
		t.Errorf("x axis %q: wealth spanning decades wants a log axis, named as one", p.xLabel)
	}
	st, _ := ParseStyle("png", "89mm", "8")
	var b bytes.Buffer
	if err := writePlot(&b, p, st); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	// 89 mm is 3.504 in: 525.6 pixels at 150 dpi, and 4/5 of that high.
	if got := img.Bounds().Size(); got.X != 526 && got.X != 525 || got.Y != 420 && got.Y != 421 {
		t.Errorf("image %v, want 525×420 or so", got)
	}
}

// TestArmMarkers checks that arms' lines carry markers of different shapes,
// eight each, and that two arms' markers on the same months do not fall on
// the same points.
func TestArmMarkers(t *testing.T) {
	pts := make(plotter.XYs, 121)
	for i := range pts {
		pts[i].X = float64(i)
	}
	seen := map[string]bool{}
	var prev plotter.XYs
	for c := range 6 {
		seen[fmt.Sprintf("%T", armGlyph(c))] = true
		m := markPoints(pts, c)
		if len(m) != marksPerLine || m[0].X < 0 || m[len(m)-1].X > 120 {
			t.Errorf("arm %d: markers %v", c, m)
		}
		if c > 0 && slices.Equal(m, prev) {
			t.Errorf("arms %d and %d put their markers on the same points", c-1, c)
		}
		prev = m
	}
	if len(seen) != 6 {
		t.Errorf("six arms have %d marker shapes", len(seen))
	}
	if short := markPoints(pts[:5], 3); len(short) != 5 {
		t.Errorf("a line of 5 points has %d markers, want one on each", len(short))
	}
}

// TestAxisNames checks axis names in words with units, from the registry.
func TestAxisNames(t *testing.T) {
	for path, want := range map[string]string{
		"people":          "people: number of persons N (persons)",
		"exchange.saving": "exchange.saving: fraction λ of their money each trader keeps out of the trade (fraction)",
		"exchange.amount": "exchange.amount: units moved by one trade (money units)",
		"no.such":         "no.such",
	} {
		if got := keyAxis(path); got != want {
			t.Errorf("keyAxis(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestDiffGrid checks the interaction maps of a three-key sweep: each cell
// is the mean, over seeds and the third key's values, of the second arm
// minus the first, paired by seed.
func TestDiffGrid(t *testing.T) {
	src := "model = \"exchange\"\nmonths = 1\nseeds = 2\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n" +
		"[[sweep]]\nkey = \"people\"\nvalues = [10, 20]\n[[sweep]]\nkey = \"start_wealth\"\nvalues = [5, 6, 7]\n[[sweep]]\nkey = \"exchange.amount\"\nvalues = [1, 2]\n"
	sc, err := scenario.Parse("three.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := batch.Points(sc)
	if err != nil {
		t.Fatal(err)
	}
	// The metric at a point, arm and seed: a made-up function of all three
	// keys with an interaction between the first two in arm b.
	value := func(p, w, amt float64, arm, seed int) float64 {
		v := p + w + amt + float64(seed)
		if arm == 1 {
			v += p * w / 10
		}
		return v
	}
	num := func(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }
	for i := range ps {
		p, w, amt := num(ps[i].Values[0]), num(ps[i].Values[1]), num(ps[i].Values[2])
		for arm := range 2 {
			for seed := range 2 {
				ps[i].Results = append(ps[i].Results, batch.Result{Arm: arm, Seed: uint64(seed + 1), Series: batch.Series{
					Names: []string{"m"}, Months: []int{0, 1}, Rows: [][]float64{{0}, {value(p, w, amt, arm, seed)}}}})
			}
		}
	}
	g := diffGrid(sc, ps, "m", 1, 0, 1)
	if g.cols != 2 || g.rows != 3 {
		t.Fatalf("grid %d×%d, want 2×3", g.cols, g.rows)
	}
	for c, p := range []float64{10, 20} {
		for r, w := range []float64{5, 6, 7} {
			if got, want := g.Z(c, r), p*w/10; math.Abs(got-want) > 1e-12 {
				t.Errorf("people %g, start_wealth %g: %g, want %g", p, w, got, want)
			}
		}
	}
	if g := diffGrid(sc, ps, "m", 1, 1, 2); math.Abs(g.Z(0, 1)-1.5*5) > 1e-12 { // start_wealth 5, amount 2: mean of 10·5/10 and 20·5/10
		t.Errorf("start_wealth 5, amount 2: %g, want 7.5", g.Z(0, 1))
	}
}
