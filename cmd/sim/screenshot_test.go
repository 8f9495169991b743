//go:build display

// The window's tests need a display: run them under Xvfb with
// xvfb-run -a go test -tags display ./...

package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"commonwealth/internal/ui"
)

// TestScreenshot runs the window on the default scenario for a few hundred
// frames and checks what it shows: the whole screen, not blank, and every
// arm's panel drawn with people in it.
func TestScreenshot(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "sim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, c := range []struct {
		ref  string
		arms int
	}{{"", 6}, {"trade", 3}, {"wright", 1}} {
		path := filepath.Join(t.TempDir(), "shot.png")
		args := []string{"--screenshot", path, "--frames", "60"}
		if c.ref != "" {
			args = append([]string{c.ref}, args...)
		}
		// ebiten runs one game a process, so each window is a process.
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v: %s", c.ref, err, out)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != ui.ScreenW || img.Bounds().Dy() != ui.ScreenH {
			t.Fatalf("screenshot %v", img.Bounds())
		}
		// Each panel's people area must hold many coloured (not white, not
		// background, not grey text) pixels.
		w := (ui.ScreenW - 10) / c.arms
		for a := range c.arms {
			area := image.Rect(5+a*w+10, 140, 5+(a+1)*w-15, 460)
			if n := colourful(img, area); n < 2000 {
				t.Errorf("%s: panel %d has %d coloured pixels: not drawn", c.ref, a+1, n)
			}
		}
	}
}

// count counts the pixels in r that keep says are drawn.
func count(img image.Image, r image.Rectangle, keep func(c color.RGBA) bool) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if keep(color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)) {
				n++
			}
		}
	}
	return n
}

// colourful counts the saturated pixels in r: people, not text or panels.
func colourful(img image.Image, r image.Rectangle) int {
	return count(img, r, func(c color.RGBA) bool { return max(c.R, c.G, c.B)-min(c.R, c.G, c.B) > 60 })
}
