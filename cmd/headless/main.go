// Command headless runs Commonwealth scenarios without a window: it runs
// every arm with every seed on all cores and writes CSV tables, plots and a
// manifest; it also benchmarks, checks and lists scenarios.
//
// Exit status: 0 success, 1 a run failed, 2 bad input (flags, scenario).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitBadUsed = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal stops the command cleanly; a second one, as
		// usual, ends the program at once (the next command clears up).
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"run", "[SCENARIO] [flags]", "run every arm with every seed; write CSV, plots and a manifest", runCmd},
		{"check", "[SCENARIO] [flags]", "run, then judge the scenario's claims; exit 1 if one is not supported", checkCmd},
		{"sweep", "[SCENARIO] [flags]", "run every swept value × arm × seed; plot metrics against the values", sweepCmd},
		{"merge", "SHARD_DIR... -o DIR", "combine the folders of --shard runs into the whole batch's outputs", mergeCmd},
		{"host", "[SCENARIO] [flags]", "host a class joining from phones without a window: a dry run, or CI", hostCmd},
		{"bench", "[SCENARIO] [flags]", "time the model without plots or files; print steps per second", benchCmd},
		{"validate", "SCENARIO...", "check scenario files and show what each arm would run", validateCmd},
		{"list", "", "list the built-in scenarios", listCmd},
		{"keys", "", "list every scenario key with its default, unit and range", keysCmd},
		{"metrics", "", "list every metric with its unit, models and meaning", metricsCmd},
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	stdout, stderr = escaper{stdout}, escaper{stderr} // names and texts from files are shown escaped
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return exitBadUsed
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "headless: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitBadUsed
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: headless COMMAND [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %-18s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "SCENARIO is a TOML file or the name of a built-in scenario (default: the built-in default).")
	fmt.Fprintln(w, "Run `headless COMMAND -h` for a command's flags.")
}
