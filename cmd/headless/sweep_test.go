package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSweepFromFile runs a [[sweep]] block and checks the table, the plots,
// the report, and the model's own answer: more saving, a lower Gini.
func TestSweepFromFile(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := headless(t, "sweep", "testdata/sweep.toml", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "5 points × 1 arm(s) × 3 seed(s)") {
		t.Errorf("output: %s", out)
	}
	for _, f := range []string{"sweep.csv", "sweep_gini_wealth.png", "sweep_bottom50_share.png", "report.html", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sweep.csv"))
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) != 1+5*3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "gini_wealth" {
			col = i
		}
	}
	mean := map[string]float64{}
	for _, r := range rows[1:] {
		x, _ := strconv.ParseFloat(r[col], 64)
		mean[r[0]] += x / 3
	}
	for i, lam := range []string{"0", "0.2", "0.4", "0.6"} {
		next := []string{"0.2", "0.4", "0.6", "0.8"}[i]
		if mean[next] >= mean[lam] {
			t.Errorf("Gini %.3f at λ=%s is not below %.3f at λ=%s", mean[next], next, mean[lam], lam)
		}
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !bytes.Contains(report, []byte(`<img src="data:image/png;base64,`)) || !bytes.Contains(report, []byte("(sweep_gini_wealth.png)")) || !bytes.Contains(report, []byte("mean over months 100–150")) {
		t.Error("the report lacks the sweep's plot or table")
	}
}

// TestSweepGrid sweeps two keys from flags and checks a heat map per metric
// and arm; then shards the same sweep and merges it to identical tables.
func TestSweepGrid(t *testing.T) {
	dir := t.TempDir()
	args := []string{"sweep", "trade", "--seeds", "2", "--months", "20", "--set", "people=100",
		"--sweep", "exchange.saving=0.2,0.6", "--sweep", "exchange.fraction=0.05:0.15:0.05", "--metric", "gini_wealth"}
	whole := filepath.Join(dir, "whole")
	if code, _, errs := headless(t, append(args, "-o", whole)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, arm := range []string{"random", "saving", "yardsale"} {
		if _, err := os.Stat(filepath.Join(whole, "sweep_gini_wealth_"+arm+".png")); err != nil {
			t.Error(err)
		}
	}
	var shards []string
	for i := 1; i <= 2; i++ {
		d := filepath.Join(dir, fmt.Sprint("s", i))
		if code, _, errs := headless(t, append(args, "--shard", fmt.Sprintf("%d/2", i), "-o", d)...); code != exitOK {
			t.Fatalf("shard %d: exit %d %s", i, code, errs)
		}
		shards = append(shards, d)
	}
	merged := filepath.Join(dir, "merged")
	if code, _, errs := headless(t, append(append([]string{"merge"}, shards...), "-o", merged)...); code != exitOK {
		t.Fatalf("merge: exit %d %s", code, errs)
	}
	for _, f := range []string{"sweep.csv", "manifest.json"} {
		if !sameFile(whole, merged, f) {
			t.Errorf("%s differs between the merged shards and the whole sweep", f)
		}
	}
}

// TestSweepShapes runs a full grid of three keys and a Latin hypercube of
// three: the points, the plots against each key, the long time series, and
// the hypercube's defining property — each key's values fall one in each
// of N equal strata of its range; then the hypercube sharded and merged is
// the same as whole.
func TestSweepShapes(t *testing.T) {
	dir := t.TempDir()
	grid := filepath.Join(dir, "grid")
	args := []string{"sweep", "wright", "--seeds", "2", "--months", "25", "--metric", "gini_wealth",
		"--sweep", "capitalism.wage_max=60,120", "--sweep", "people=60,90", "--sweep", "siting=cheapest,consent"}
	if code, _, errs := headless(t, append(args, "-o", grid)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"sweep_gini_wealth_by_capitalism.wage_max.png", "sweep_gini_wealth_by_people.png", "sweep_gini_wealth_by_siting.png"} {
		if _, err := os.Stat(filepath.Join(grid, f)); err != nil {
			t.Error(err)
		}
	}
	rows := readCSV(t, filepath.Join(grid, "sweep.csv"))
	if len(rows) != 1+8*2 || strings.Join(rows[0][:6], ",") != "capitalism.wage_max,people,siting,months,arm,seed" { // months: given by --months
		t.Fatalf("sweep.csv: %d rows, header %v", len(rows), rows[0][:6])
	}
	// Months 0, 12, 24 and the last (25), for 8 points × 2 seeds.
	if series := readCSV(t, filepath.Join(grid, "sweep_timeseries.csv")); len(series) != 1+8*2*4 {
		t.Fatalf("sweep_timeseries.csv has %d rows, want %d", len(series), 1+8*2*4)
	}

	const n = 8
	lhs := []string{"sweep", "wright", "--seeds", "2", "--months", "13", "--metric", "gini_wealth", "--lhs", fmt.Sprint(n),
		"--set", "people=60", "--set", "ai.enabled=true",
		"--sweep", "ai.productivity=1:8", "--sweep", "compute.price=10:60", "--sweep", "siting=cheapest,random,consent"}
	whole := filepath.Join(dir, "lhs")
	if code, _, errs := headless(t, append(lhs, "-o", whole)...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows = readCSV(t, filepath.Join(whole, "sweep.csv"))[1:]
	for k, span := range [][2]float64{{1, 8}, {10, 60}} {
		seen := map[int]bool{}
		for i := 0; i < len(rows); i += 2 { // two seeds a point
			x, _ := strconv.ParseFloat(rows[i][k], 64)
			seen[int((x-span[0])/(span[1]-span[0])*n)] = true
		}
		if len(seen) != n {
			t.Errorf("key %d: the %d points fill %d strata of %d", k, n, len(seen), n)
		}
	}
	var shards []string
	for i := 1; i <= 2; i++ {
		d := filepath.Join(dir, fmt.Sprint("l", i))
		if code, _, errs := headless(t, append(lhs, "--shard", fmt.Sprintf("%d/2", i), "-o", d)...); code != exitOK {
			t.Fatalf("shard %d: exit %d %s", i, code, errs)
		}
		shards = append(shards, d)
	}
	merged := filepath.Join(dir, "merged")
	if code, _, errs := headless(t, append(append([]string{"merge"}, shards...), "-o", merged)...); code != exitOK {
		t.Fatalf("merge: exit %d %s", code, errs)
	}
	for _, f := range []string{"sweep.csv", "sweep_timeseries.csv", "manifest.json"} {
		if !sameFile(whole, merged, f) {
			t.Errorf("%s differs between the merged shards and the whole hypercube", f)
		}
	}
}

// readCSV reads a CSV file whole.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestSweepBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"trade"}, "embedded:trade: nothing to sweep; add a [[sweep]] block or --sweep key=from:to:step"},
		{[]string{"trade", "--sweep", "exchange.savng=0:1:0.1"}, `--sweep: exchange.savng=0:1:0.1: unknown key "exchange.savng"; did you mean "exchange.saving"?`},
		{[]string{"trade", "--sweep", "seeds=1,2"}, "--sweep: seeds=1,2: seeds cannot be swept; sweep a parameter of the model"},
		{[]string{"trade", "--sweep", "exchange.saving=0:1:0.1"}, "--sweep: exchange.saving=0:1:0.1: 1 is out of range: expected 0 ≤ value < 1 (a saver who keeps everything never trades)"},
		{[]string{"trade", "--sweep", "exchange.saving=0.1,0.2", "--metric", "gini"}, `--sweep: exchange.saving=0.1,0.2: unknown metric "gini" for this model`},
		{[]string{"trade", "--sweep", "people=10,20", "--sweep", "exchange.amount=5:10:1", "--sweep", "people=30"}, "--sweep: people is swept twice"},
		{[]string{"trade", "--sweep", "exchange.saving=0:0.5"}, "exchange.saving: a range without a step is for a Latin hypercube: add a step, or run with --lhs N"},
		{[]string{"trade", "--sweep", "exchange.saving=0:0.9:0.01", "--sweep", "exchange.amount=1:100:1"}, "9100 or more points to run; a sweep may have at most 2500"},
		{[]string{"testdata/sweep.toml", "--months", "120"}, "testdata/sweep.toml:18: sweep[1].window: the sweep reads month 150 but the run lasts 120 months; run at least 150 months"},
	} {
		code, _, errs := headless(t, append(append([]string{"sweep"}, c.args...), "-o", t.TempDir())...)
		if code != exitBadUsed || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d\n%s\nwant %s", c.args, code, errs, c.msg)
		}
	}
}

// TestLongArmNames sweeps two keys over arms whose names are 90 characters
// long and share their first 80 (once a two-key sweep failed after all its
// runs, its file names cut): the heat maps get names shortened with a
// hash, different for each arm, which the manifest records.
func TestLongArmNames(t *testing.T) {
	long := strings.Repeat("a very long name of a world ", 3)[:80]
	src := fmt.Sprintf("model = \"exchange\"\npeople = 20\nmonths = 2\nseeds = 1\n[exchange]\nrule = \"saving\"\n[[arm]]\nname = \"%s one thing\"\n[[arm]]\nname = \"%s and more\"\n", long, long)
	file := filepath.Join(t.TempDir(), "long.toml")
	os.WriteFile(file, []byte(src), 0o644)
	dir := t.TempDir()
	code, _, errs := headless(t, "sweep", file, "--sweep", "exchange.saving=0.1,0.2", "--sweep", "people=20,30", "--metric", "gini_wealth", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	maps, _ := filepath.Glob(filepath.Join(dir, "sweep_gini_wealth_*.png"))
	if len(maps) != 2 || maps[0] == maps[1] {
		t.Fatalf("heat maps %v, want one per arm", maps)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	var m struct {
		Arms []struct {
			Name     string `json:"name"`
			FileName string `json:"file_name"`
		}
	}
	json.Unmarshal(b, &m)
	for _, a := range m.Arms {
		if len(a.FileName) == 0 || len(a.FileName) > 64 || !strings.Contains(strings.Join(maps, " "), "_"+a.FileName+".png") {
			t.Errorf("the manifest gives arm %q the file name %q; the maps are %v", a.Name, a.FileName, maps)
		}
	}
}
