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

// TestScreenshot runs the window, exploring every arm, for a few frames
// and checks what it shows: the whole screen, not blank, and every arm's
// panel drawn with people in it.
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
		args := []string{"--explore", "--screenshot", path, "--frames", "60"}
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
		if img.Bounds().Dx() != ui.DesignW || img.Bounds().Dy() != ui.DesignH {
			t.Fatalf("screenshot %v", img.Bounds())
		}
		// Every arm's panel carries a stripe of its colour, and the panels
		// hold people: many pixels darker than the page.
		panels := image.Rect(0, 56, ui.DesignW, 420)
		for a := range c.arms {
			want := ui.ArmColor(a)
			if n := count(img, panels, func(c color.RGBA) bool { return c == want }); n < 1000 {
				t.Errorf("%s: arm %d's colour shows in %d pixels: its panel is not drawn", c.ref, a+1, n)
			}
		}
		if n := drawn(img, panels); n < 3000 { // a thousand people, a few pixels each at the least
			t.Errorf("%s: %d drawn pixels in the panels: no people", c.ref, n)
		}
	}
}

// TestSlides writes a lesson's slides into a folder that does not exist
// yet, two levels deep: --slides makes it, and writes a picture of each
// stage at the size asked for.
func TestSlides(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "sim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "new", "slides")
	if out, err := exec.Command(bin, "boltzmann", "--slides", dir, "--size", "640x360").CombinedOutput(); err != nil {
		t.Fatalf("--slides %s: %v: %s", dir, err, out)
	}
	for _, stage := range []string{"1-title", "2-predict", "3-watch", "4-reveal"} {
		b, err := os.ReadFile(filepath.Join(dir, "boltzmann-"+stage+".png"))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		if img.Bounds().Dx() != 640 || img.Bounds().Dy() != 360 {
			t.Errorf("%s: %v, want 640x360", stage, img.Bounds())
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

// drawn counts the pixels in r darker than the page and the panels.
func drawn(img image.Image, r image.Rectangle) int {
	return count(img, r, func(c color.RGBA) bool { return max(c.R, c.G, c.B) < 200 })
}
