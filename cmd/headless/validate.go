package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"commonwealth/internal/scenario"
)

// validateCommand returns validate, which checks scenarios without running
// them, reporting every problem of every file, and shows what each arm
// would run.
func validateCommand() *cobra.Command {
	var sf scenarioFlags
	c := &cobra.Command{
		Use:   "validate SCENARIO...",
		Short: "check scenario files and show what each arm would run",
		Args:  cobra.MinimumNArgs(1),
	}
	c.RunE = runE(func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		return validate(ctx, &sf, args, stdout, stderr)
	})
	sf.register(c)
	return c
}

// validate checks each scenario of refs.
func validate(ctx context.Context, sf *scenarioFlags, refs []string, stdout, stderr io.Writer) int {
	status := exitOK
	for _, ref := range refs {
		sc, err := sf.load(ctx, []string{ref}, stderr)
		if err == nil {
			// what check and sweep would refuse, validate refuses too
			err = errors.Join(sc.CheckClaims(), sc.CheckSweepTimes())
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = exitBadUsed
			continue
		}
		run := sc.Run()
		fmt.Fprintf(stdout, "ok %s: %q, model %s, %d people, %d arm(s) × %d seed(s) × %d months\n",
			sc.File, sc.Name, run.Model, run.People, len(sc.Arms), run.Seeds, run.Months)
		for _, a := range sc.Arms {
			var set []string
			vals := scenario.Values(a.Settings)
			for _, k := range a.Overrides {
				set = append(set, fmt.Sprintf("%s = %v", k, vals[k]))
			}
			fmt.Fprintf(stdout, "  arm %-16s %s\n", a.Name, strings.Join(set, ", "))
		}
		for _, e := range sc.Events {
			where := "every arm"
			if e.Arm != "" {
				where = "arm " + e.Arm
			}
			what := append(e.Sets(), quoted("caption", e.Caption), quoted("question", e.Question), quoted("vote (a hosted class decides)", e.Vote))
			fmt.Fprintf(stdout, "  event month %d, %s: %s\n", e.Month, where, strings.Join(nonEmpty(what), "; "))
		}
		fmt.Fprintf(stdout, "  %d claim(s), %d sweep(s)\n", len(sc.Claims), len(sc.Sweeps))
		if l := sc.Lesson; l != nil {
			fmt.Fprintf(stdout, "  lesson: %q, answered by claim %d\n", l.Question, l.Claim)
		}
		if p := sc.Participation; p != nil {
			fmt.Fprintf(stdout, "  a hosted class lives in %s (predicts: %v, follows a person: %v, community votes: %s)\n", p.Arm, p.Predict, p.Follow, or(p.Communities, "none"))
		}
	}
	return status
}

// or returns s, or otherwise when s is empty.
func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

func quoted(label, text string) string {
	if text == "" {
		return ""
	}
	return fmt.Sprintf("%s %q", label, text)
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
