package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileInput feeds the program files and flags made to break it and
// checks each gets the exit status and message it should, and writes
// nothing.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(text), 0o644)
		return path
	}
	var events, keys, arms strings.Builder
	events.WriteString("model = \"exchange\"\nmonths = 5000\n")
	for i := range 4000 {
		fmt.Fprintf(&events, "[[event]]\nmonth = %d\nset = { \"exchange.saving\" = 0.%d }\n", i, i%9+1)
	}
	keys.WriteString("model = \"exchange\"\n")
	for i := range 10_000 {
		fmt.Fprintf(&keys, "\"k\\u00%02x%d\" = 1\n", 0x41+i%20, i)
	}
	arms.WriteString("model = \"exchange\"\n")
	for i := range 40 {
		fmt.Fprintf(&arms, "[[arm]]\nname = \"a%d\"\n", i)
	}
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"2 MB of nesting", []string{"run", file("big.toml", "x = "+strings.Repeat("[", 1<<20)+strings.Repeat("]", 1<<20))}, exitBadUsed, "the most a scenario file may hold"},
		{"deep arrays", []string{"run", file("deep.toml", "x = "+strings.Repeat("[", 50_000)+strings.Repeat("]", 50_000))}, exitBadUsed, "nest"},
		{"deep inline tables", []string{"run", file("inline.toml", "x = "+strings.Repeat("{a=", 5000)+"1"+strings.Repeat("}", 5000))}, exitBadUsed, "nested more than 8 deep"},
		{"10,000 escaped keys", []string{"run", file("keys.toml", keys.String())}, exitBadUsed, "more problems"},
		{"4,000 events", []string{"validate", file("events.toml", events.String())}, exitOK, "event month 3999, every arm"},
		{"40 arms", []string{"run", file("arms.toml", arms.String())}, exitBadUsed, "more than 32 arms"},
		{"binary", []string{"run", file("bin.toml", "\x00\x01\x02\xff\xfe")}, exitBadUsed, "invalid TOML"},
		{"control characters in a key", []string{"run", file("ctl.toml", "\"\\u001b[31mred\" = 1\n")}, exitBadUsed, `"\x1b[31mred": unknown key`},
		{"empty", []string{"run", file("empty.toml", "")}, exitBadUsed, "the file is empty"},
		{"a folder", []string{"run", dir}, exitBadUsed, "a folder, not a scenario file"},
		{"an event after the end", []string{"run", file("late.toml", "model = \"exchange\"\nmonths = 12\n[[event]]\nmonth = 12\ncaption = \"late\"\n")}, exitBadUsed, "month 12 is not in the run"},
		{"--seeds 0", []string{"run", "trade", "--seeds", "0"}, exitBadUsed, "--seeds 0: expected 1 or more"},
		{"--months 0", []string{"run", "trade", "--months", "0"}, exitBadUsed, "--months 0: expected 1 or more"},
		{"a NaN range", []string{"sweep", "trade", "--sweep", "exchange.saving=nan:1:0.1"}, exitBadUsed, "NaN is not a number a range can use"},
		{"an Inf range", []string{"sweep", "trade", "--sweep", "exchange.saving=0:inf:0.1"}, exitBadUsed, "+Inf is not a number a range can use"},
		{"a range of 1e300 values", []string{"sweep", "trade", "--sweep", "exchange.saving=0:1e300:1e-300"}, exitBadUsed, "values; at most"},
		{"--set a key the arms set", []string{"run", "trade", "--set", "exchange.rule=saving"}, exitBadUsed, "set this key themselves"},
		{"--sweep a key the arms set", []string{"sweep", "ai-is-capital", "--sweep", "ownership.automation=private,commons"}, exitBadUsed, "set this key themselves"},
		{"a typo in a claim's metric", []string{"check", file("typo.toml", "model = \"capitalism\"\n[[claim]]\ntext = \"t\"\nexpr = \"typo.unemployed_shar > 0\"\n")}, exitBadUsed, "unknown metric unemployed_shar in typo.unemployed_shar; this model has: gini_wealth"},
		{"too few seeds for a sign test", []string{"check", file("sign.toml", "model = \"exchange\"\nseeds = 4\n[[arm]]\nname = \"a\"\n[[claim]]\ntext = \"t\"\nexpr = \"a.gini_wealth > 0\"\n")}, exitBadUsed, "claim[1]: is judged by a sign test over seeds (a true/false expression), which needs at least 5 seeds; the run has 4; run with --seeds 5 or more"},
		{"one seed for an interval", []string{"check", "boltzmann", "--seeds", "1"}, exitBadUsed, "which needs at least 2 seeds; the run has 1"},
		{"validate refuses what check refuses", []string{"validate", file("window.toml", "model = \"exchange\"\nmonths = 10\n[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\nwindow = [20, 30]\n")}, exitBadUsed, "window"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, errs := headless(t, append(c.args, "-o", out)...)
			if c.args[0] == "validate" {
				code, stdout, errs = headless(t, c.args...)
			}
			if code != c.code || !strings.Contains(stdout+errs, c.want) {
				t.Fatalf("exit %d\n%.600s\nwant exit %d with %q", code, stdout+errs, c.code, c.want)
			}
			if strings.Count(errs, "\n") > 32 {
				t.Errorf("%d lines of errors", strings.Count(errs, "\n"))
			}
			if _, err := os.Stat(filepath.Join(out, "manifest.json")); err == nil {
				t.Fatal("bad input wrote outputs")
			}
		})
	}
}
