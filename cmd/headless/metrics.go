package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"commonwealth/internal/metrics"
)

// metricsCmd prints every metric with its unit, the models that have it
// and its meaning.
func metricsCmd(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("metrics", "[--markdown]", stderr)
	markdown := fs.Bool("markdown", false, "write the reference as Markdown (docs/metrics.md)")
	if _, err := parse(fs, args); err != nil {
		return flagStatus(err)
	}
	if *markdown {
		fmt.Fprint(stdout, metrics.Reference())
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tUNIT\tMODELS\tMEANING")
	for i := range metrics.All {
		m := &metrics.All[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Name, m.Unit, m.Models(), m.Doc)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\na scenario may define its own metrics from these ([[metric]]: see docs/scenario-reference.md)")
	return exitOK
}
