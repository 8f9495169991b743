package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck runs a scenario whose claims hold and one where one does not:
// the verdicts, the evidence and the exit status follow.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := headless(t, "check", "testdata/holds.toml", "-o", dir)
	if code != exitOK {
		t.Fatalf("holds.toml: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		" 1. SUPPORTED     Saving lowers the Gini",
		"gini_wealth: saving − random (at the end): −0.",
		"6/6 seeds",
		" 2. SUPPORTED     Saving keeps more of the poorer half's money, in every seed",
		"holds in 6/6 seeds (sign test p = 0.0156)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, f := range []string{"claims.csv", "claim_1.png", "claim_2.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}

	code, out, _ = headless(t, "check", "testdata/fails.toml", "-o", t.TempDir())
	if code != exitFailed {
		t.Fatalf("fails.toml: exit %d, want %d\n%s", code, exitFailed, out)
	}
	if !strings.Contains(out, " 1. SUPPORTED     Saving lowers the Gini") ||
		!strings.Contains(out, " 2. NOT SUPPORTED Saving raises the Gini") || !strings.Contains(out, "0/6 seeds") {
		t.Errorf("verdicts:\n%s", out)
	}
}

func TestCheckNeedsClaims(t *testing.T) {
	code, _, errs := headless(t, "check", "boltzmann", "-o", t.TempDir())
	if code != exitBadUsed || !strings.Contains(errs, "no claims to check") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

// TestShippedClaimsHold checks the claims of the shipped scenarios that
// have them, as `headless check` judges them with their own seeds.
func TestShippedClaimsHold(t *testing.T) {
	for _, name := range []string{"trade", "wright"} {
		code, out, errs := headless(t, "check", name, "-o", t.TempDir())
		if code != exitOK || strings.Contains(out, "NOT SUPPORTED") {
			t.Errorf("%s: exit %d\n%s%s", name, code, out, errs)
		}
	}
}

func TestCheckClaimBeyondTheRun(t *testing.T) {
	code, _, errs := headless(t, "check", "wright", "--months", "100", "-o", t.TempDir())
	want := "embedded:wright:27: claim[1].window: the claim is judged at month 1200 but the run lasts 100 months; run at least 1200 months, or judge the claim earlier"
	if code != exitBadUsed || !strings.Contains(errs, want) {
		t.Fatalf("exit %d:\n%s\nwant %s", code, errs, want)
	}
}
