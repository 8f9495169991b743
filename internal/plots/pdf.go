package plots

import (
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// pdfCanvas is vgpdf's canvas with text encoded as its fonts expect:
// vgpdf declares its fonts in code page 1252 but passes Go's UTF-8 strings
// through, which turns "—" into "â€”". Characters the code page lacks are
// written as their closest ASCII.
type pdfCanvas struct{ *vgpdf.Canvas }

// beyond1252 spells the characters our texts use that code page 1252 lacks.
var beyond1252 = strings.NewReplacer(
	"−", "-", "≥", ">=", "≤", "<=", "≈", "~", "→", "->", "≠", "!=", "∞", "inf",
	"μ", "µ", "α", "alpha", "β", "beta", "γ", "gamma", "δ", "delta", "ε", "epsilon", "θ", "theta",
	"κ", "kappa", "λ", "lambda", "π", "pi", "ρ", "rho", "σ", "sigma", "τ", "tau", "χ", "chi", "ζ", "zeta",
	"Δ", "Delta", "Σ", "Sigma", "̂", "", "₀", "0", "₁", "1", "₂", "2", "ᵢ", "i",
)

var to1252 = encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder())

// FillString draws str encoded in code page 1252.
func (c pdfCanvas) FillString(f font.Face, pt vg.Point, str string) {
	enc, err := to1252.String(beyond1252.Replace(str))
	if err != nil {
		enc = str
	}
	c.Canvas.FillString(f, pt, enc)
}
