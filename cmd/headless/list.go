package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"commonwealth/internal/scenario"
	"commonwealth/scenarios"
)

// listCommand returns list, which lists the built-in scenarios with their
// first sentence.
func listCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "list the built-in scenarios",
		Args:  cobra.NoArgs,
		RunE:  runE(list),
	}
}

func list(_ context.Context, _ []string, stdout, stderr io.Writer) int {
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
