package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"commonwealth/internal/waitfor"
)

// small is a scenario quick enough to run many times, with a claim.
const small = `model = "capitalism"
people = 80
months = 6
seeds = 2
[[arm]]
name = "a/b"
[[arm]]
name = "low"
capitalism.wage_max = 60
[[claim]]
text = "a lower ceiling lowers the mean wage"
metric = "mean_wage"
arm = "low"
compare = "a/b"
op = "<"
`

// plant writes files of the user's into dir and dir/runs, and returns a
// check that they are all still there, unchanged.
func plant(t *testing.T, dir string) func(after string) {
	t.Helper()
	files := map[string]string{
		"notes.txt": "mine", "summary.csv.bak": "mine", "runs/mine.gob": "mine",
		"runs/0123456789abcdef-seed1.run": "looks like a run, is not", ".hidden": "mine",
	}
	os.MkdirAll(filepath.Join(dir, "runs"), 0o755)
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	return func(after string) {
		t.Helper()
		for name, text := range files {
			if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != text {
				t.Errorf("after %s: %s is %q, %v; want it untouched", after, name, b, err)
			}
		}
	}
}

// TestUserFilesSurvive plants files of the user's in the output folder and
// its runs/ and runs every command that writes there: they all survive, and
// the folder ends with the command's outputs, each matching the checksum
// its manifest gives, and nothing of the command's own bookkeeping.
func TestUserFilesSurvive(t *testing.T) {
	tmp := t.TempDir()
	sc := filepath.Join(tmp, "small.toml")
	os.WriteFile(sc, []byte(small), 0o644)
	dir := filepath.Join(tmp, "out")
	check := plant(t, dir)
	for _, args := range [][]string{
		{"run", sc},
		{"run", sc, "--resume"},
		{"check", sc},
		{"sweep", sc, "--force", "--sweep", "capitalism.wage_min=5,10"},
		{"sweep", sc, "--sweep", "capitalism.wage_min=5,10", "--sweep", "people=40,80"},
		{"run", sc, "--force", "--shard", "1/2"},
	} {
		code, _, errs := headless(t, append(args, "-o", dir)...)
		if code != exitOK && !(args[0] == "check" && code == exitFailed) {
			t.Fatalf("%v: exit %d\n%s", args, code, errs)
		}
		check(strings.Join(args[:1], " "))
		checkManifest(t, dir)
	}
	shard2 := filepath.Join(tmp, "shard2")
	if code, _, errs := headless(t, "run", sc, "--shard", "2/2", "-o", shard2); code != exitOK {
		t.Fatal(errs)
	}
	merged := filepath.Join(tmp, "merged")
	checkMerged := plant(t, merged)
	if code, _, errs := headless(t, "merge", dir, shard2, "-o", merged); code != exitOK {
		t.Fatal(errs)
	}
	checkMerged("merge")
	checkManifest(t, merged)
	// An arm named a/b gives file names inside the folder.
	if code, _, errs := headless(t, "sweep", sc, "--force", "--sweep", "capitalism.wage_min=5,10", "--sweep", "people=40,80", "-o", merged); code != exitOK {
		t.Fatal(errs)
	}
	if _, err := os.Stat(filepath.Join(merged, "sweep_gini_wealth_a_b.png")); err != nil {
		t.Error(err)
	}
}

// checkManifest checks that every file the manifest lists matches its
// checksum and that nothing of a command's bookkeeping (lock, a results set
// but the current one, temporary files) is left.
func checkManifest(t *testing.T, dir string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Outputs []struct{ Name, SHA256 string }
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, o := range m.Outputs {
		b, err := os.ReadFile(filepath.Join(dir, o.Name))
		sum := sha256.Sum256(b)
		if err != nil || hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s: %v, or its checksum is not the manifest's", o.Name, err)
		}
	}
	current, _ := os.Readlink(filepath.Join(dir, ".commonwealth-results")) // the current results set
	for _, sub := range []string{dir, filepath.Join(dir, "runs")} {
		entries, _ := os.ReadDir(sub)
		for _, e := range entries {
			if sub == dir && (e.Name() == ".commonwealth-results" || e.Name() == current) {
				continue
			}
			if strings.HasPrefix(e.Name(), ".commonwealth") || strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".run") {
				t.Errorf("%s left in %s", e.Name(), sub)
			}
		}
	}
}

// TestFolderKinds checks that a folder holding another command's results
// is refused without --force, and that a manifest this program did not
// write makes the folder refused even with it.
func TestFolderKinds(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := headless(t, "sweep", "trade", "--months", "3", "--seeds", "1", "--sweep", "exchange.saving=0.1,0.2", "-o", dir); code != exitOK {
		t.Fatal(errs)
	}
	code, _, errs := headless(t, "run", "trade", "--months", "3", "-o", dir)
	if code != exitBadUsed || !strings.Contains(errs, "holds the results of headless sweep") || !strings.Contains(errs, "--force") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "sweep.csv")); err != nil {
		t.Fatal("a refused command touched the sweep's results")
	}
	if code, _, errs = headless(t, "run", "trade", "--months", "3", "-o", dir, "--force"); code != exitOK {
		t.Fatal(errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "sweep.csv")); !os.IsNotExist(err) {
		t.Error("the sweep's results were not replaced")
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "manifest.json"), []byte(`{"outputs": ["thesis.tex"]}`), 0o644)
	os.WriteFile(filepath.Join(other, "thesis.tex"), []byte("years of work"), 0o644)
	code, _, errs = headless(t, "run", "trade", "--months", "3", "-o", other, "--force")
	if code != exitBadUsed || !strings.Contains(errs, "manifest.json was not written by this program") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "thesis.tex")); string(b) != "years of work" {
		t.Fatal("a file named by a foreign manifest was touched")
	}
}

// buildHeadless builds the program for tests that need a process to
// signal.
func buildHeadless(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "headless-test-")
		if err != nil {
			built.err = err
			return
		}
		built.dir, built.bin = dir, filepath.Join(dir, "headless")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// built is the program built once for the tests that run it as a process;
// TestMain removes it.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// TestMain runs the tests, then removes the program they built.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// waitForRuns waits until dir/runs holds at least n finished runs, for
// as long as the test run allows; the command is killed if the test fails.
func waitForRuns(t *testing.T, cmd *exec.Cmd, dir string, n int) {
	t.Helper()
	t.Cleanup(func() { cmd.Process.Kill() }) // an error if it has ended: nothing to do
	waitfor.Until(t, fmt.Sprintf("%d runs saved in %s", n, dir), func() bool {
		runs, _ := filepath.Glob(filepath.Join(dir, "runs", "*.run"))
		return len(runs) >= n
	})
}

// TestKilledThenResumed kills a batch with SIGKILL — no chance to clean up
// — while it writes, then checks that another command is kept out of the
// folder only while the first runs, and that --resume finishes it with
// outputs identical to an uninterrupted batch and no leftovers.
func TestKilledThenResumed(t *testing.T) {
	t.Parallel() // most of it waits on a process of one worker
	bin := buildHeadless(t)
	seeds := 24
	if testing.Short() {
		seeds = 12 // still far more than the 3 runs before the kill
	}
	args := []string{"run", "wright", "--seeds", fmt.Sprint(seeds), "--workers", "1", "--set", "people=600"}
	dir := filepath.Join(t.TempDir(), "killed")
	cmd := exec.Command(bin, append(args, "-o", dir)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForRuns(t, cmd, dir, 3)
	// While it runs, a second command into the same folder is refused.
	code, _, errs := headless(t, "run", "trade", "--months", "2", "-o", dir)
	if code != exitBadUsed || !strings.Contains(errs, "is being written by headless run") {
		t.Errorf("a second command into a busy folder: exit %d %s", code, errs)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, ".commonwealth.lock")); err != nil {
		t.Fatal("the killed command left no lock; the test does not test what it should")
	}
	out, err := exec.Command(bin, append(args, "-o", dir, "--resume")...).CombinedOutput()
	if err != nil || strings.Contains(string(out), "computed again") {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	checkManifest(t, dir)
	// Another build (this test binary) recomputes every saved run, and says so.
	code, _, errs = headless(t, append(args, "-o", dir, "--resume")...)
	if code != exitOK || !strings.Contains(errs, fmt.Sprintf("%d computed by another build of the program", seeds)) ||
		!strings.Contains(errs, fmt.Sprintf("resume: 0 of %d runs taken from", seeds)) {
		t.Errorf("a resume by another build: exit %d %s", code, errs)
	}
	whole := filepath.Join(t.TempDir(), "whole")
	if code, _, errs := headless(t, append(args, "-o", whole)...); code != exitOK {
		t.Fatal(errs)
	}
	for _, f := range []string{"summary.csv", "timeseries.csv", "wealth.csv", "manifest.json"} {
		if !sameFile(dir, whole, f) {
			t.Errorf("%s differs between the resumed and the uninterrupted batch", f)
		}
	}
}
