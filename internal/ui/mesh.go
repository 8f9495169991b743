// Package ui is the classroom window: a scenario's arms side by side, the
// people of each drawn so that class shows, live charts and keyboard
// controls. It is the only package that imports ebiten; the state it shows
// lives in package classroom.
package ui

import (
	"image"
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
)

// mesh collects coloured triangles and draws them in one call. Its buffers
// are kept between frames, so building a frame allocates nothing once they
// have grown to size.
type mesh struct {
	vs []ebiten.Vertex // four a quad; the indices are always quadIndices
}

// white is the 1×1 source image the triangles are coloured from.
var white = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}()

func (m *mesh) reset() { m.vs = m.vs[:0] }

// quad adds a quadrilateral with corners in order.
func (m *mesh) quad(x0, y0, x1, y1, x2, y2, x3, y3 float32, c color.RGBA) {
	n := len(m.vs)
	if n+4 > maxVertices {
		return // callers draw the mesh when full
	}
	r, g, b, a := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	if cap(m.vs) < n+4 {
		m.vs = slices.Grow(m.vs, 4*1024)
	}
	m.vs = m.vs[:n+4]
	v := m.vs[n : n+4 : n+4]
	v[0] = ebiten.Vertex{DstX: x0, DstY: y0, SrcX: 1, SrcY: 1, ColorR: r, ColorG: g, ColorB: b, ColorA: a}
	v[1] = ebiten.Vertex{DstX: x1, DstY: y1, SrcX: 1, SrcY: 1, ColorR: r, ColorG: g, ColorB: b, ColorA: a}
	v[2] = ebiten.Vertex{DstX: x2, DstY: y2, SrcX: 1, SrcY: 1, ColorR: r, ColorG: g, ColorB: b, ColorA: a}
	v[3] = ebiten.Vertex{DstX: x3, DstY: y3, SrcX: 1, SrcY: 1, ColorR: r, ColorG: g, ColorB: b, ColorA: a}
}

// maxVertices is what one draw call holds.
const maxVertices = 65532

// quadIndices is the index pattern of every quad (0 1 2, 0 2 3, then the
// same four vertices on), made once for the most quads a call holds.
var quadIndices = func() []uint16 {
	is := make([]uint16, 0, maxVertices/4*6)
	for q := uint16(0); q < maxVertices/4; q++ {
		b := 4 * q
		is = append(is, b, b+1, b+2, b, b+2, b+3)
	}
	return is
}()

// rect adds an axis-aligned rectangle.
func (m *mesh) rect(x, y, w, h float32, c color.RGBA) { m.quad(x, y, x+w, y, x+w, y+h, x, y+h, c) }

// line adds a segment of width w.
func (m *mesh) line(x0, y0, x1, y1, w float32, c color.RGBA) {
	dx, dy := x1-x0, y1-y0
	n := sqrt32(dx*dx + dy*dy)
	if n == 0 {
		return
	}
	nx, ny := -dy/n*w/2, dx/n*w/2
	m.quad(x0+nx, y0+ny, x1+nx, y1+ny, x1-nx, y1-ny, x0-nx, y0-ny, c)
}

// full reports whether the mesh should be drawn before more is added.
func (m *mesh) full() bool { return len(m.vs)+4 > maxVertices }

// draw draws the triangles onto dst and empties the mesh.
func (m *mesh) draw(dst *ebiten.Image) {
	if len(m.vs) > 0 {
		dst.DrawTriangles(m.vs, quadIndices[:len(m.vs)/4*6], white, &ebiten.DrawTrianglesOptions{})
	}
	m.reset()
}

func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
