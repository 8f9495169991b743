package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"commonwealth/internal/scenario"
)

// keysCommand returns keys, which prints the reference of every scenario
// key.
func keysCommand() *cobra.Command {
	return referenceCommand("keys", "list every scenario key with its default, unit and range",
		"docs/scenario-reference.md", scenario.Reference, keys)
}

// referenceCommand returns a command that prints a table, or with
// --markdown the reference that file holds.
func referenceCommand(name, summary, file string, markdown func() string, table func(io.Writer)) *cobra.Command {
	c := &cobra.Command{Use: name, Short: summary, Args: cobra.NoArgs}
	md := c.Flags().Bool("markdown", false, "write the reference as Markdown ("+file+")")
	c.Run = func(cmd *cobra.Command, _ []string) {
		if *md {
			fmt.Fprint(cmd.OutOrStdout(), markdown())
			return
		}
		table(cmd.OutOrStdout())
	}
	return c
}

// keys prints the table of the scenario keys.
func keys(stdout io.Writer) {
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tDEFAULT\tUNIT\tALLOWED\tPER ARM\tLIVE\tMEANING")
	for i := range scenario.Keys {
		k := &scenario.Keys[i]
		perArm := "yes"
		if k.Shared {
			perArm = "no"
		}
		live := ""
		if k.Live {
			live = "live"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.Path, k.Default(), k.Unit, k.Range(), perArm, live, k.Doc)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nArms are [[arm]] blocks with a name and any per-arm keys; --set key=value sets a key for every arm.")
	fmt.Fprintln(stdout, "Live keys can change in a running world: in [[event]] blocks and on the window's sliders.")
}
