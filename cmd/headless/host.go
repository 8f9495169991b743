package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"commonwealth/internal/class"
	"commonwealth/internal/classroom"
	"commonwealth/internal/memory"
)

// hostCmd hosts a class without a window: the same server and page as
// `sim --host`, the lesson moving on by itself, with simulated students if
// asked — for a teacher's dry run with their own phone, and for CI.
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
	pos, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	at := slices.Index(classroom.Speeds, *speed)
	switch {
	case *bots < 0 || *bots > class.MaxStudents:
		return badInput(stderr, fmt.Errorf("headless host: --bots %d: expected 0 to %d", *bots, class.MaxStudents))
	case at < 0:
		return badInput(stderr, fmt.Errorf("headless host: --speed %g: expected one of %v", *speed, classroom.Speeds))
	case *predictFor < 0 || *voteFor < 0:
		return badInput(stderr, errors.New("headless host: --predict-for and --vote-for: expected durations such as 30s"))
	}
	sc, err := sf.load(ctx, pos)
	if err != nil {
		return badInput(stderr, err)
	}
	if err := memory.GuardWorlds(sc, memory.SimWorlds(sc), "headless host"); err != nil {
		return badInput(stderr, err)
	}
	sim, err := classroom.NewSim(sc)
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	defer sim.Close()
	h, err := class.NewHost(sim, *addr)
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	defer h.Close()
	fmt.Fprintf(stdout, "students join at %s (code %s)\n", h.URL, h.Class.Code())
	err = class.Rehearse(ctx, sim, h, class.Script{Bots: *bots, PredictFor: *predictFor, VoteFor: *voteFor, Speed: at, Stay: *stay}, stdout)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	return exitOK
}
