package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// TestHelpAndVersion checks help COMMAND (the command's usage, on stdout,
// with two-dash flags), suggestions for a mistyped command (with the usage,
// on stderr, exit status 2), and version.
func TestHelpAndVersion(t *testing.T) {
	for _, c := range []struct {
		args      []string
		code      int
		out, errs string
	}{
		{[]string{"help", "run"}, exitOK, "Usage:\n  headless run [SCENARIO] [flags]\n", ""},
		{[]string{"help", "check"}, exitOK, "Usage:\n  headless check [SCENARIO] [flags]\n", ""},
		{[]string{"help", "sweep"}, exitOK, "      --lhs N ", ""},
		{[]string{"check", "--help"}, exitOK, "run, then judge the scenario's claims", ""},
		{[]string{"help"}, exitOK, "Available Commands:\n  run ", ""},
		{[]string{"--help"}, exitOK, "Available Commands:\n  run ", ""},
		{[]string{}, exitBadUsed, "", "Available Commands:\n  run "},
		{[]string{"help", "chek"}, exitBadUsed, "", "headless help: unknown command \"chek\" for \"headless\"\n\nDid you mean this?\n\tcheck\n"},
		{[]string{"rnu"}, exitBadUsed, "", "headless: unknown command \"rnu\" for \"headless\"\n\nDid you mean this?\n\trun\n\nUsage:\n  headless [command]"},
		{[]string{"vresion"}, exitBadUsed, "", "Did you mean this?\n\tversion\n"},
		{[]string{"run", "--sedes", "2"}, exitBadUsed, "", "headless run: unknown flag: --sedes\n\nUsage:\n  headless run [SCENARIO] [flags]"},
		{[]string{"validate"}, exitBadUsed, "", "headless validate: requires at least 1 arg(s), only received 0\n\nUsage:\n  headless validate SCENARIO... [flags]"},
		{[]string{"version"}, exitOK, "headless ", ""},
		{[]string{"--version"}, exitOK, "built with go", ""},
	} {
		code, out, errs := headless(t, c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.errs) {
			t.Errorf("%v: exit %d\nstdout %q\nstderr %q\nwant exit %d, stdout with %q, stderr with %q", c.args, code, out, errs, c.code, c.out, c.errs)
		}
		if c.code != exitOK && out != "" {
			t.Errorf("%v: a mistake reported on stdout: %q", c.args, out)
		}
	}
	_, out, _ := headless(t, "help", "check")
	if strings.Contains(out, "  -seeds") || !strings.Contains(out, "  --expect FILE ") || !strings.Contains(out, "  -o, --output DIR ") {
		t.Errorf("help check: flags with one dash, or no --expect or -o:\n%s", out)
	}
	// Every flag's text begins in the same column.
	flag := regexp.MustCompile(`(?m)^(  -., |      )--\S+( \S+)? +`)
	columns := map[int]bool{}
	found := flag.FindAllString(out, -1)
	for _, f := range found {
		columns[len(f)] = true
	}
	if len(found) < 10 || len(columns) != 1 {
		t.Errorf("help check: the flags' texts begin in columns %v:\n%s", columns, out)
	}
}

// TestInterruptedExit130 checks the status of a command stopped by Ctrl-C
// before its batch starts: 130, as a shell reports a program ended by
// SIGINT, with nothing written.
func TestInterruptedExit130(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := filepath.Join(t.TempDir(), "out")
	code := run(ctx, []string{"run", "trade", "--months", "2", "-o", dir}, &strings.Builder{}, &strings.Builder{})
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d", code, exitInterrupted)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("an interrupted command created its folder")
	}
}

// TestExpect checks check --expect: exit 0 when the verdicts are the ones
// the file gives (a lesson page's lines, or check's own output), 1 when one
// differs, and 2 for a file that does not fit the scenario's claims.
func TestExpect(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	page := write("page.md", "# fails.toml\n\n- SUPPORTED — Saving lowers the Gini\n- CONTRADICTED — Saving raises the Gini\n")
	code, out, errs := headless(t, "check", "testdata/fails.toml", "--expect", page, "-o", filepath.Join(dir, "a"))
	if code != exitOK || !strings.Contains(out, "every verdict is as "+page+" expects") || !strings.Contains(out, " 2. CONTRADICTED") {
		t.Fatalf("as expected: exit %d\n%s%s", code, out, errs)
	}
	// check's own output serves as the file of expectations.
	own := write("verdicts.txt", out)
	if code, out, errs := headless(t, "check", "testdata/fails.toml", "--expect", own, "-o", filepath.Join(dir, "b")); code != exitOK {
		t.Fatalf("check's own output: exit %d\n%s%s", code, out, errs)
	}
	wrong := write("wrong.txt", "1. SUPPORTED\n2. INCONCLUSIVE\n")
	code, out, _ = headless(t, "check", "testdata/fails.toml", "--expect", wrong, "-o", filepath.Join(dir, "c"))
	if code != exitFailed || !strings.Contains(out, "not as "+wrong+" expects:\n  claim 2: CONTRADICTED, expected INCONCLUSIVE: Saving raises the Gini") {
		t.Fatalf("not as expected: exit %d\n%s", code, out)
	}
	misfit := write("misfit.txt", "- SUPPORTED — Saving lowers the Gini\n")
	code, _, errs = headless(t, "check", "testdata/fails.toml", "--expect", misfit, "-o", filepath.Join(dir, "d"))
	if code != exitBadUsed || !strings.Contains(errs, `no expected verdict for claim 2 ("Saving raises the Gini")`) {
		t.Fatalf("a file missing a claim: exit %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "d")); !os.IsNotExist(err) {
		t.Error("a refused --expect ran the scenario")
	}
}

// TestRunNamesClaims checks that run ends by naming the scenario's claims
// and the check command that judges them, with the run's own flags.
func TestRunNamesClaims(t *testing.T) {
	code, out, errs := headless(t, "run", "testdata/holds.toml", "--seeds", "2", "--set", "people=50", "--months", "5", "--progress", "none", "-o", t.TempDir())
	if code != exitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	want := "holds makes 2 claim(s):\n 1. Saving lowers the Gini\n 2. Saving keeps more of the poorer half's money, in every seed\n" +
		"judge them over the seeds with:\n  headless check testdata/holds.toml --seeds 2 --set people=50 --months 5 --progress none\n"
	if !strings.HasSuffix(out, want) {
		t.Errorf("run's last lines:\n%s\nwant\n%s", out, want)
	}
	if code, _, errs := headless(t, "run", "trade", "--progress", "fancy"); code != exitBadUsed || !strings.Contains(errs, "--progress fancy: expected one of auto, bar, plain, none") {
		t.Errorf("--progress fancy: exit %d %s", code, errs)
	}
}

// TestSummaryReads checks the terminal summary of the default scenario's
// six arms: every line within 100 columns (but the command to copy), no
// exponents, no negative bounds for shares, and "lower" or "higher" as the
// paired difference's sign says; and the report's tables: headers in
// <thead>, units, no exponents.
func TestSummaryReads(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := headless(t, "run", "--months", "24", "--seeds", "3", "--set", "people=100", "--progress", "none", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	diff := regexp.MustCompile(`\]\s+([+−]?)[0-9.]+ \[[^]]*\], (lower|higher|no change) in \d+/3$`)
	directions := 0
	for _, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > columns && !strings.HasPrefix(line, "  headless check") {
			t.Errorf("%d columns: %s", n, line)
		}
		if strings.Contains(line, "e-0") || strings.Contains(line, "e+0") {
			t.Errorf("an exponent: %s", line)
		}
		if strings.HasPrefix(line, "  ") && strings.Contains(line, " [") && strings.Contains(strings.SplitN(line, "]", 2)[0], "−") {
			t.Errorf("a negative share: %s", line)
		}
		if m := diff.FindStringSubmatch(line); m != nil {
			directions++
			if want := map[string]string{"+": "higher", "−": "lower", "": "no change"}[m[1]]; m[2] != want {
				t.Errorf("%s, but the difference says %s: %s", m[2], want, line)
			}
		}
	}
	if directions != 5*5 {
		t.Errorf("%d paired differences, want 5 metrics × 5 arms:\n%s", directions, out)
	}
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<thead><tr><th>metric</th>", "<td>gini_wealth (0..1)</td>", "lower in 3/3", "higher in 3/3"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("report.html has no %q", want)
		}
	}
	if m := regexp.MustCompile(`<td class="num">[^<]*\de[-+]\d`).FindString(string(page)); m != "" {
		t.Errorf("report.html has an exponent: %s", m)
	}
}

// TestSignalStatus checks the status for each signal that stops a command:
// 128 and its number.
func TestSignalStatus(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143} {
		ctx, cancel := context.WithCancelCause(context.Background())
		cancel(stopped{sig})
		if got := interruptedStatus(ctx); got != want {
			t.Errorf("%v: %d, want %d", sig, got, want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := interruptedStatus(ctx); got != exitInterrupted {
		t.Errorf("no signal known: %d, want %d", got, exitInterrupted)
	}
}

// TestCheckArgs checks the command line run suggests for check: without
// the output folder (-o DIR, -oDIR, -o=DIR, --output DIR or --output=DIR),
// --shard, --resume and --force, quoted for a shell.
func TestCheckArgs(t *testing.T) {
	fs := batchCommand("run", "", nil).Flags()
	for _, c := range []struct{ args, want []string }{
		{[]string{"wright", "-o", "out", "--seeds", "8"}, []string{"wright", "--seeds", "8"}},
		{[]string{"--output=out", "my file.toml", "--resume", "--force", "--set", "people=50"}, []string{"'my file.toml'", "--set", "people=50"}},
		{[]string{"-oout", "--output", "out", "-o=out", "--seeds=2"}, []string{"--seeds=2"}},
		{[]string{"--shard", "1/4", "--set", "name=it's"}, []string{"--set", `'name=it'\''s'`}},
		{[]string{"--seeds", "2", "--", "-o"}, []string{"--seeds", "2", "--", "-o"}},
	} {
		if got := checkArgs(c.args, fs); !slices.Equal(got, c.want) {
			t.Errorf("checkArgs(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}
