package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func headless(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestRunWritesEverything runs a small Wright scenario and checks every
// output: CSV files with rows, a manifest, and PNG plots that decode.
func TestRunWritesEverything(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := headless(t, "run", "wright", "--months", "24", "--seeds", "2", "--set", "people=300", "-o", dir, "--check-money")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, name := range []string{"summary.csv", "timeseries.csv", "wealth.csv", "firms.csv", "manifest.json",
		"wealth_histogram.png", "wealth_ccdf.png", "lorenz.png", "gini.png", "classes.png", "firm_sizes.png"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v (%d bytes)", name, err, len(b))
		}
		if strings.HasSuffix(name, ".png") {
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil || img.Bounds().Dx() != 1200 {
				t.Fatalf("%s: %v, %v", name, err, img.Bounds())
			}
		}
	}
	summary, _ := os.ReadFile(filepath.Join(dir, "summary.csv"))
	if lines := strings.Count(string(summary), "\n"); lines != 3 {
		t.Errorf("summary.csv has %d lines, want a header and 2 seeds", lines)
	}
	series, _ := os.ReadFile(filepath.Join(dir, "timeseries.csv"))
	if lines := strings.Count(string(series), "\n"); lines != 1+2*25 {
		t.Errorf("timeseries.csv has %d lines, want 1 + 2 seeds × 25 months", lines)
	}
	if !strings.Contains(out, "unemployed_share") {
		t.Errorf("no summary printed:\n%s", out)
	}
}

// TestWorkersGiveIdenticalSummary checks byte-identical summary.csv files
// from one worker and from several, through the command.
func TestWorkersGiveIdenticalSummary(t *testing.T) {
	var files [][]byte
	for _, workers := range []string{"1", "3"} {
		dir := t.TempDir()
		if code, _, errs := headless(t, "run", "trade", "--months", "40", "--seeds", "4", "--workers", workers, "-o", dir, "--format", "svg"); code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "summary.csv"))
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("summary.csv differs between 1 and 3 workers")
	}
}

func TestFormats(t *testing.T) {
	for _, f := range []string{"svg", "pdf"} {
		dir := t.TempDir()
		if code, _, errs := headless(t, "run", "boltzmann", "--months", "5", "--seeds", "1", "-o", dir, "--format", f); code != exitOK {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		b, _ := os.ReadFile(filepath.Join(dir, "lorenz."+f))
		if len(b) < 1000 {
			t.Fatalf("lorenz.%s has %d bytes", f, len(b))
		}
	}
}

// TestExitStatus checks the status and message for bad flags, commands
// and scenarios, and that nothing is written then.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("people = 0\n"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"frobnicate"}, exitBadUsed, `unknown command "frobnicate"`},
		{[]string{}, exitBadUsed, ""},
		{[]string{"run", "--format", "gif", "-o", dir}, exitBadUsed, "--format gif: expected one of png, svg, pdf"},
		{[]string{"run", "--no-such-flag"}, exitBadUsed, "unknown flag: --no-such-flag"},
		{[]string{"run", bad, "-o", filepath.Join(dir, "out")}, exitBadUsed, bad + ":1: people: 0 is out of range: expected at least 2"},
		{[]string{"run", "wright", "--months", "-3", "-o", filepath.Join(dir, "out")}, exitBadUsed, "--months -3: expected 1 or more"},
		{[]string{"validate", bad, "wright"}, exitBadUsed, "people: 0 is out of range"},
		{[]string{"run", "a", "b"}, exitBadUsed, "one scenario at a time"},
		{[]string{"run", "-h"}, exitOK, "Usage:\n  headless run [SCENARIO] [flags]"},
	} {
		code, out, errs := headless(t, c.args...)
		if code != c.code || !strings.Contains(errs+out, c.msg) {
			t.Errorf("%v: exit %d, output %q; want exit %d with %q", c.args, code, errs+out, c.code, c.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Error("a rejected run created its output folder")
	}
}

func TestListKeysValidate(t *testing.T) {
	code, out, _ := headless(t, "list")
	if code != exitOK || !strings.Contains(out, "* ai-is-capital") || !strings.Contains(out, "boltzmann") {
		t.Fatalf("list: %d %s", code, out)
	}
	code, out, _ = headless(t, "keys")
	if code != exitOK || !strings.Contains(out, "exchange.saving") {
		t.Fatalf("keys: %d %s", code, out)
	}
	code, out, _ = headless(t, "validate", "trade", "wright")
	if code != exitOK || strings.Count(out, "ok ") != 2 {
		t.Fatalf("validate: %d %s", code, out)
	}
}

func TestBenchLine(t *testing.T) {
	profile := filepath.Join(t.TempDir(), "cpu.prof")
	code, out, errs := headless(t, "bench", "boltzmann", "--months", "20", "--cpuprofile", profile)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// DESIGN 6: the line begins model= people= months= seconds= steps_per_s=;
	// on systems that measure it, the processor time follows.
	last := regexp.MustCompile(`^model=exchange people=1000 months=20 seconds=[0-9.]+ steps_per_s=[0-9]+( cpu_seconds=[0-9.]+ cpu_steps_per_s=[0-9]+)?$`)
	if !last.MatchString(lines[len(lines)-1]) {
		t.Fatalf("last line %q", lines[len(lines)-1])
	}
	if info, err := os.Stat(profile); err != nil || info.Size() == 0 {
		t.Fatalf("no CPU profile written: %v", err)
	}
}

// TestModelCoreImportsNoUI checks the architecture rule: the model core
// imports neither ebiten nor gonum/plot.
func TestModelCoreImportsNoUI(t *testing.T) {
	for _, pkg := range []string{"economy", "agents", "metrics", "scenario"} {
		out, err := exec.Command("go", "list", "-deps", "commonwealth/internal/"+pkg).Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.Contains(dep, "hajimehoshi/ebiten") || strings.Contains(dep, "gonum.org/v1/plot") {
				t.Errorf("internal/%s depends on %s", pkg, dep)
			}
		}
	}
}

// TestReusedFolderHasNoStalePlots runs Wright's model, then an exchange
// model, into one folder: the class plots of the first must go, and a file
// of the user's must stay.
func TestReusedFolderHasNoStalePlots(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.txt")
	os.WriteFile(mine, []byte("mine"), 0o644)
	if code, _, errs := headless(t, "run", "wright", "--months", "5", "--set", "people=100", "-o", dir); code != exitOK {
		t.Fatal(errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "classes.png")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := headless(t, "run", "boltzmann", "--months", "5", "-o", dir); code != exitOK {
		t.Fatal(errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "classes.png")); !os.IsNotExist(err) {
		t.Error("classes.png of the earlier run is still there")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a file the program did not write was removed")
	}
}

// sameFile reports whether two output folders hold the same, non-empty file;
// manifests are compared without what names the command and the build
// that wrote them (run or merge, with its arguments; a test binary or the
// program): those fields, and the checksum of the report that says them.
// The design (what ran) must be the same.
func sameFile(dirA, dirB, name string) bool {
	read := func(dir string) []byte {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		if name != "manifest.json" {
			return b
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil {
			return nil
		}
		delete(m, "command")
		delete(m, "args")
		delete(m, "command_line")
		delete(m, "build")
		for _, o := range m["outputs"].([]any) {
			if o := o.(map[string]any); o["name"] == "report.html" {
				delete(o, "sha256")
			}
		}
		b, _ = json.Marshal(m)
		return b
	}
	a, b := read(dirA), read(dirB)
	return len(a) > 0 && bytes.Equal(a, b)
}
