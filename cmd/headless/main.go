// Command headless runs Commonwealth scenarios without a window: it runs
// every arm with every seed on all cores and writes CSV tables, plots and a
// manifest; it also benchmarks, checks and lists scenarios.
//
// Exit status: 0 success, 1 a run failed (for check: a claim not
// supported), 2 bad input (flags, scenario), 130 stopped by Ctrl-C (143 by
// SIGTERM).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"commonwealth/internal/cli"
	"commonwealth/internal/version"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitBadUsed = 2
	// exitInterrupted is a command stopped by Ctrl-C: 128 + SIGINT, as
	// shells report a program that a signal ended.
	exitInterrupted = 130
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal stops the command cleanly; a second one, as
		// usual, ends the program at once (the next command clears up).
		s := <-sigs
		signal.Stop(sigs)
		cancel(stopped{s})
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	signal.Stop(sigs)
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
		{"completion", "bash|zsh|fish", "print the shell's completion script (source <(headless completion bash))", completionCmd},
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	stdout, stderr = escaper{stdout}, escaper{stderr} // names and texts from files are shown escaped
	if len(args) == 0 {
		usage(stderr)
		return exitBadUsed
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "help":
		return help(ctx, args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprint(stdout, version.Long("headless"))
		return exitOK
	case "__complete": // what the completion scripts ask; not in the usage
		return completeCmd(ctx, args[1:], stdout, stderr)
	}
	c, ok := find(args[0])
	if !ok {
		return unknown(stderr, "headless", args[0])
	}
	code := c.run(ctx, args[1:], stdout, stderr)
	if ctx.Err() != nil && code != exitOK {
		return interruptedStatus(ctx)
	}
	return code
}

// stopped is the cause of a command's context ending on a signal.
type stopped struct{ sig os.Signal }

func (s stopped) Error() string { return "stopped by " + s.sig.String() }

// interruptedStatus is the exit status of a command a signal stopped: 128
// and the signal's number, as shells report a program a signal ended (130
// for Ctrl-C's SIGINT, 143 for SIGTERM); 130 when the cause is not known.
func interruptedStatus(ctx context.Context) int {
	var s stopped
	if errors.As(context.Cause(ctx), &s) {
		if n, ok := s.sig.(syscall.Signal); ok {
			return 128 + int(n)
		}
	}
	return exitInterrupted
}

// find returns the command of that name.
func find(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// unknown reports a command that does not exist, with the one it was
// likely meant to be (within two edits) and the usage, and returns exit
// status 2.
func unknown(stderr io.Writer, who, name string) int {
	names := []string{"help", "version"}
	for _, c := range commands() {
		names = append(names, c.name)
	}
	hint := ""
	if c := cli.Within(name, names, 2); c != "" {
		hint = fmt.Sprintf("; did you mean %q?", c)
	}
	fmt.Fprintf(stderr, "%s: unknown command %q%s\n\n", who, name, hint)
	usage(stderr)
	return exitBadUsed
}

// help prints the usage of the command named, or the general usage, on
// stdout.
func help(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	c, ok := find(args[0])
	if !ok {
		return unknown(stderr, "headless help", args[0])
	}
	fmt.Fprintf(stdout, "headless %s: %s\n\n", c.name, c.summary)
	// A command's -h prints its usage where it reports, and exits 0.
	return c.run(ctx, []string{"-h"}, stdout, stdout)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: headless COMMAND [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %-20s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, "  %-8s %-20s %s\n", "help", "[COMMAND]", "this text, or a command's usage and flags")
	fmt.Fprintf(w, "  %-8s %-20s %s\n", "version", "", "the program's version (also --version)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "SCENARIO is a TOML file or the name of a built-in scenario (default: the built-in default).")
	fmt.Fprintln(w, "Run `headless help COMMAND` for a command's flags.")
}
