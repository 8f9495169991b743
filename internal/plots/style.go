// Package plots draws the figures of a run with gonum/plot: wealth
// distributions, Lorenz curves and metrics over time, each arm in its own
// colour. It is the only package that imports gonum/plot.
package plots

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
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

// Figure size, and the resolution of PNG files.
const (
	width  = 8 * vg.Inch
	height = 5 * vg.Inch
	dpi    = 150
)

// newPlot returns a plot with a title, axis labels and readable type sizes.
func newPlot(title, x, y string) *plot.Plot {
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
	p.Legend.Top = true
	p.Add(plotterGrid())
	return p
}

// canvas returns a canvas of the format, of size w×h.
func canvas(format string, w, h vg.Length) (vg.CanvasWriterTo, error) {
	switch format {
	case "png":
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))}, nil
	case "svg":
		return vgsvg.New(w, h), nil
	case "pdf":
		return vgpdf.New(w, h), nil
	}
	return nil, fmt.Errorf("plots: unknown format %q (use png, svg or pdf)", format)
}

// writePlot draws p on a canvas of the format and writes it to w.
func writePlot(w io.Writer, p *plot.Plot, format string) error {
	c, err := canvas(format, width, height)
	if err != nil {
		return err
	}
	p.Draw(draw.New(c))
	_, err = c.WriteTo(w)
	return err
}

// plotterGrid returns light grid lines, drawn under the data.
func plotterGrid() plot.Plotter {
	g := plotter.NewGrid()
	g.Vertical.Color = color.Gray{Y: 225}
	g.Horizontal.Color = color.Gray{Y: 225}
	return g
}

// logTicks are plot.LogTicks without the ticks outside the axis, which
// would otherwise push the plot's margins out.
type logTicks struct{}

// Ticks returns the log ticks between min and max.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for _, t := range (plot.LogTicks{Prec: -1}).Ticks(min, max) {
		if t.Value >= min && t.Value <= max {
			ts = append(ts, t)
		}
	}
	return ts
}

// plainTicks are plot.DefaultTicks with labels in the fewest digits.
type plainTicks struct{}

// Ticks returns the default ticks, relabelled.
func (plainTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = strconv.FormatFloat(math.Round(ts[i].Value*1e9)/1e9, 'f', -1, 64)
		}
	}
	return ts
}

// logAxes puts both axes of p on log scales.
func logAxes(p *plot.Plot) {
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = logTicks{}, logTicks{}
}

// legendRoom raises the top of p's vertical axis so that the top fraction
// of the plot holds only the legend. Call it after adding the data.
func legendRoom(p *plot.Plot, fraction float64) {
	span := p.Y.Max - p.Y.Min
	p.Y.Max += span * fraction / (1 - fraction)
}
