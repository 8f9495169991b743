package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRobust checks a robust check on a claim that holds on only half of
// its uncertain key's range: testdata/half.toml claims the saving model's
// Gini stays below 0.274, which is its value at a saving rate of 0.5, the
// middle of the range 0.2–0.8 drawn. Then the same robust check, sharded
// and merged, gives the same tables.
func TestRobust(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole")
	args := []string{"check", "testdata/half.toml", "--robust", "32"}
	code, out, errs := headless(t, append(args, "-o", whole)...)
	if code == exitBadUsed {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := readCSV(t, filepath.Join(whole, "claims.csv"))
	head := strings.Join(rows[0], ",")
	if !strings.HasSuffix(head, ",given,given_failed,robust_sets,robust_supported,robust_contradicted,robust_inconclusive,most_influential,robust_not_applicable,robust_seeds_failed,robust_judged,robust_warning") {
		t.Fatalf("claims.csv header: %s", head)
	}
	supported, _ := strconv.ParseFloat(rows[1][16], 64)
	// The Gini falls steadily with the saving rate and 4 seeds of 1,000
	// people pin each set's Gini to ±0.005, so only sets within about 0.01
	// of 0.5 are inconclusive: a Latin hypercube of 32 sets puts 15 or 16 of
	// them above 0.5. 0.1 allows three sets either way.
	// One key over 32 sets: no warning, and an interval on the PRCC.
	if supported < 0.4 || supported > 0.6 || !strings.HasPrefix(rows[1][19], "exchange.saving (PRCC −1.00 [−1.00, −") || rows[1][23] != "" {
		t.Errorf("supported in %v of the sets, most influential %q, warning %q; want about half, exchange.saving, none", supported, rows[1][19], rows[1][23])
	}
	if infl := readCSV(t, filepath.Join(whole, "robust_influence.csv")); len(infl) != 2 || strings.Join(infl[0], ",") != "claim,key,prcc,lo,hi,sets_judged,df,smallest_significant,warning" ||
		infl[1][1] != "exchange.saving" || infl[1][5] != "32" || infl[1][6] != "30" {
		t.Errorf("robust_influence.csv: %v", infl)
	}
	if !strings.Contains(out, "robustness: supported in") || len(readCSV(t, filepath.Join(whole, "robust.csv"))) != 1+32 {
		t.Errorf("no robustness in the output:\n%s", out)
	}
	code, _, errs = headless(t, "check", "trade", "--robust", "4", "-o", filepath.Join(dir, "none"))
	if code != exitBadUsed || !strings.Contains(errs, "--robust needs [[uncertain]] keys to draw") {
		t.Errorf("a robust check without uncertain keys: exit %d %s", code, errs)
	}
	if testing.Short() {
		return // -short: not again as shards (TestShardsMergeToTheWhole merges shards of a run)
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
	if code, _, errs := headless(t, append(append([]string{"merge"}, shards...), "-o", merged)...); code == exitBadUsed {
		t.Fatalf("merge: exit %d %s", code, errs)
	}
	for _, f := range []string{"claims.csv", "robust.csv", "robust_influence.csv", "summary.csv"} {
		if !sameFile(whole, merged, f) {
			t.Errorf("%s differs between the merged shards and the whole robust check", f)
		}
	}
}
