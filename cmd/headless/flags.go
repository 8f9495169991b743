package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"commonwealth/internal/batch"
	"commonwealth/internal/plots"
	"commonwealth/internal/scenario"
)

// scenarioFlags are the flags every command that loads a scenario takes.
type scenarioFlags struct {
	sets   []string
	arms   []string
	seeds  int
	months int
	fs     *pflag.FlagSet // the command's flags, to tell which were given
}

// register adds the flags to c, with the completion of --set's keys and
// values and of the built-in scenarios' names for c's argument.
func (f *scenarioFlags) register(c *cobra.Command) {
	fs := c.Flags()
	f.fs = fs
	fs.StringArrayVar(&f.sets, "set", nil, "set a scenario key for every arm, as `key=value` (repeatable)")
	fs.StringArrayVar(&f.arms, "arm", nil, "run only the arm `NAME` (repeatable); with one arm, --set and --sweep may change what the arm sets itself")
	fs.IntVar(&f.seeds, "seeds", 0, "run `N` seeds per arm (same as --set seeds=N)")
	fs.IntVar(&f.months, "months", 0, "run `N` months (same as --set months=N)")
	c.RegisterFlagCompletionFunc("set", completeSet)
	c.ValidArgsFunction = completeScenario
}

// load reads the scenario named by the positional arguments, with the flags
// applied, and prints its notes on stderr; Ctrl-C (ctx done) interrupts it.
func (f *scenarioFlags) load(ctx context.Context, args []string, stderr io.Writer) (*scenario.Scenario, error) {
	if len(args) > 1 {
		return nil, fmt.Errorf("one scenario at a time, got %d: %s", len(args), strings.Join(args, " "))
	}
	all := slices.Clone(f.sets)
	for _, a := range f.arms {
		all = append(all, "arm="+a)
	}
	var bad error
	for _, fl := range []struct {
		name string
		v    int
	}{{"months", f.months}, {"seeds", f.seeds}} {
		if !f.fs.Changed(fl.name) {
			continue
		}
		if fl.v < 1 {
			bad = errors.Join(bad, fmt.Errorf("--%s %d: expected 1 or more", fl.name, fl.v))
		}
		all = append(all, fl.name+"="+strconv.Itoa(fl.v))
	}
	if bad != nil {
		return nil, bad
	}
	ref := ""
	if len(args) == 1 {
		ref = args[0]
	}
	sc, err := scenario.LoadContext(ctx, ref, all)
	if sc != nil {
		for _, n := range sc.Notes {
			fmt.Fprintln(stderr, "note:", n)
		}
	}
	return sc, err
}

// badInput prints a scenario or flag error and returns exit status 2 (1
// when the load was interrupted).
func badInput(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	if errors.Is(err, context.Canceled) {
		return exitFailed
	}
	return exitBadUsed
}

// batchWorkers is the number of runs at once that --workers n gives.
func batchWorkers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// figureFlags are the flags that say how figures are written.
type figureFlags struct {
	format, width, fontSize *string
}

func (f *figureFlags) register(c *cobra.Command) {
	fs := c.Flags()
	f.format = fs.String("format", "png,csv", "the figures' `FORMAT` png, svg or pdf and the tables' csv or parquet: one or both, as in --format parquet or --format svg,parquet")
	f.width = fs.String("plot-width", "", "figure `WIDTH` for a journal's column, such as 89mm, 3.5in or 8.9cm (a bare number is inches; default 8in)")
	f.fontSize = fs.String("font-size", "", "tick labels' size in `POINTS` (default 10; titles, axis names and legends scale with it)")
	formats := slices.Clone(plots.Formats)
	for _, t := range batch.Formats {
		formats = append(formats, string(t))
	}
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// style returns the figures' style and the tables' format the flags give:
// --format lists at most one of each, in any order.
func (f *figureFlags) style() (plots.Style, batch.Format, error) {
	figures, tables := "png", batch.CSV
	seen := map[string]bool{}
	for _, part := range strings.Split(*f.format, ",") {
		part = strings.TrimSpace(part)
		kind := "figure"
		if slices.Contains(batch.Formats, batch.Format(part)) {
			kind, tables = "table", batch.Format(part)
		} else {
			figures = part
		}
		if seen[kind] {
			return plots.Style{}, "", fmt.Errorf("--format %s: at most one %s format", *f.format, kind)
		}
		seen[kind] = true
	}
	st, err := plots.ParseStyle(figures, *f.width, *f.fontSize)
	if err != nil && seen["figure"] && !seen["table"] {
		err = fmt.Errorf("%w (or a table format: csv or parquet)", err)
	}
	return st, tables, err
}
