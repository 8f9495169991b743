package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"commonwealth/internal/scenario"
)

// keysCmd prints the reference of every scenario key.
func keysCmd(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("keys", "[--markdown]", stderr)
	markdown := fs.Bool("markdown", false, "write the reference as Markdown (docs/scenario-reference.md)")
	if _, err := parse(fs, args); err != nil {
		return flagStatus(err)
	}
	if *markdown {
		fmt.Fprint(stdout, scenario.Reference())
		return exitOK
	}
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
	return exitOK
}
