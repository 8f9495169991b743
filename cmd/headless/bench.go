package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"commonwealth/internal/economy"
)

// benchCmd times each arm's first seed, one world at a time on one core,
// without observing it, and prints a line per arm and a total line last.
func benchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench", "[SCENARIO] [flags]", stderr)
	var sf scenarioFlags
	sf.register(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	sc, err := sf.load(pos)
	if err != nil {
		return badInput(stderr, err)
	}
	run := sc.Run()
	var total time.Duration
	for _, a := range sc.Arms {
		w, err := economy.New(a.Settings.Params, run.Seed)
		if err != nil {
			fmt.Fprintln(stderr, "headless:", err)
			return exitFailed
		}
		start := time.Now()
		for range run.Months {
			if ctx.Err() != nil {
				fmt.Fprintln(stderr, "headless: interrupted")
				return exitFailed
			}
			w.StepMonth()
		}
		d := time.Since(start)
		total += d
		fmt.Fprintf(stdout, "arm=%s %s\n", a.Name, benchLine(run.Model, run.People, run.Months, 1, d))
	}
	fmt.Fprintln(stdout, benchLine(run.Model, run.People, run.Months, len(sc.Arms), total))
	return exitOK
}

// benchLine formats a timing: a step is one person's activation or one pair
// trade, and a month is people steps.
func benchLine(model string, people, months, worlds int, d time.Duration) string {
	steps := float64(people) * float64(months) * float64(worlds)
	return fmt.Sprintf("model=%s people=%d months=%d seconds=%.3f steps_per_s=%.0f",
		model, people, months, d.Seconds(), steps/d.Seconds())
}
