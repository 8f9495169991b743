package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"commonwealth/internal/batch"
	"commonwealth/internal/cli"
	"commonwealth/internal/plots"
	"commonwealth/internal/scenario"
)

// sets collects repeated --set flags.
type sets []string

func (s *sets) String() string     { return strings.Join(*s, " ") }
func (s *sets) Set(v string) error { *s = append(*s, v); return nil }

// scenarioFlags are the flags every command that loads a scenario takes.
type scenarioFlags struct {
	sets   sets
	arms   sets
	seeds  int
	months int
	fs     *flag.FlagSet
}

func (f *scenarioFlags) register(fs *flag.FlagSet) {
	f.fs = fs
	fs.Var(&f.sets, "set", "set a scenario key for every arm, as `key=value` (repeatable)")
	fs.Var(&f.arms, "arm", "run only the arm `NAME` (repeatable); with one arm, --set and --sweep may change what the arm sets itself")
	fs.IntVar(&f.seeds, "seeds", 0, "run `N` seeds per arm (same as --set seeds=N)")
	fs.IntVar(&f.months, "months", 0, "run `N` months (same as --set months=N)")
}

// load reads the scenario named by the positional arguments, with the flags
// applied; Ctrl-C (ctx done) interrupts it.
func (f *scenarioFlags) load(ctx context.Context, args []string) (*scenario.Scenario, error) {
	if len(args) > 1 {
		return nil, fmt.Errorf("one scenario at a time, got %d: %s", len(args), strings.Join(args, " "))
	}
	all := append(sets(nil), f.sets...)
	for _, a := range f.arms {
		all = append(all, "arm="+a)
	}
	var bad error
	f.fs.Visit(func(fl *flag.Flag) {
		n := map[string]int{"seeds": f.seeds, "months": f.months}
		if v, ok := n[fl.Name]; ok {
			if v < 1 {
				bad = errors.Join(bad, fmt.Errorf("--%s %d: expected 1 or more", fl.Name, v))
			}
			all = append(all, fl.Name+"="+strconv.Itoa(v))
		}
	})
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
			fmt.Fprintln(f.fs.Output(), "note:", n)
		}
	}
	return sc, err
}

// newFlagSet returns a flag set for the command that reports to stderr.
func newFlagSet(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: headless %s %s\n\nflags:\n", name, args)
		cli.PrintDefaults(fs.Output(), fs)
	}
	return fs
}

// parse parses flags and positional arguments in any order.
func parse(fs *flag.FlagSet, args []string) ([]string, error) { return cli.Parse(fs, args) }

// flagStatus turns a flag parsing error into an exit status: 0 for -h, 2
// otherwise (the flag package has printed the message).
func flagStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitBadUsed
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

func (f *figureFlags) register(fs *flag.FlagSet) {
	f.format = fs.String("format", "png,csv", "the figures' `FORMAT` png, svg or pdf and the tables' csv or parquet: one or both, as in --format parquet or --format svg,parquet")
	f.width = fs.String("plot-width", "", "figure `WIDTH` for a journal's column, such as 89mm, 3.5in or 8.9cm (a bare number is inches; default 8in)")
	f.fontSize = fs.String("font-size", "", "tick labels' size in `POINTS` (default 10; titles, axis names and legends scale with it)")
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
