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

// TestCheckGiven checks a claim whose precondition holds in every seed and
// one whose precondition holds in none: the second is NOT APPLICABLE, not
// SUPPORTED though its values are the first's, and check exits 1; the
// terminal, claims.csv, the plot and the report say so.
func TestCheckGiven(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := headless(t, "check", "testdata/given.toml", "-o", dir)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitFailed, out, errs)
	}
	for _, want := range []string{
		" 1. SUPPORTED     Saving lowers the Gini, where money is unequal at all",
		`(the precondition "gini_wealth > 0.01" held in every seed)`,
		" 2. NOT APPLICABLE Saving lowers the Gini, where the random world is almost feudal",
		`the precondition "random.gini_wealth > 0.9" failed in 6 of 6 seeds; in the 0 where it held, the claim held in 0`,
		"(not judged: the precondition must hold in at least 2 seeds and in at least half of them)",
		"1 supported, 0 contradicted, 0 inconclusive, 1 not applicable",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	rows := readCSV(t, filepath.Join(dir, "claims.csv"))
	if len(rows) != 3 || rows[0][13] != "given" || rows[0][14] != "given_failed" ||
		rows[1][2] != "SUPPORTED" || rows[1][13] != "gini_wealth > 0.01" || rows[1][14] != "0" ||
		rows[2][2] != "NOT APPLICABLE" || rows[2][14] != "6" || rows[2][4] != "" || rows[2][5] != "" {
		t.Errorf("claims.csv: %q", rows)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil || !strings.Contains(string(page), `<span class="NOT APPLICABLE">NOT APPLICABLE</span>`) {
		t.Errorf("report.html: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "claim_2.png")); err != nil {
		t.Error(err)
	}
}
