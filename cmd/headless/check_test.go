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
		"gini_wealth: saving − random (mean over the last 12 months): −0.",
		"6/6 seeds agree",
		"(95% t interval over 6 seeds, paired by seed)",
		" 2. SUPPORTED     Saving keeps more of the poorer half's money, in every seed",
		"holds in 6/6 seeds (sign test p = 0.0156)",
		"(one-sided sign test over 6 seeds)",
		"2 supported, 0 contradicted, 0 inconclusive",
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
		!strings.Contains(out, " 2. CONTRADICTED  Saving raises the Gini") || !strings.Contains(out, "0/6 seeds agree") ||
		!strings.Contains(out, "1 supported, 1 contradicted, 0 inconclusive") {
		t.Errorf("verdicts:\n%s", out)
	}
}

func TestCheckNeedsClaims(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain.toml")
	os.WriteFile(file, []byte("model = \"exchange\"\nmonths = 5\n"), 0o644)
	code, _, errs := headless(t, "check", file, "-o", t.TempDir())
	if code != exitBadUsed || !strings.Contains(errs, "no claims to check") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}
