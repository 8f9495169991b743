package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"commonwealth/internal/metrics"
)

// metricsCommand returns metrics, which prints every metric with its unit,
// the models that have it and its meaning.
func metricsCommand() *cobra.Command {
	return referenceCommand("metrics", "list every metric with its unit, models and meaning",
		"docs/metrics.md", metrics.Reference, printMetrics)
}

// printMetrics prints the table of the metrics.
func printMetrics(stdout io.Writer) {
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tUNIT\tMODELS\tMEANING")
	for i := range metrics.All {
		m := &metrics.All[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Name, m.Unit, m.Models(), m.Doc)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\na scenario may define its own metrics from these ([[metric]]: see docs/scenario-reference.md)")
}
