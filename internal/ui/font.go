package ui

import (
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Faces are drawn through golang.org/x/image's OpenType rasteriser
// (text.GoXFace) rather than text.GoTextFace: the window needs no complex
// shaping, and leaving go-text's shaper out takes 0.7 MB off the gzipped
// browser build.
var (
	regular = mustParse(goregular.TTF)
	bold    = mustParse(gobold.TTF)
	faces   = map[faceKey]text.Face{}
)

// faceKey names a face: a font at a size in whole pixels.
type faceKey struct {
	font *opentype.Font
	px   int
}

func mustParse(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic("ui: the embedded Go font does not parse: " + err.Error())
	}
	return f
}

// face returns the font at px pixels, made once.
func face(f *opentype.Font, px float64) text.Face {
	k := faceKey{f, max(1, int(math.Round(px)))}
	if fc, ok := faces[k]; ok {
		return fc
	}
	xf, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(k.px), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("ui: a face of the embedded Go font: " + err.Error())
	}
	faces[k] = text.NewGoXFace(xf)
	return faces[k]
}

// lineHeight is the distance between lines, as a multiple of the size.
const lineHeight = 1.25

// wrap breaks s into lines no wider than width (design units) at the given
// size, between words; measure gives a line's width.
func wrap(s string, width float64, measure func(string) float64) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			next := word
			if line != "" {
				next = line + " " + word
			}
			if measure(next) > width && line != "" {
				out = append(out, line)
				next = word
			}
			line = next
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
