// Package plots draws the figures of a run with gonum/plot: wealth
// distributions, Lorenz curves and metrics over time, each arm in its own
// colour. It is the only package that imports gonum/plot.
package plots

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	stdfont "golang.org/x/image/font"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Formats are the file formats plots can be written in.
var Formats = []string{"png", "svg", "pdf"}

// palette is the Okabe–Ito set of colours, distinguishable with the common
// forms of colour blindness.
var palette = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xff}, // blue
	{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	{0x00, 0x9E, 0x73, 0xff}, // bluish green
	{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	{0xE6, 0x9F, 0x00, 0xff}, // orange
	{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	{0x00, 0x00, 0x00, 0xff}, // black
}

// armColor returns the colour of the i'th arm.
func armColor(i int) color.RGBA { return palette[i%len(palette)] }

// faded returns c with the given opacity, for confidence bands.
func faded(c color.RGBA, alpha uint8) color.NRGBA {
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: alpha}
}

// The resolution of PNG files.
const dpi = 150

// fig is a plot with its legend and notes, drawn in a strip below the
// data so that they never hide it and never stretch an axis.
type fig struct {
	*plot.Plot
	entries []legendEntry
	notes   []string
	// Axis labels drawn by writePlot instead of gonum/plot, for log
	// axes: gonum/plot pads a log axis as if its label sat at the
	// arithmetic middle of the range, which leaves gaps at the top and
	// the right of the data.
	xLabel, yLabel string
	colorBar       *plot.Plot // drawn at the right of the data, or nil
}

// legendEntry is one entry of a fig's legend.
type legendEntry struct {
	text   string
	thumbs []plot.Thumbnailer
}

// newPlot returns a plot with a title, axis labels and readable type sizes.
func newPlot(title, x, y string) *fig {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(15)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = x
	p.Y.Label.Text = y
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Marker = plainTicks{}
		a.Label.TextStyle.Font.Size = vg.Points(12)
		a.Tick.Label.Font.Size = vg.Points(10)
	}
	p.Legend.TextStyle.Font.Size = vg.Points(11)
	p.Add(plotterGrid())
	return &fig{Plot: p}
}

// legend adds an entry to the legend.
func (f *fig) legend(text string, thumbs ...plot.Thumbnailer) {
	f.entries = append(f.entries, legendEntry{text, thumbs})
}

// note adds a line of explanation under the plot: why something that
// could be expected is not drawn.
func (f *fig) note(format string, args ...any) {
	f.notes = append(f.notes, fmt.Sprintf(format, args...))
}

// canvas returns a canvas of the format, of size w×h.
func canvas(format string, w, h vg.Length) (vg.CanvasWriterTo, error) {
	switch format {
	case "png":
		return fastPNG{vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))}, nil
	case "svg":
		return vgsvg.New(w, h), nil
	case "pdf":
		return pdfCanvas{vgpdf.New(w, h)}, nil
	}
	return nil, fmt.Errorf("plots: unknown format %q (use png, svg or pdf)", format)
}

// fastPNG is a PNG canvas compressed for speed: plots are flat colours, so
// the best compression saves a few kilobytes a file at several times the
// time (a batch's plots are a good part of a small run's cost).
type fastPNG struct{ *vgimg.Canvas }

// WriteTo writes the canvas as a PNG image.
func (c fastPNG) WriteTo(w io.Writer) (int64, error) {
	n := &countingWriter{w: w}
	err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(n, c.Image())
	return n.n, err
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writePlot draws f on a canvas of the style's format and size and writes
// it to w: the title wrapped to the width, the data, and below them the
// legend and the notes. gonum/plot panics on some data it cannot draw;
// that becomes an error naming the figure, never a crash.
func writePlot(w io.Writer, f *fig, st Style) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plots: cannot draw %q: %v", f.Title.Text, r)
		}
	}()
	width, height := st.size()
	f.scaleText(st.scale())
	c, err := canvas(st.Format, width, height)
	if err != nil {
		return err
	}
	dc := draw.New(c)
	left, right := vg.Length(0), vg.Length(0)
	if f.yLabel != "" {
		left = f.Y.Label.TextStyle.Height(f.yLabel) + f.Y.Label.Padding
	}
	if f.colorBar != nil {
		right = vg.Inch
	}
	f.Title.Text = wrap(f.Title.TextStyle, f.Title.Text, width-left-right-vg.Points(20))
	// Axis names wrap too, so that a narrow figure (a journal's column)
	// shows them whole.
	f.xLabel = wrap(f.X.Label.TextStyle, f.xLabel, width-vg.Points(20))
	f.X.Label.Text = wrap(f.X.Label.TextStyle, f.X.Label.Text, width-left-right-vg.Points(60))
	strip := f.strip(dc, false)
	f.Y.Label.Text = wrap(f.Y.Label.TextStyle, f.Y.Label.Text, height-strip-f.Title.TextStyle.Height(f.Title.Text)-vg.Points(40))
	if f.yLabel != "" {
		sty := f.Y.Label.TextStyle
		sty.Rotation += math.Pi / 2
		area := draw.Crop(dc, 0, 0, strip, 0)
		dc.FillText(sty, vg.Point{X: dc.Min.X + sty.Height(f.yLabel) - sty.FontExtents().Descent, Y: area.Center().Y}, f.yLabel)
	}
	if f.colorBar != nil {
		f.colorBar.Draw(draw.Crop(dc, dc.Max.X-dc.Min.X-right+vg.Points(8), 0, strip+vg.Points(40), -vg.Points(30)))
	}
	f.Plot.Draw(draw.Crop(dc, left, -right, strip, 0))
	f.strip(draw.Crop(dc, 0, 0, 0, strip-(dc.Max.Y-dc.Min.Y)), true)
	_, err = c.WriteTo(w)
	return err
}

// strip lays out the legend (entries side by side, wrapped) and the notes
// at the bottom of c, drawing them when draw is set, and returns their
// height.
func (f *fig) strip(c draw.Canvas, drawIt bool) vg.Length {
	if len(f.entries) == 0 && len(f.notes) == 0 && f.xLabel == "" {
		return 0
	}
	sty := f.Legend.TextStyle
	pad, thumb := vg.Points(6), vg.Points(22)
	lineH := sty.Height("Xg") + vg.Points(4)
	labelH := vg.Length(0)
	if f.xLabel != "" {
		labelH = f.X.Label.TextStyle.Height(f.xLabel) + vg.Points(2)
	}
	avail := c.Max.X - c.Min.X - 2*pad
	// Place the entries in rows.
	type placed struct {
		e    legendEntry
		x    vg.Length
		row  int
		text vg.Length
	}
	var items []placed
	var rowWidths []vg.Length
	x, row := vg.Length(0), 0
	for _, e := range f.entries {
		w := thumb + pad/2 + sty.Width(e.text)
		if x > 0 && x+w > avail {
			rowWidths = append(rowWidths, x-2*pad)
			x, row = 0, row+1
		}
		items = append(items, placed{e, x, row, sty.Width(e.text)})
		x += w + 2*pad
	}
	if len(f.entries) > 0 {
		rowWidths = append(rowWidths, x-2*pad)
	}
	noteSty := sty
	noteSty.Font.Size = sty.Font.Size * 10 / 11 // the legend's is 11 points at the default size
	noteSty.Font.Style = stdfont.StyleItalic
	var noteLines []string
	for _, n := range f.notes {
		noteLines = append(noteLines, strings.Split(wrap(noteSty, n, avail), "\n")...)
	}
	height := pad + labelH + vg.Length(len(rowWidths))*lineH + vg.Length(len(noteLines))*lineH + pad
	if !drawIt {
		return height
	}
	if f.xLabel != "" {
		lsty := f.X.Label.TextStyle
		lsty.XAlign, lsty.YAlign = draw.XCenter, draw.YTop
		c.FillText(lsty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y}, f.xLabel)
	}
	top := c.Max.Y - pad - labelH
	for _, it := range items {
		left := c.Min.X + pad + (avail-rowWidths[it.row])/2 + it.x
		y := top - vg.Length(it.row+1)*lineH
		icon := &draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: left, Y: y + vg.Points(2)}, Max: vg.Point{X: left + thumb, Y: y + lineH - vg.Points(2)}}}
		for _, t := range it.e.thumbs {
			t.Thumbnail(icon)
		}
		c.FillText(sty, vg.Point{X: left + thumb + pad/2, Y: y + vg.Points(3)}, it.e.text)
	}
	y := top - vg.Length(len(rowWidths))*lineH
	for _, l := range noteLines {
		y -= lineH
		c.FillText(noteSty, vg.Point{X: c.Min.X + pad, Y: y + vg.Points(3)}, l)
	}
	return height
}

// wrap breaks text into lines no wider than w, at spaces.
func wrap(sty text.Style, s string, w vg.Length) string {
	if sty.Width(s) <= w {
		return s
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && sty.Width(line+" "+word) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = strings.TrimPrefix(line+" "+word, " ")
	}
	return strings.Join(append(lines, line), "\n")
}

// plotterGrid returns light grid lines, drawn under the data.
func plotterGrid() plot.Plotter {
	g := plotter.NewGrid()
	g.Vertical.Color = color.Gray{Y: 225}
	g.Horizontal.Color = color.Gray{Y: 225}
	return g
}

// logTicks are plot.LogTicks without the ticks outside the axis, which
// would otherwise push the plot's margins out, labelled in few digits
// (0.0001, not 9.999999999999999e-05).
type logTicks struct{}

// Ticks returns the log ticks between min and max.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for _, t := range (plot.LogTicks{Prec: -1}).Ticks(min, max) {
		if t.Value >= min && t.Value <= max {
			if t.Label != "" {
				t.Label = tickLabel(t.Value)
			}
			ts = append(ts, t)
		}
	}
	return ts
}

// tickLabel writes a tick's value in at most three significant digits:
// plainly from 0.001 to a million, in powers of ten beyond.
func tickLabel(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	if a := math.Abs(r); a != 0 && (a < 1e-3 || a >= 1e6) {
		return strconv.FormatFloat(r, 'g', 3, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// plainTicks label five to ten values at a round step (1, 2 or 5 times a
// power of ten) in the fewest digits, with unlabelled ticks between them:
// gonum/plot's DefaultTicks aims at three labels, too few to read a value
// off a printed figure.
type plainTicks struct{}

// Ticks returns the ticks between min and max.
func (plainTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) {
		return []plot.Tick{{Value: min, Label: tickLabel(min)}}
	}
	step, minor := roundStep((max - min) / 5)
	var ts []plot.Tick
	first := math.Ceil(min/minor - 1e-9)
	for k := first; k*minor <= max+minor*1e-9; k++ {
		v := k * minor
		t := plot.Tick{Value: v}
		if r := math.Mod(math.Abs(v), step); r < minor*1e-6 || step-r < minor*1e-6 {
			r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', decimals(step), 64), 64)
			t.Label = strconv.FormatFloat(r+0, 'f', -1, 64) // +0: no "-0"
		}
		ts = append(ts, t)
	}
	return ts
}

// roundStep returns the largest step of 1, 2 or 5 times a power of ten at
// most x — so a span of 5x holds five to ten labels — and the step of the
// unlabelled ticks between them.
func roundStep(x float64) (step, minor float64) {
	pow := math.Pow(10, math.Floor(math.Log10(x)))
	switch m := x / pow; {
	case m >= 5:
		return 5 * pow, pow
	case m >= 2:
		return 2 * pow, pow
	}
	return pow, pow / 2
}

// decimals returns the decimals a multiple of step needs.
func decimals(step float64) int {
	return max(0, int(math.Ceil(-math.Log10(step)-1e-9)))
}

// logAxes puts both axes of p on log scales, their labels drawn by
// writePlot.
func logAxes(p *fig) {
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = logTicks{}, logTicks{}
	p.xLabel, p.yLabel = p.X.Label.Text, p.Y.Label.Text
	p.X.Label.Text, p.Y.Label.Text = "", ""
}

// finite reports whether every x is a number a plot can draw.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
