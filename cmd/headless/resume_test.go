package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestInterruptAndResume interrupts a real batch with a real SIGINT, checks
// that the finished runs were kept, resumes it, and compares the result with
// an uninterrupted batch byte for byte.
func TestInterruptAndResume(t *testing.T) {
	t.Parallel() // most of it waits on a process of one worker
	dir := t.TempDir()
	bin := buildHeadless(t)
	seeds := 24
	if testing.Short() {
		seeds = 12 // still far more than the 3 runs before the signal
	}
	args := []string{"run", "wright", "--seeds", fmt.Sprint(seeds), "--workers", "1", "--set", "people=600"}
	out := filepath.Join(dir, "interrupted")

	cmd := exec.Command(bin, append(args, "-o", out)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForRuns(t, cmd, out, 3) // then interrupt
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitInterrupted {
		t.Fatalf("interrupted run: %v, want exit status %d\n%s", err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "runs are saved in") {
		t.Errorf("stderr: %s", stderr.String())
	}
	saved, _ := filepath.Glob(filepath.Join(out, "runs", "*.run"))
	if len(saved) < 3 || len(saved) >= seeds {
		t.Fatalf("%d runs saved, want some but not all", len(saved))
	}
	if _, err := os.Stat(filepath.Join(out, "summary.csv")); !os.IsNotExist(err) {
		t.Fatal("an interrupted batch wrote summary.csv")
	}

	resumed := exec.Command(bin, append(args, "-o", out, "--resume")...)
	b, err := resumed.CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, b)
	}
	if want := fmt.Sprintf("resume: %d of %d runs taken from", len(saved), seeds); !strings.Contains(string(b), want) {
		t.Errorf("the resumed batch does not say %q:\n%s", want, b)
	}
	whole := filepath.Join(dir, "whole")
	if code, _, errs := headless(t, append(args, "-o", whole)...); code != exitOK {
		t.Fatalf("uninterrupted: %d %s", code, errs)
	}
	for _, f := range []string{"summary.csv", "timeseries.csv", "wealth.csv"} {
		a, _ := os.ReadFile(filepath.Join(out, f))
		b, _ := os.ReadFile(filepath.Join(whole, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Fatalf("%s differs between the resumed and the uninterrupted batch", f)
		}
	}
}

// TestBadRunFileNotedAtStart empties a saved run and makes another a pipe:
// the next --resume moves both aside with a note before the first run
// starts (not a failure after the last), and finishes.
func TestBadRunFileNotedAtStart(t *testing.T) {
	dir := t.TempDir()
	args := []string{"run", "wright", "--months", "3", "--seeds", "3", "--set", "people=60", "-o", dir}
	if code, _, errs := headless(t, args...); code != exitOK {
		t.Fatal(errs)
	}
	saved, _ := filepath.Glob(filepath.Join(dir, "runs", "*.run"))
	if len(saved) != 3 {
		t.Fatalf("%d runs saved, want 3", len(saved))
	}
	os.WriteFile(saved[0], nil, 0o644)
	os.Remove(saved[1])
	if err := syscall.Mkfifo(saved[1], 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	code, out, errs := headless(t, append(args, "--resume")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	note, _, _ := strings.Cut(errs, "\n")
	if !strings.HasPrefix(note, "note: 2 file(s) in") || !strings.Contains(note, "moved aside") {
		t.Errorf("the first line on stderr is %q, want the note; stdout %s", note, out)
	}
	for _, p := range saved[:2] {
		if _, err := os.Lstat(p + ".aside"); err != nil {
			t.Errorf("%s was not moved aside", filepath.Base(p))
		}
	}
}
