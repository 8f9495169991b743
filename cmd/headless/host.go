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

	"commonwealth/internal/classroom"
	"commonwealth/internal/hosting"
	"commonwealth/internal/lang"
	"commonwealth/internal/memory"
)

// hostInput is where `headless host` reads the teacher's commands, a line
// each (hosting.Commands).
var hostInput io.Reader = os.Stdin

// hostCmd hosts a class without a window: the same server and page as
// `sim --host`, the lesson moving on by itself, with simulated students if
// asked — for a teacher's dry run with their own phone, and for CI. The
// teacher keeps the room by typing commands (lock, remove SEAT, reset,
// roll, ...) on its standard input.
func hostCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("host", "[SCENARIO] [flags]", stderr)
	var sf scenarioFlags
	sf.register(fs)
	addr := fs.String("addr", "", "serve on `ADDR:PORT` (default: this machine's address on the room's network, a free port)")
	bots := fs.Int("bots", 0, "simulated students who join, answer and vote (at most 500)")
	predictFor := fs.Duration("predict-for", 30*time.Second, "how long the question stays open")
	voteFor := fs.Duration("vote-for", 20*time.Second, "how long a vote stays open")
	speed := fs.Float64("speed", 0.5, "months a frame (60 frames a second): one of 0.25, 0.5, 1, 2, 5, 10, 20")
	stay := fs.Bool("stay", false, "keep serving after the answer, until Ctrl-C")
	language := fs.String("lang", "", "the `LANGUAGE` the phones are spoken to in: "+strings.Join(lang.Codes(), ", ")+" (default English)")
	perAddress := fs.Int("per-address", hosting.DefaultLimits.StudentsPerAddress,
		"students who may join from one network address (a classroom whose phones share one address behind a router's NAT: the class's size)")
	pos, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	at := slices.Index(classroom.Speeds, *speed)
	switch {
	case *bots < 0 || *bots > hosting.MaxStudents:
		return badInput(stderr, fmt.Errorf("headless host: --bots %d: expected 0 to %d", *bots, hosting.MaxStudents))
	case at < 0:
		return badInput(stderr, fmt.Errorf("headless host: --speed %g: expected one of %v", *speed, classroom.Speeds))
	case *perAddress < 1 || *perAddress > hosting.MaxStudents:
		return badInput(stderr, fmt.Errorf("headless host: --per-address %d: expected 1 to %d", *perAddress, hosting.MaxStudents))
	case *predictFor < 0 || *voteFor < 0:
		return badInput(stderr, errors.New("headless host: --predict-for and --vote-for: expected durations such as 30s"))
	}
	tx, err := lang.Open(*language)
	if err != nil {
		return badInput(stderr, fmt.Errorf("headless host: --lang: %w", err))
	}
	sc, err := sf.load(ctx, pos)
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
	h, err := hosting.NewHost(sim, *addr, tx)
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	defer h.Close()
	h.Class.SetLimits(hosting.Limits{StudentsPerAddress: *perAddress})
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
	err = hosting.Rehearse(ctx, sim, h, hosting.Script{Bots: *bots, PredictFor: *predictFor, VoteFor: *voteFor, Speed: at, Stay: *stay}, stdout)
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
