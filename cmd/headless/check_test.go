package main

import (
	"fmt"
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

// TestShippedClaims runs `headless check` on every shipped scenario with
// claims and compares each verdict with the one docs/model.md reports: the
// claims that hold and, honestly, those that do not in this model.
func TestShippedClaims(t *testing.T) {
	want := map[string][]bool{
		"trade":                 {true, true, true, true},
		"wright":                {true, true, true, true},
		"ai-is-capital":         {true, true, true, true},
		"datacenter-resistance": {false, true, false, false},
		"data-dividend":         {true},
		"environmental-justice": {true},
	}
	for name, verdicts := range want {
		code, out, errs := headless(t, "check", name, "-o", t.TempDir())
		if code == exitBadUsed {
			t.Fatalf("%s: %s", name, errs)
		}
		for i, supported := range verdicts {
			word := "NOT SUPPORTED"
			if supported {
				word = "SUPPORTED    "
			}
			if !strings.Contains(out, fmt.Sprintf("%2d. %s", i+1, word)) {
				t.Errorf("%s: claim %d is not %s:\n%s", name, i+1, strings.TrimSpace(word), out)
			}
		}
	}
}
