package ui

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/opentype"
)

// Design is the screen the layout is made for: every size in the window is
// in design units, one a pixel at 1280×720. A larger window scales them up
// (1080p and 4K get sharper text and people, not a smaller layout); a window
// of another shape gets more design units across or down.
const (
	DesignW = 1280
	DesignH = 720
)

// canvas draws in design units onto a screen of any size, and records
// every text it draws, so a test can check that nothing overlaps.
type canvas struct {
	dst   *ebiten.Image
	u     float32 // pixels per design unit
	W, H  float32 // the screen, in design units
	mesh  mesh
	boxes []textBox
	layer int // 0 the base, then one a box drawn over it (menus, help, sliders)
}

// What texts have been measured as and drawn into, kept between frames (and
// between windows: the layout test makes many).
var (
	widths = map[measured]float64{}
	drawn  = map[drawnText]*ebiten.Image{} // texts already rasterised, drawn again as one image each
	seen   = map[drawnText]int{}           // frames each text not yet rasterised has been drawn in
)

// steady is how many times a text is drawn glyph by glyph before it is
// rasterised: the labels and legends that stay on screen are, and the
// numbers that change every month are not (rasterising costs more than
// drawing once).
const steady = 3

// drawnText is a text rasterised at a size in pixels and a colour.
type drawnText struct {
	measured
	col   color.RGBA
	align text.Align
}

// maxDrawn bounds the rasterised texts kept; past it they are all dropped.
const maxDrawn = 1024

// measured is a text measured at a size in pixels.
type measured struct {
	s  string
	f  *opentype.Font
	px float64
}

// maxMeasured bounds the widths remembered: most texts recur every frame,
// a few (the numbers) change.
const maxMeasured = 4096

// textBox is where a text was drawn, in design units.
type textBox struct {
	r     rect
	layer int
	size  float64
	s     string
}

// rect is a rectangle in design units.
type rect struct{ x, y, w, h float32 }

func (r rect) contains(x, y float32) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

func (r rect) overlaps(o rect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// inset returns r shrunk by d on every side.
func (r rect) inset(d float32) rect { return rect{r.x + d, r.y + d, r.w - 2*d, r.h - 2*d} }

// begin starts a frame on dst.
func (c *canvas) begin(dst *ebiten.Image) {
	c.dst = dst
	w, h := float32(dst.Bounds().Dx()), float32(dst.Bounds().Dy())
	c.u = min(w/DesignW, h/DesignH)
	c.W, c.H = w/c.u, h/c.u
	c.boxes, c.layer = c.boxes[:0], 0
}

// over starts drawing a box that lies over what is drawn so far.
func (c *canvas) over() {
	c.flush()
	c.layer++
}

func (c *canvas) rect(r rect, col color.RGBA) {
	u := c.u
	c.mesh.rect(r.x*u, r.y*u, r.w*u, r.h*u, col)
	c.flushIfFull()
}

// frame draws r's outline, w wide, inside it.
func (c *canvas) frame(r rect, w float32, col color.RGBA) {
	c.rect(rect{r.x, r.y, r.w, w}, col)
	c.rect(rect{r.x, r.y + r.h - w, r.w, w}, col)
	c.rect(rect{r.x, r.y + w, w, r.h - 2*w}, col)
	c.rect(rect{r.x + r.w - w, r.y + w, w, r.h - 2*w}, col)
}

func (c *canvas) line(x0, y0, x1, y1, w float32, col color.RGBA) {
	u := c.u
	c.mesh.line(x0*u, y0*u, x1*u, y1*u, w*u, col)
	c.flushIfFull()
}

// polyline draws a line through the points (x0, y0, x1, y1, ...).
func (c *canvas) polyline(pts []float32, w float32, col color.RGBA) {
	for k := 2; k+1 < len(pts); k += 2 {
		c.line(pts[k-2], pts[k-1], pts[k], pts[k+1], w, col)
	}
}

func (c *canvas) flushIfFull() {
	if c.mesh.full() {
		c.flush()
	}
}

// flush draws the shapes so far, so that what comes next lies over them.
func (c *canvas) flush() { c.mesh.draw(c.dst) }

// measure returns the width and height of s at size, in design units.
func (c *canvas) measure(s string, f *opentype.Font, size float64) (w, h float64) {
	u := float64(c.u)
	k := measured{s, f, size * u}
	w, ok := widths[k]
	if !ok {
		if len(widths) >= maxMeasured {
			clear(widths)
		}
		w, _ = text.Measure(s, face(f, size*u), size*u*lineHeight)
		widths[k] = w
	}
	lines := strings.Count(s, "\n") + 1
	return w / u, float64(lines) * size * lineHeight
}

// text draws s with its top at y, aligned at x (text.AlignStart: s starts
// at x; AlignCenter: centred on x; AlignEnd: ends at x), and returns where
// it went.
func (c *canvas) text(s string, f *opentype.Font, size float64, x, y float32, col color.Color, align text.Align) rect {
	c.flush()
	w, h := c.measure(s, f, size)
	r := rect{x, y, float32(w), float32(h)}
	switch align {
	case text.AlignCenter:
		r.x -= r.w / 2
	case text.AlignEnd:
		r.x -= r.w
	}
	c.draw(s, f, size, col, align, r)
	c.boxes = append(c.boxes, textBox{r: r, layer: c.layer, size: size, s: s})
	return r
}

// draw draws s with its box at r: from an image of its own once the text
// is steady on screen (a text drawn glyph by glyph costs a draw a glyph,
// an image one), and glyph by glyph before.
func (c *canvas) draw(s string, f *opentype.Font, size float64, col color.Color, align text.Align, r rect) {
	cr, cg, cb, ca := col.RGBA()
	k := drawnText{measured{s, f, size * float64(c.u)}, color.RGBA{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8), uint8(ca >> 8)}, align}
	if img, ok := drawn[k]; ok {
		c.dst.DrawImage(img, c.at(r))
		return
	}
	if len(seen) >= maxMeasured {
		clear(seen)
	}
	if seen[k]++; seen[k] < steady {
		c.glyphs(c.dst, s, f, size, col, align, math.Round(float64(r.x*c.u)), math.Round(float64(r.y*c.u)), float64(r.w*c.u))
		return
	}
	delete(seen, k)
	if len(drawn) >= maxDrawn {
		for _, img := range drawn {
			img.Deallocate()
		}
		clear(drawn)
	}
	u := float64(c.u)
	img := ebiten.NewImage(int(math.Ceil(float64(r.w)*u))+2, int(math.Ceil(float64(r.h)*u))+2)
	c.glyphs(img, s, f, size, col, align, 1, 1, float64(r.w*c.u))
	drawn[k] = img
	c.dst.DrawImage(img, c.at(r))
}

// glyphs draws s glyph by glyph onto dst with its box's top left at
// (x, y) pixels (whole ones, for sharp type), the box w pixels wide.
func (c *canvas) glyphs(dst *ebiten.Image, s string, f *opentype.Font, size float64, col color.Color, align text.Align, x, y, w float64) {
	u := float64(c.u)
	switch align {
	case text.AlignCenter:
		x += w / 2
	case text.AlignEnd:
		x += w
	}
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y+size*u*(lineHeight-1)/2)
	op.ColorScale.ScaleWithColor(col)
	op.PrimaryAlign = align
	op.LineSpacing = size * u * lineHeight
	text.Draw(dst, s, face(f, size*u), op)
}

// at places a text's image at the whole pixel nearest its box.
func (c *canvas) at(r rect) *ebiten.DrawImageOptions {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(math.Round(float64(r.x*c.u))-1, math.Round(float64(r.y*c.u))-1)
	return op
}

// wrap breaks s into lines no wider than width at size.
func (c *canvas) wrap(s string, f *opentype.Font, size float64, width float32) string {
	return wrap(s, float64(width), func(line string) float64 { w, _ := c.measure(line, f, size); return w })
}

// fit returns the largest size, from size down to least, at which s is no
// wider than width (least if none is).
func (c *canvas) fit(s string, f *opentype.Font, size, least float64, width float32) float64 {
	for ; size > least; size-- {
		if w, _ := c.measure(s, f, size); w <= float64(width) {
			return size
		}
	}
	return least
}
