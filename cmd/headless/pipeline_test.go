package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"commonwealth/internal/scenario"
	"commonwealth/internal/scenario/scenariotest"
)

// pipelineDraws is how many random scenarios TestWholePipeline runs (the
// first of them with -short).
const pipelineDraws, shortDraws = 40, 8

// TestWholePipeline draws every key from its documented range — a quarter
// of the numbers at an end of their range, where distributions degenerate
// (no money, everyone equal, one firm) — and runs the whole command on
// each draw: model, CSV, plots, report, manifest. Every draw must either
// finish with every output readable, or be refused as bad input with a
// message (a wage floor drawn above the ceiling); never crash.
func TestWholePipeline(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	ran, draws := 0, pipelineDraws
	if testing.Short() {
		draws = shortDraws
	}
	small := map[string]string{"people": "", "months": "", "seeds": "", "seed": "", "name": "", "description": ""}
	for draw := range draws {
		model := []string{"exchange", "capitalism"}[draw%2]
		sets := []string{"model=" + model,
			fmt.Sprintf("people=%d", 2+r.IntN(60)), fmt.Sprintf("months=%d", 1+r.IntN(30)), fmt.Sprintf("seeds=%d", 1+r.IntN(3))}
		for i := range scenario.Keys {
			k := &scenario.Keys[i]
			if _, skip := small[k.Path]; skip || k.Path == "model" {
				continue
			}
			sets = append(sets, k.Path+"="+scenariotest.Draw(r, k, 4))
		}
		src := filepath.Join(t.TempDir(), "draw.toml")
		os.WriteFile(src, []byte("model = \"exchange\"\n"), 0o644)
		args := []string{"run", src, "-o", filepath.Join(t.TempDir(), "out")}
		for _, s := range sets {
			args = append(args, "--set", s)
		}
		code, _, errs := headless(t, args...)
		switch {
		case code == exitBadUsed && strings.Contains(errs, "wage_min"):
			continue // a floor above the ceiling is refused, as it should be
		case code != exitOK:
			t.Fatalf("draw %d: exit %d\n%s\n%s", draw, code, errs, strings.Join(sets, " "))
		}
		checkOutputs(t, args[3], sets)
		ran++
	}
	if ran < draws/2 {
		t.Fatalf("only %d of %d draws ran to the end", ran, draws)
	}
}

// checkOutputs checks every file a manifest lists: present, CSV tables
// that parse with rows of one width, PNGs that decode, a report with every
// plot embedded.
func checkOutputs(t *testing.T, dir string, sets []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Outputs []struct{ Name string } }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	pngs := 0
	for _, o := range m.Outputs {
		b, err := os.ReadFile(filepath.Join(dir, o.Name))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v (%d bytes)\n%s", o.Name, err, len(b), strings.Join(sets, " "))
		}
		switch filepath.Ext(o.Name) {
		case ".csv":
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil || len(rows) < 1 {
				t.Fatalf("%s: %v, %d rows\n%s", o.Name, err, len(rows), strings.Join(sets, " "))
			}
		case ".png":
			pngs++
			if _, err := png.Decode(bytes.NewReader(b)); err != nil {
				t.Fatalf("%s: %v", o.Name, err)
			}
		case ".html":
			if n := bytes.Count(b, []byte(`src="data:image/png;base64,`)); n != pngs {
				t.Fatalf("report embeds %d images, want %d", n, pngs)
			}
		}
	}
}
