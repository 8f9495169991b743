package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"commonwealth/internal/classroom"
	"commonwealth/internal/hosting"
	"commonwealth/internal/lang"
	"commonwealth/internal/memory"
)

// hostInput is where `headless host` reads the teacher's commands, a line
// each (hosting.Commands).
var hostInput io.Reader = os.Stdin

// hostFlags are host's flags.
type hostFlags struct {
	scenario         scenarioFlags
	addr             string
	bots, perAddress int
	predictFor       time.Duration
	voteFor          time.Duration
	speed            float64
	stay             bool
	lang             string
}

// hostCommand returns host, which hosts a class without a window: the same
// server and page as `sim --host`, the lesson moving on by itself, with
// simulated students if asked — for a teacher's dry run with their own
// phone, and for CI. The teacher keeps the room by typing commands (lock,
// remove SEAT, reset, roll, ...) on its standard input.
func hostCommand() *cobra.Command {
	var f hostFlags
	c := &cobra.Command{
		Use:   "host [SCENARIO]",
		Short: "host a class joining from phones without a window: a dry run, or CI",
	}
	c.RunE = runE(func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		return host(ctx, &f, args, stdout, stderr)
	})
	fs := c.Flags()
	f.scenario.register(c)
	fs.StringVar(&f.addr, "addr", "", "serve on `ADDR:PORT` (default: this machine's address on the room's network, a free port)")
	fs.IntVar(&f.bots, "bots", 0, "simulated students who join, answer and vote (at most 500)")
	fs.DurationVar(&f.predictFor, "predict-for", 30*time.Second, "how long the question stays open")
	fs.DurationVar(&f.voteFor, "vote-for", 20*time.Second, "how long a vote stays open")
	fs.Float64Var(&f.speed, "speed", 0.5, "months a frame (60 frames a second): one of 0.25, 0.5, 1, 2, 5, 10, 20")
	fs.BoolVar(&f.stay, "stay", false, "keep serving after the answer, until Ctrl-C")
	fs.StringVar(&f.lang, "lang", "", "the `LANGUAGE` the phones are spoken to in: "+strings.Join(lang.Codes(), ", ")+" (default English)")
	c.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(lang.Codes(), cobra.ShellCompDirectiveNoFileComp))
	fs.IntVar(&f.perAddress, "per-address", hosting.DefaultLimits.StudentsPerAddress,
		"students who may join from one network address (a classroom whose phones share one address behind a router's NAT: the class's size)")
	return c
}

// host hosts the class.
func host(ctx context.Context, f *hostFlags, pos []string, stdout, stderr io.Writer) int {
	at := slices.Index(classroom.Speeds, f.speed)
	switch {
	case f.bots < 0 || f.bots > hosting.MaxStudents:
		return badInput(stderr, fmt.Errorf("headless host: --bots %d: expected 0 to %d", f.bots, hosting.MaxStudents))
	case at < 0:
		return badInput(stderr, fmt.Errorf("headless host: --speed %g: expected one of %v", f.speed, classroom.Speeds))
	case f.perAddress < 1 || f.perAddress > hosting.MaxStudents:
		return badInput(stderr, fmt.Errorf("headless host: --per-address %d: expected 1 to %d", f.perAddress, hosting.MaxStudents))
	case f.predictFor < 0 || f.voteFor < 0:
		return badInput(stderr, errors.New("headless host: --predict-for and --vote-for: expected durations such as 30s"))
	}
	tx, err := lang.Open(f.lang)
	if err != nil {
		return badInput(stderr, fmt.Errorf("headless host: --lang: %w", err))
	}
	sc, err := f.scenario.load(ctx, pos, stderr)
	if err != nil {
		return badInput(stderr, err)
	}
	tx.Translate(sc)
	if err := memory.GuardWorlds(sc, memory.SimWorlds(sc), "headless host"); err != nil {
		return badInput(stderr, err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	defer sim.Close()
	h, err := hosting.NewHost(sim, f.addr, tx)
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	defer h.Close()
	h.Class.SetLimits(hosting.Limits{StudentsPerAddress: f.perAddress})
	lw := &lockedWriter{w: stdout} // the commands answer from their own goroutine
	defer lw.Close()               // which may outlive the command, blocked on a terminal
	stdout = lw
	fmt.Fprintf(stdout, "students join at %s (code %s)\n", h.URL(), h.Class.Code())
	fmt.Fprintf(stdout, "type a command and Enter: %s\n", hosting.Commands)
	go func() {
		lines := bufio.NewScanner(hostInput)
		for lines.Scan() {
			if said := h.Class.Command(lines.Text()); said != "" {
				fmt.Fprintln(stdout, said)
			}
		}
	}()
	err = hosting.Rehearse(ctx, sim, h, hosting.Script{Bots: f.bots, PredictFor: f.predictFor, VoteFor: f.voteFor, Speed: at, Stay: f.stay}, stdout)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	return exitOK
}

// lockedWriter writes for one goroutine at a time.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Close drops what is written after it.
func (l *lockedWriter) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.w = io.Discard
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
