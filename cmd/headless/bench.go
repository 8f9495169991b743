package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"commonwealth/internal/economy"
	"commonwealth/internal/memory"
)

// benchCommand returns bench, which times each arm's first seed, one world
// at a time on one core, without observing it, and prints a line per arm
// and a total line last, each with the wall time and the processor time of
// the step loop.
func benchCommand() *cobra.Command {
	var sf scenarioFlags
	var profile string
	c := &cobra.Command{
		Use:   "bench [SCENARIO]",
		Short: "time the model without plots or files; print steps per second",
	}
	c.RunE = runE(func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		return bench(ctx, &sf, profile, args, stdout, stderr)
	})
	sf.register(c)
	c.Flags().StringVar(&profile, "cpuprofile", "", "write a CPU profile of the step loops to `FILE` (go tool pprof reads it)")
	return c
}

// bench times the scenario's arms; profile is --cpuprofile's file, or "".
func bench(ctx context.Context, sf *scenarioFlags, profile string, pos []string, stdout, stderr io.Writer) int {
	sc, err := sf.load(ctx, pos, stderr)
	if err != nil {
		return badInput(stderr, err)
	}
	if err := memory.GuardWorlds(sc, 1, "headless bench"); err != nil { // one world at a time
		return badInput(stderr, err)
	}
	stopProfile, err := startProfile(profile)
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	defer stopProfile()
	run := sc.Run()
	var total timing
	for _, a := range sc.Arms {
		w, err := economy.New(a.Settings.Params, run.Seed)
		if err != nil {
			fmt.Fprintln(stderr, "headless:", err)
			return exitFailed
		}
		start, cpu := time.Now(), cpuSeconds()
		for range run.Months {
			if ctx.Err() != nil {
				fmt.Fprintln(stderr, "headless: interrupted")
				return exitFailed
			}
			w.StepMonth()
		}
		t := timing{wall: time.Since(start).Seconds(), cpu: cpuSeconds() - cpu}
		total.wall += t.wall
		total.cpu += t.cpu
		fmt.Fprintf(stdout, "arm=%s %s\n", a.Name, benchLine(run.Model, run.People, run.Months, 1, t))
	}
	fmt.Fprintln(stdout, benchLine(run.Model, run.People, run.Months, len(sc.Arms), total))
	return exitOK
}

// timing is how long a loop took on the wall clock and on the processor.
type timing struct{ wall, cpu float64 }

// benchLine formats a timing: a step is one person's activation or one pair
// trade, and a month is people steps.
func benchLine(model string, people, months, worlds int, t timing) string {
	steps := float64(people) * float64(months) * float64(worlds)
	line := fmt.Sprintf("model=%s people=%d months=%d seconds=%.3f steps_per_s=%.0f", model, people, months, t.wall, steps/t.wall)
	if t.cpu > 0 {
		line += fmt.Sprintf(" cpu_seconds=%.3f cpu_steps_per_s=%.0f", t.cpu, steps/t.cpu)
	}
	return line
}
