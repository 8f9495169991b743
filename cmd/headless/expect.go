package main

import (
	"fmt"
	"io"
	"strings"

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
// claims are and the command that judges them: the same command line as
// check, into check's own folder.
func checkHint(w io.Writer, sc *scenario.Scenario, args []string) {
	if len(sc.Claims) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s makes %d claim(s):\n", sc.Name, len(sc.Claims))
	for _, c := range sc.Claims {
		fmt.Fprintf(w, "%2d. %s\n", c.Number, oneLine(c.Text))
	}
	fmt.Fprintf(w, "judge them over the seeds with:\n  %s\n", strings.TrimSpace("headless check "+strings.Join(checkArgs(args), " ")))
}

// checkArgs returns run's arguments as check takes them: without the
// output folder (check writes into its own), --resume and --force, and
// quoted for a shell where needed.
func checkArgs(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-"):
		case name == "o" || name == "shard":
			if !hasValue {
				i++ // and its value
			}
			continue
		case name == "resume" || name == "force":
			continue
		}
		out = append(out, cli.Quote(a))
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
