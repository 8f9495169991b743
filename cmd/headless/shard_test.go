package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestShardsMergeToTheWhole runs a batch in three shards, merges them, and
// compares every table and the manifest with the unsharded batch byte for
// byte; a missing shard is an error that names the missing runs.
func TestShardsMergeToTheWhole(t *testing.T) {
	dir := t.TempDir()
	args := []string{"run", "wright", "--seeds", "4", "--months", "30", "--set", "people=200"}
	var shards []string
	for i := 1; i <= 3; i++ {
		d := filepath.Join(dir, fmt.Sprint("shard", i))
		if code, _, errs := headless(t, append(args, "--shard", fmt.Sprintf("%d/3", i), "-o", d)...); code != exitOK {
			t.Fatalf("shard %d: exit %d %s", i, code, errs)
		}
		shards = append(shards, d)
	}
	merged := filepath.Join(dir, "merged")
	if code, _, errs := headless(t, append(append([]string{"merge"}, shards...), "-o", merged)...); code != exitOK {
		t.Fatalf("merge: exit %d %s", code, errs)
	}
	whole := filepath.Join(dir, "whole")
	if code, _, errs := headless(t, append(args, "-o", whole)...); code != exitOK {
		t.Fatalf("whole: exit %d %s", code, errs)
	}
	for _, f := range []string{"summary.csv", "timeseries.csv", "wealth.csv", "firms.csv", "manifest.json"} {
		if !sameFile(merged, whole, f) {
			t.Errorf("%s differs between the merged shards and the whole batch", f)
		}
	}
	code, _, errs := headless(t, "merge", shards[0], shards[2], "-o", filepath.Join(dir, "partial"))
	if code != exitFailed || !strings.Contains(errs, "run(s) missing from the shards: wright seed 2") {
		t.Errorf("merge without a shard: exit %d %s", code, errs)
	}
	for _, bad := range []string{"0/3", "4/3", "x", "1/0"} {
		if code, _, errs := headless(t, append(args, "--shard", bad, "-o", dir)...); code != exitBadUsed || !strings.Contains(errs, "expected i/n") {
			t.Errorf("--shard %s: exit %d %s", bad, code, errs)
		}
	}
}
