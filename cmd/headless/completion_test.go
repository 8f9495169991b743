package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// complete asks the program, as the completion scripts do (headless
// __complete WORDS...), what may follow the words typed, the last being
// the one typed so far; it returns the candidates, without their
// descriptions, and the directive (whether to add a space, to complete
// files).
func complete(t *testing.T, words ...string) ([]string, cobra.ShellCompDirective) {
	t.Helper()
	code, out, errs := headless(t, append([]string{cobra.ShellCompRequestCmd}, words...)...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	last := lines[len(lines)-1]
	d, err := strconv.Atoi(strings.TrimPrefix(last, ":"))
	if code != exitOK || err != nil || !strings.HasPrefix(last, ":") {
		t.Fatalf("%q: exit %d, no directive last:\n%s%s", words, code, out, errs)
	}
	var got []string
	for _, l := range lines[:len(lines)-1] {
		got = append(got, strings.SplitN(l, "\t", 2)[0])
	}
	return got, cobra.ShellCompDirective(d)
}

// TestComplete: what the completion scripts are told may follow the words
// typed — commands, a command's flags, --set's keys and their choices,
// built-in scenarios, --progress's modes — and nothing where a file is
// expected, leaving it to the shell.
func TestComplete(t *testing.T) {
	const noFiles, noSpace = cobra.ShellCompDirectiveNoFileComp, cobra.ShellCompDirectiveNoSpace
	for _, c := range []struct {
		words []string
		want  []string // all of these, and only candidates beginning with the last word
		files bool     // the shell may complete a file
	}{
		{words: []string{"ch"}, want: []string{"check"}},
		{words: []string{""}, want: []string{"run", "check", "sweep", "completion", "help", "version"}},
		{words: []string{"help", "sw"}, want: []string{"sweep"}},
		{words: []string{"run", "--se"}, want: []string{"--seeds", "--set"}},
		{words: []string{"check", "--rob"}, want: []string{"--robust"}},
		{words: []string{"run", "--set", "labour.barg"}, want: []string{"labour.bargaining="}},
		{words: []string{"run", "--set", "siting=c"}, want: []string{"siting=cheapest", "siting=consent"}},
		{words: []string{"run", "--set=siting=c"}, want: []string{"siting=cheapest", "siting=consent"}},
		{words: []string{"run", "--progress", ""}, want: []string{"auto", "bar", "plain", "none"}},
		{words: []string{"check", "ai-"}, want: []string{"ai-is-capital"}, files: true},
		{words: []string{"run", "wright", "-o", ""}, files: true},
		{words: []string{"run", "--cpuprofile", "c"}, files: true},
	} {
		got, d := complete(t, c.words...)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: %q missing from %q", c.words, w, got)
			}
		}
		typed := c.words[len(c.words)-1]
		if _, v, ok := strings.Cut(typed, "--set="); ok {
			typed = v
		}
		for _, g := range got {
			if !strings.HasPrefix(g, typed) {
				t.Errorf("%q: %q does not begin with what was typed", c.words, g)
			}
		}
		if files := d&noFiles == 0; files != c.files || c.want == nil && len(got) > 0 {
			t.Errorf("%q: %q, directive %d: want files %v", c.words, got, d, c.files)
		}
	}
	// A key is followed by its value, without a space; a switch completes
	// to true or false.
	if _, d := complete(t, "run", "--set", "ai.ena"); d&noSpace == 0 {
		t.Errorf("--set ai.ena: directive %d, want no space after the key's =", d)
	}
	if got, _ := complete(t, "run", "--set", "ai.enabled="); !slices.Equal(got, []string{"ai.enabled=true", "ai.enabled=false"}) {
		t.Errorf("ai.enabled=: got %q", got)
	}
}

// TestCompletionScripts: each shell's script is printed and asks the
// program; bash's parses; an unknown shell is refused with exit status 2.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, errs := headless(t, "completion", shell)
		if code != exitOK || !strings.Contains(out, "__complete") {
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
	if code, _, errs := headless(t, "completion", "tcsh"); code != exitBadUsed || !strings.Contains(errs, `unknown command "tcsh"`) || !strings.Contains(errs, "  bash ") {
		t.Errorf("completion tcsh: exit %d, %s", code, errs)
	}
}

// TestBashCompletes runs bash's script, where the bash-completion package
// it needs is installed: it completes a command, a --set key's value and a
// scenario.
func TestBashCompletes(t *testing.T) {
	lib := "/usr/share/bash-completion/bash_completion"
	if _, err := os.Stat(lib); err != nil {
		// CI installs bash-completion and sets
		// COMMONWEALTH_REQUIRE_BASH_COMPLETION so that there the test
		// cannot skip.
		msg := fmt.Sprintf("no %s to run bash's script with: apt-get install bash-completion (.ci/run installs it)", lib)
		if os.Getenv("COMMONWEALTH_REQUIRE_BASH_COMPLETION") != "" {
			t.Fatal(msg)
		}
		t.Skip("skipped: " + msg)
	}
	dir := t.TempDir()
	if err := os.Symlink(buildHeadless(t), filepath.Join(dir, "headless")); err != nil {
		t.Fatal(err)
	}
	// tab LINE WORDS... completes the line as bash would, given the words
	// it splits the line into: at "=" too, which the script joins again.
	script := `source ` + lib + `
source <(headless completion bash)
tab() { COMP_LINE=$1; COMP_POINT=${#COMP_LINE}; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  __start_headless headless 2>/dev/null; echo "${COMPREPLY[*]}"; }
tab "headless ch" headless ch
tab "headless run --set siting=c" headless run --set siting = c
tab "headless check ai-" headless check ai-
`
	cmd := exec.Command("bash", "-c", script)
	cmd.Env = append(os.Environ(), "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if want := "check\ncheapest consent\nai-is-capital\n"; err != nil || string(out) != want {
		t.Errorf("bash completes %v:\n%s\nwant\n%s", err, out, want)
	}
}
