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
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

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

func init() {
	cobra.EnableCommandSorting = false // the commands in the order newRoot gives them
}

// newRoot returns the command tree, writing on stdout and stderr; args is
// the whole command line, which the batch commands record in their
// manifest.
func newRoot(args []string, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "headless",
		Short: "Run Commonwealth scenarios without a window",
		Long: "Run Commonwealth scenarios without a window: every arm with every seed on all cores, " +
			"into CSV tables, plots, a report and a manifest.\n\n" +
			"SCENARIO is a TOML file or the name of a built-in scenario (default: the built-in default; headless list names them).",
		Version: version.Long("headless"),
		// Errors are reported by run, in the project's words, on stderr.
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("{{.Version}}")
	root.AddCommand(
		batchCommand("run", "run every arm with every seed; write CSV, plots and a manifest", args),
		batchCommand("check", "run, then judge the scenario's claims; exit 1 if one is not supported", args),
		batchCommand("sweep", "run every swept value × arm × seed; plot metrics against the values", args),
		mergeCommand(args),
		hostCommand(),
		benchCommand(),
		validateCommand(),
		listCommand(),
		keysCommand(),
		metricsCommand(),
		&cobra.Command{
			Use:   "version",
			Short: "the program's version (also --version)",
			Args:  cobra.NoArgs,
			Run:   func(cmd *cobra.Command, _ []string) { fmt.Fprint(cmd.OutOrStdout(), version.Long("headless")) },
		},
	)
	root.InitDefaultHelpFlag() // for the usage of a mistake, before the command runs
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "this text, or a command's usage and flags (also COMMAND --help)"
			// help names a command that does not exist as running one
			// does: an error, with the commands it was likely meant to be.
			c.Args = func(c *cobra.Command, args []string) error {
				_, _, err := c.Root().Find(args)
				return err
			}
		case "completion":
			c.Short = "print the shell's completion script (source <(headless completion bash))"
			// A shell unknown or not named is an error, not the help.
			c.RunE = func(*cobra.Command, []string) error {
				return errors.New("name one shell: bash, zsh, fish or powershell (e.g. `source <(headless completion bash)`)")
			}
		}
	}
	return root
}

// exitStatus is a command's exit status other than 0, the command having
// said why on stderr.
type exitStatus int

func (s exitStatus) Error() string { return "exit status " + strconv.Itoa(int(s)) }

// runE adapts a command's function, which reports on stdout and stderr
// and returns its exit status, to a cobra command's RunE.
func runE(f func(ctx context.Context, args []string, stdout, stderr io.Writer) int) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if code := f(cmd.Context(), args, cmd.OutOrStdout(), cmd.ErrOrStderr()); code != exitOK {
			return exitStatus(code)
		}
		return nil
	}
}

// run runs the command args name and returns its exit status. A mistake on
// the command line (an unknown command or flag, missing arguments) is
// reported on stderr with the usage, exit status 2.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	stdout, stderr = escaper{stdout}, escaper{stderr} // names and texts from files are shown escaped
	root := newRoot(args, stdout, stderr)
	if len(args) == 0 {
		fmt.Fprint(stderr, root.UsageString())
		return exitBadUsed
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	var status exitStatus
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &status):
		if ctx.Err() != nil {
			return interruptedStatus(ctx)
		}
		return int(status)
	}
	fmt.Fprintf(stderr, "%s: %s\n\n%s", cmd.CommandPath(), strings.TrimSpace(err.Error()), cmd.UsageString())
	return exitBadUsed
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
