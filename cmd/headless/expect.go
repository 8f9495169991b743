package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"commonwealth/internal/claims"
	"commonwealth/internal/cli"
	"commonwealth/internal/scenario"
)

// readExpect reads check --expect's file and checks it against the
// scenario's claims, before anything runs.
func readExpect(file string, sc *scenario.Scenario) ([]claims.Expected, error) {
	es, err := claims.ReadExpected(file)
	if err != nil {
		return nil, fmt.Errorf("--expect: %w", err)
	}
	if err := claims.CheckExpected(file, es, sc); err != nil {
		return nil, fmt.Errorf("--expect: %w", err)
	}
	return es, nil
}

// expectStatus reports whether the verdicts are the ones the file expects
// and returns the exit status: 0 when every one is, 1 otherwise.
func expectStatus(w io.Writer, vs []claims.Verdict, es []claims.Expected, file string) int {
	if bad := claims.Unexpected(vs, es); len(bad) > 0 {
		fmt.Fprintf(w, "not as %s expects:\n  %s\n", file, strings.Join(bad, "\n  "))
		return exitFailed
	}
	fmt.Fprintf(w, "every verdict is as %s expects\n", file)
	return exitOK
}

// checkHint tells, at the end of a run of a scenario with claims, what the
// claims are and the command that judges them, with args.
func checkHint(w io.Writer, sc *scenario.Scenario, args []string) {
	if len(sc.Claims) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s makes %d claim(s):\n", sc.Name, len(sc.Claims))
	for _, c := range sc.Claims {
		fmt.Fprintf(w, "%2d. %s\n", c.Number, oneLine(c.Text))
	}
	fmt.Fprintf(w, "judge them over the seeds with:\n  %s\n", strings.TrimSpace("headless check "+strings.Join(args, " ")))
}

// checkArgs returns run's arguments, as typed, as check takes them: the
// same command line into check's own folder, so without --output (-o),
// --shard, --resume and --force, and quoted for a shell where needed. fs
// holds run's flags.
func checkArgs(args []string, fs *pflag.FlagSet) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" { // the rest are arguments
			for _, a := range args[i:] {
				out = append(out, cli.Quote(a))
			}
			break
		}
		f, attached := flagOf(fs, a)
		if f != nil && slices.Contains([]string{"output", "shard", "resume", "force"}, f.Name) {
			if !attached && f.NoOptDefVal == "" {
				i++ // and its value
			}
			continue
		}
		out = append(out, cli.Quote(a))
	}
	return out
}

// flagOf returns the flag of fs that an argument names (--name, --name=v,
// -x or -xv), and whether its value is in the same argument.
func flagOf(fs *pflag.FlagSet, a string) (*pflag.Flag, bool) {
	switch {
	case strings.HasPrefix(a, "--"):
		name, _, attached := strings.Cut(a[2:], "=")
		return fs.Lookup(name), attached
	case strings.HasPrefix(a, "-") && len(a) > 1:
		return fs.ShorthandLookup(a[1:2]), len(a) > 2
	}
	return nil, false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
