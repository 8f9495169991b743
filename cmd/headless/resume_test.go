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
