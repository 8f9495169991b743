package main

import (
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestComplete: what the completion scripts are told may follow the words
// typed — commands, a command's flags from its own usage, --set's keys and
// their choices, built-in scenarios — and nothing where a file is expected.
func TestComplete(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		words []string
		want  []string // all of these, and only candidates beginning with the last word
		none  bool     // nothing: the shell completes a file
	}{
		{words: []string{"ch"}, want: []string{"check"}},
		{words: []string{""}, want: []string{"run", "check", "sweep", "completion", "help", "version"}},
		{words: []string{"help", "sw"}, want: []string{"sweep"}},
		{words: []string{"run", "--se"}, want: []string{"--seeds", "--set"}},
		{words: []string{"check", "--rob"}, want: []string{"--robust"}},
		{words: []string{"run", "--set", "labour.barg"}, want: []string{"labour.bargaining="}},
		{words: []string{"run", "--set", "siting=c"}, want: []string{"siting=cheapest", "siting=consent"}},
		{words: []string{"check", "ai-"}, want: []string{"ai-is-capital"}},
		{words: []string{"run", "wright", "-o", ""}, none: true},
		{words: []string{"run", "--cpuprofile", "c"}, none: true},
		{words: []string{"nosuch", "--"}, none: true},
	} {
		got := complete(ctx, c.words)
		if c.none {
			if len(got) != 0 {
				t.Errorf("%q: want nothing (a file), got %q", c.words, got)
			}
			continue
		}
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: %q missing from %q", c.words, w, got)
			}
		}
		for _, g := range got {
			if !strings.HasPrefix(g, c.words[len(c.words)-1]) {
				t.Errorf("%q: %q does not begin with what was typed", c.words, g)
			}
		}
	}
	// A switch completes to true or false.
	if got := complete(ctx, []string{"run", "--set", "ai.enabled="}); !slices.Equal(got, []string{"ai.enabled=true", "ai.enabled=false"}) {
		t.Errorf("ai.enabled=: got %q", got)
	}
}

// TestCompletionScripts: each shell's script is printed and bash's parses;
// an unknown shell is refused with exit status 2.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errs := headless(t, "completion", shell)
		if code != exitOK || !strings.Contains(out, "headless __complete") {
			t.Errorf("completion %s: exit %d, %q %s", shell, code, out, errs)
		}
		if shell == "bash" {
			check := exec.Command("bash", "-n")
			check.Stdin = strings.NewReader(out)
			if msg, err := check.CombinedOutput(); err != nil {
				t.Errorf("bash -n: %v %s", err, msg)
			}
		}
	}
	if code, _, errs := headless(t, "completion", "tcsh"); code != exitBadUsed || !strings.Contains(errs, "bash, zsh or fish") {
		t.Errorf("completion tcsh: exit %d, %s", code, errs)
	}
}
