package plots

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// Style is how figure files are written: their format and, for a journal's
// column, their width and type size.
type Style struct {
	Format   string    // "png", "svg" or "pdf"
	Width    vg.Length // the figure's width; 0: 8 inches. The height is 5/8 of it (4/5 below 6 inches, where legends take more of it)
	FontSize vg.Length // the tick labels' size (titles, axis names and legends scale with it); 0: 10 points
}

// The bounds of a figure's width and type size: what fits from a narrow
// journal column (about 3.3 in) to a poster, and what stays legible.
const (
	minWidth, maxWidth = 2 * vg.Inch, 20 * vg.Inch
	minFont, maxFont   = vg.Length(5), vg.Length(30)
	defaultWidth       = 8 * vg.Inch
	defaultFont        = vg.Length(10)
)

// ParseStyle checks a format, a width such as "89mm", "3.5in" or "8.9cm"
// (a bare number is inches) and a type size in points, "" for the defaults.
func ParseStyle(format, width, fontSize string) (Style, error) {
	st := Style{Format: format}
	if !slices.Contains(Formats, format) {
		return st, fmt.Errorf("--format %s: expected one of png, svg, pdf", format)
	}
	if width != "" {
		w, err := vg.ParseLength(width + unitIfBare(width, "in"))
		if err != nil || w < minWidth || w > maxWidth {
			return st, fmt.Errorf("--plot-width %s: expected a width from 2in to 20in, such as 89mm or 3.5in (a bare number is inches)", width)
		}
		st.Width = w
	}
	if fontSize != "" {
		f, err := vg.ParseLength(fontSize + unitIfBare(fontSize, "pt"))
		if err != nil || f < minFont || f > maxFont {
			return st, fmt.Errorf("--font-size %s: expected a size in points from 5 to 30, such as 8", fontSize)
		}
		st.FontSize = f
	}
	return st, nil
}

// unitIfBare returns unit when s is a bare number, else "".
func unitIfBare(s, unit string) string {
	if s != "" && (s[len(s)-1] >= '0' && s[len(s)-1] <= '9' || s[len(s)-1] == '.') {
		return unit
	}
	return ""
}

// size returns the figure's width and height.
func (st Style) size() (vg.Length, vg.Length) {
	w := st.Width
	if w == 0 {
		w = defaultWidth
	}
	if w < 6*vg.Inch {
		return w, w * 4 / 5
	}
	return w, w * 5 / 8
}

// scale returns the type size over the default.
func (st Style) scale() float64 {
	if st.FontSize == 0 {
		return 1
	}
	return float64(st.FontSize / defaultFont)
}

// scaleText multiplies every type size of f (and of its colour bar) by s.
func (f *fig) scaleText(s float64) {
	if s == 1 {
		return
	}
	for _, p := range []*plot.Plot{f.Plot, f.colorBar} {
		if p == nil {
			continue
		}
		p.Title.TextStyle.Font.Size *= vg.Length(s)
		p.Legend.TextStyle.Font.Size *= vg.Length(s)
		for _, a := range []*plot.Axis{&p.X, &p.Y} {
			a.Label.TextStyle.Font.Size *= vg.Length(s)
			a.Tick.Label.Font.Size *= vg.Length(s)
		}
	}
}
