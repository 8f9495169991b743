package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"commonwealth/internal/scenario"
	"commonwealth/scenarios"
)

// listCmd lists the built-in scenarios with their first sentence.
func listCmd(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("list", "", stderr)
	if _, err := parse(fs, args); err != nil {
		return flagStatus(err)
	}
	for _, name := range scenario.Names() {
		sc, err := scenario.Load(name, nil)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFailed
		}
		mark := " "
		if name == scenarios.Default {
			mark = "*"
		}
		fmt.Fprintf(stdout, "%s %-22s %-11s %d arm(s)  %s\n", mark, name, sc.Run().Model, len(sc.Arms), firstSentence(sc.Description))
	}
	fmt.Fprintln(stdout, "(* runs when no scenario is named; `headless run NAME` runs one)")
	return exitOK
}

func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
