package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPeopleFlag runs with --every 5 --people: people.csv is written and
// listed in the manifest; the same batch on one worker, from saved runs
// with --resume, and merged from two shards writes the same bytes, in CSV
// and in Parquet; bad
// values of --every are refused with exit status 2 and a message.
func TestPeopleFlag(t *testing.T) {
	dir := t.TempDir()
	args := []string{"run", "wright", "--seeds", "2", "--months", "12", "--set", "people=40", "--people", "--every", "5"}
	out := func(name string, more ...string) string {
		t.Helper()
		d := filepath.Join(dir, name)
		if code, _, errs := headless(t, append(append(args, more...), "-o", d)...); code != exitOK {
			t.Fatalf("%s: exit %d %s", name, code, errs)
		}
		return d
	}
	whole := out("whole", "--workers", "2")
	b, err := os.ReadFile(filepath.Join(whole, "people.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(string(b), "\n"); lines != 1+2*4*40 { // months 0, 5, 10, 12
		t.Fatalf("people.csv has %d lines, want %d", lines, 1+2*4*40)
	}
	if m, _ := os.ReadFile(filepath.Join(whole, "manifest.json")); !strings.Contains(string(m), `"people.csv"`) {
		t.Fatal("the manifest does not list people.csv")
	}
	one := out("one", "--workers", "1")
	_, _, errs := headless(t, append(args, "--resume", "-o", one)...)
	if !strings.Contains(errs, "resume: 2 of 2 runs taken") {
		t.Fatalf("--resume did not reuse the saved runs: %s", errs)
	}
	s1, s2 := out("shard1", "--shard", "1/2"), out("shard2", "--shard", "2/2")
	merged := filepath.Join(dir, "merged")
	if code, _, errs := headless(t, "merge", s1, s2, "-o", merged); code != exitOK {
		t.Fatalf("merge: exit %d %s", code, errs)
	}
	for _, d := range []string{one, merged} {
		if !sameFile(whole, d, "people.csv") {
			t.Errorf("%s: people.csv differs from the batch on two workers", d)
		}
	}
	if code, _, errs := headless(t, append(args, "--resume", "--format", "parquet", "-o", one)...); code != exitOK {
		t.Fatalf("parquet: exit %d %s", code, errs)
	}
	if code, _, errs := headless(t, "merge", s1, s2, "--format", "parquet", "-o", merged); code != exitOK {
		t.Fatalf("merge to parquet: exit %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(merged, "people.parquet")); err != nil || !sameFile(one, merged, "people.parquet") {
		t.Errorf("people.parquet differs between the batch and the merged shards (%v)", err)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"run", "wright", "--people", "--every", "0"}, "--every 0: expected 1 or more months"},
		{[]string{"run", "wright", "--people", "--every", "-2"}, "--every -2: expected 1 or more months"},
		{[]string{"check", "wright", "--every", "3"}, "add --people"},
		{[]string{"run", "wright", "--people", "--every", "x"}, `invalid argument "x" for "--every" flag`},
		{[]string{"sweep", "wright", "--people", "--every", "0"}, "--every 0: expected 1 or more months"},
	} {
		code, out, errs := headless(t, append(c.args, "-o", filepath.Join(dir, "bad"))...)
		if code != exitBadUsed || !strings.Contains(errs+out, c.msg) {
			t.Errorf("%v: exit %d, %q; want exit 2 with %q", c.args, code, errs+out, c.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bad")); !os.IsNotExist(err) {
		t.Error("a refused command created its output folder")
	}
}

// TestSweepPeople writes a sweep's per-person rows: every point, arm,
// seed, kept month and person, the swept key and the --set keys first.
func TestSweepPeople(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := headless(t, "sweep", "wright", "--seeds", "1", "--months", "6", "--set", "people=20",
		"--sweep", "capitalism.wage_max=60,90", "--people", "--every", "3", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	rows := readCSV(t, filepath.Join(dir, "sweep_people.csv"))
	if head := strings.Join(rows[0], ","); head != "capitalism.wage_max,people,months,arm,seed,month,person,wealth,income,class" {
		t.Fatalf("header %s", head)
	}
	if len(rows) != 1+2*3*20 { // 2 points × months 0, 3, 6 × 20 people
		t.Fatalf("%d rows, want %d", len(rows), 1+2*3*20)
	}
	if last := rows[len(rows)-1]; last[0] != "90" || last[5] != "6" || last[6] != "19" {
		t.Fatalf("last row %v, want the second point's last person at month 6", last)
	}
}

// TestFormatParquet writes the tables as Parquet beside SVG figures; two
// figure formats at once are refused.
func TestFormatParquet(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := headless(t, "run", "wright", "--seeds", "1", "--months", "3", "--set", "people=30", "--people", "--format", "svg,parquet", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	for _, name := range []string{"summary", "timeseries", "wealth", "firms", "people"} {
		if _, err := os.Stat(filepath.Join(dir, name+".parquet")); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(filepath.Join(dir, name+".csv")); err == nil {
			t.Errorf("%s.csv written with --format parquet", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gini.svg")); err != nil {
		t.Error(err)
	}
	code, _, errs = headless(t, "run", "wright", "--format", "png,svg", "-o", filepath.Join(dir, "bad"))
	if want := "--format png,svg: at most one figure format"; code != exitBadUsed || !strings.Contains(errs, want) {
		t.Errorf("exit %d %q; want 2 with %q", code, errs, want)
	}
}
