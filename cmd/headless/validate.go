package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"commonwealth/internal/scenario"
)

// validateCmd checks scenarios without running them, reporting every
// problem of every file, and shows what each arm would run.
func validateCmd(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("validate", "SCENARIO... [flags]", stderr)
	var sf scenarioFlags
	sf.register(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(pos) == 0 {
		fs.Usage()
		return exitBadUsed
	}
	status := exitOK
	for _, ref := range pos {
		sc, err := sf.load([]string{ref})
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
	}
	return status
}
