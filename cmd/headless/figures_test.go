package main

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFigureFlags checks that --plot-width and --font-size reach the
// figures, and that a width no figure can have is refused before anything
// runs.
func TestFigureFlags(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := headless(t, "run", "trade", "--set", "people=50", "--months", "2", "--seeds", "1", "--progress", "none",
		"--plot-width", "89mm", "--font-size", "8", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := os.Open(filepath.Join(dir, "gini.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width < 525 || cfg.Width > 526 { // 89 mm at 150 dpi
		t.Errorf("gini.png is %d pixels wide, want 525 (89 mm at 150 dpi)", cfg.Width)
	}
	code, _, errs = headless(t, "run", "trade", "--plot-width", "1cm", "-o", filepath.Join(dir, "bad"))
	if code != exitBadUsed || !strings.Contains(errs, "--plot-width 1cm: expected a width from 2in to 20in") {
		t.Errorf("--plot-width 1cm: exit %d %s", code, errs)
	}
}
