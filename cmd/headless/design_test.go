package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"commonwealth/internal/batch"
)

// readManifest reads the manifest of an output folder.
func readManifest(t *testing.T, dir string) batch.Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m batch.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDesignRecorded checks that the manifest and the report's header
// record the command as given and the design: the arms --arm chose apart
// from the --set flags, a sweep's keys and points, a robust check's drawn
// keys and sets.
func TestDesignRecorded(t *testing.T) {
	dir := t.TempDir()
	small := []string{"--set", "people=40", "--months", "3", "--seeds", "2", "--progress", "none"}
	cases := []struct {
		args   []string
		kind   string
		arms   []string
		points int
		header []string
	}{
		{append([]string{"run", "saving", "--arm", "half", "--arm", "no saving", "-o", filepath.Join(dir, "run")}, small...), "arms", []string{"half", "no saving"}, 0,
			[]string{"Command: <code>headless run saving --arm half --arm &#39;no saving&#39; -o ", "Design: only the arm(s) half, no saving (--arm)"}},
		{append([]string{"sweep", "saving", "--sweep", "exchange.amount=1:2", "--lhs", "3", "--metric", "gini_wealth", "-o", filepath.Join(dir, "sweep")}, small...), "sweep", nil, 3,
			[]string{"Design: a sweep of exchange.amount from 1 to 2 (--sweep): 3 point(s), 3 points of a Latin hypercube over their ranges"}},
		{append([]string{"check", "testdata/half.toml", "--robust", "4", "-o", filepath.Join(dir, "robust")}, small...), "robust", nil, 4,
			[]string{"Design: a robust check: the scenario as written, then 4 set(s) of its uncertain keys drawn by a Latin hypercube: exchange.saving from 0.2 to 0.8 (testdata/half.toml:18)"}},
	}
	for _, c := range cases {
		out := c.args[slices.Index(c.args, "-o")+1]
		if code, _, errs := headless(t, c.args...); code == exitBadUsed || code == exitFailed && c.kind != "robust" {
			t.Fatalf("%v: exit %d %s", c.args, code, errs)
		}
		m := readManifest(t, out)
		if !slices.Equal(m.Args, c.args) {
			t.Errorf("%s: args %q, want %q", c.kind, m.Args, c.args)
		}
		if m.Design.Kind != c.kind || !slices.Equal(m.Design.Arms, c.arms) || len(m.Design.Points) != c.points {
			t.Errorf("%s: design %+v", c.kind, m.Design)
		}
		if !slices.Equal(m.Sets, []string{"people=40", "months=3", "seeds=2"}) {
			t.Errorf("%s: sets %q: the --arm choices belong in design.arms", c.kind, m.Sets)
		}
		if c.kind != "arms" && (len(m.Design.Keys) != 1 || m.Design.Keys[0].From == nil) {
			t.Errorf("%s: keys %+v", c.kind, m.Design.Keys)
		}
		page, _ := os.ReadFile(filepath.Join(out, "report.html"))
		for _, h := range c.header {
			if !strings.Contains(string(page), h) {
				t.Errorf("%s: the report's header lacks %q", c.kind, h)
			}
		}
		if strings.Contains(string(page), "--set arm=") {
			t.Errorf("%s: the report rewrites --arm as --set arm=", c.kind)
		}
	}
}
