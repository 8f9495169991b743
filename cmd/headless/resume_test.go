package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptAndResume interrupts a real batch with a real SIGINT, checks
// that the finished runs were kept, resumes it, and compares the result with
// an uninterrupted batch byte for byte.
func TestInterruptAndResume(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "headless")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	args := []string{"run", "wright", "--seeds", "24", "--workers", "1", "--set", "people=600"}
	out := filepath.Join(dir, "interrupted")

	cmd := exec.Command(bin, append(args, "-o", out)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for a few runs to be saved, then interrupt.
	deadline := time.Now().Add(60 * time.Second)
	for {
		runs, _ := filepath.Glob(filepath.Join(out, "runs", "*.gob"))
		if len(runs) >= 3 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no runs saved after a minute; stderr:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailed {
		t.Fatalf("interrupted run: %v, want exit status %d\n%s", err, exitFailed, stderr.String())
	}
	if !strings.Contains(stderr.String(), "runs are saved in") {
		t.Errorf("stderr: %s", stderr.String())
	}
	saved, _ := filepath.Glob(filepath.Join(out, "runs", "*.gob"))
	if len(saved) < 3 || len(saved) >= 24 {
		t.Fatalf("%d runs saved, want some but not all", len(saved))
	}
	if _, err := os.Stat(filepath.Join(out, "summary.csv")); !os.IsNotExist(err) {
		t.Fatal("an interrupted batch wrote summary.csv")
	}

	resumed := exec.Command(bin, append(args, "-o", out, "--resume")...)
	if b, err := resumed.CombinedOutput(); err != nil {
		t.Fatalf("resume: %v\n%s", err, b)
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
