package ui

import (
	"bytes"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// fonts are parsed once; faces of any size are cheap to make from them.
var (
	regular = mustSource(goregular.TTF)
	bold    = mustSource(gobold.TTF)
)

func mustSource(ttf []byte) *text.GoTextFaceSource {
	s, err := text.NewGoTextFaceSource(bytes.NewReader(ttf))
	if err != nil {
		panic("ui: the embedded Go font does not parse: " + err.Error())
	}
	return s
}

// write draws s at (x, y) in the given face size and colour; align is
// text.AlignStart, AlignCenter or AlignEnd.
func write(dst *ebiten.Image, s string, src *text.GoTextFaceSource, size, x, y float64, c color.Color, align text.Align) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(c)
	op.PrimaryAlign = align
	op.LineSpacing = size * 1.3
	text.Draw(dst, s, &text.GoTextFace{Source: src, Size: size}, op)
}

// wrap breaks s into lines no wider than width at the given face size,
// between words.
func wrap(s string, src *text.GoTextFaceSource, size, width float64) string {
	face := &text.GoTextFace{Source: src, Size: size}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if w, _ := text.Measure(next, face, 0); w > width && line != "" {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	return strings.Join(append(lines, line), "\n")
}
