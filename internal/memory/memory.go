// Package memory estimates what a command will hold in memory at its peak
// and refuses, before it starts, one that needs more than the machine has:
// batches (headless run, check, sweep, merge), and the live worlds of the
// window (and what the window itself holds, window.go), headless host and
// headless bench. Every estimate saturates at the largest int64 instead of
// overflowing, so no size of scenario can slip past the guard as a
// negative number.
package memory

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// plotBytes is what the plots copy of each person of each run (wealth as
// float64, pooled and sorted).
const plotBytes = 16

// mul returns a × b for a, b ≥ 0, or math.MaxInt64 when that overflows.
func mul(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// add returns a + b for a, b ≥ 0, or math.MaxInt64 when that overflows.
func add(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// perPerson returns the largest world, at the end of sc's months, and kept
// snapshot of any arm of sc, in bytes a person.
func perPerson(sc *scenario.Scenario) (world, kept int64) {
	months := float64(sc.Run().Months)
	for _, a := range sc.Arms {
		p := a.Settings.Params
		world = max(world, add(economy.WorldBytes(p), bytesOf(economy.WorldGrowth(p)*months)))
		kept = max(kept, economy.SnapshotBytes(a.Settings.Params))
	}
	return world, kept
}

// bytesOf rounds a count of bytes computed in floating point up to whole
// bytes, saturating as mul and add do (and at NaN).
func bytesOf(x float64) int64 {
	if !(x < math.MaxInt64) {
		return math.MaxInt64
	}
	return int64(math.Ceil(max(x, 0)))
}

// series is the memory of one run's time series.
func series(sc *scenario.Scenario) int64 {
	run := sc.Run()
	return mul(mul(int64(run.Months)+1, int64(len(run.Metrics()))), 8)
}

// withHeadroom adds a quarter for the garbage collector's headroom.
func withHeadroom(live int64) int64 { return add(live, live/4) }

// Runs returns how many runs a batch of sc holds: arms × seeds × points.
func Runs(sc *scenario.Scenario, points int) int64 {
	return mul(mul(int64(len(sc.Arms)), int64(sc.Run().Seeds)), int64(max(points, 1)))
}

// Batch estimates the peak memory a batch of sc needs: a world in flight
// per worker, and for every run (arms × seeds × points) its kept snapshot,
// the plots' copies of it, its time series and its per-person series
// (--every N --people); and a quarter more for the
// garbage collector's headroom (measured: 4 seeds of Wright's model with a
// million people, 6 months, peaked at 543 MB against 540 estimated;
// docs/performance.md).
func Batch(sc *scenario.Scenario, workers, points int) int64 {
	people := int64(sc.Run().People)
	world, kept := perPerson(sc)
	runs := Runs(sc, points)
	inFlight := min(int64(max(workers, 0)), runs) // merge runs none
	perRun := add(add(mul(kept+plotBytes, people), series(sc)), scenario.PeopleBytes(sc.Run(), sc.PeopleEvery))
	return withHeadroom(add(mul(mul(inFlight, world), people), mul(runs, perRun)))
}

// Worlds estimates the peak memory of n worlds of sc alive at once, each
// with its snapshot and time series, and a quarter more.
func Worlds(sc *scenario.Scenario, n int) int64 {
	world, kept := perPerson(sc)
	one := add(mul(world+kept, int64(sc.Run().People)), series(sc))
	return withHeadroom(mul(int64(max(n, 1)), one))
}

// SimWorlds is how many worlds the window and headless host hold at once:
// every arm (on screen when the class explores), and with a lesson its
// answer's worlds, the lesson's arms for every seed, which
// classroom.NewReveal makes all at once when the lesson opens and keeps
// while the window is open, whichever core steps them (measured: Wright's
// lesson at a million people held 438 MB live a second after opening, its
// arm and four seeds' worlds; docs/performance.md). An answer kept for
// the scenario as shipped (classroom's answers.json) makes none; the
// estimate counts them anyway.
func SimWorlds(sc *scenario.Scenario) int {
	n := len(sc.Arms)
	if sc.Lesson != nil {
		n += max(sc.Run().Seeds, 1) * len(sc.LessonArms())
	}
	return n
}

// Available returns the memory the system can give this program, from
// /proc/meminfo's MemAvailable, and false where it cannot tell.
func Available() (int64, bool) {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemAvailable:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return mul(kb, 1024), err == nil
		}
	}
	return 0, false
}

// about formats a need for messages; a saturated one is "more than" the
// largest size.
func about(need int64) string {
	if need == math.MaxInt64 {
		return "more than " + scenario.Bytes(float64(need))
	}
	return "about " + scenario.Bytes(float64(need))
}

// CheckBatch refuses a batch that needs more memory than available,
// saying how much it needs and what to change.
func CheckBatch(sc *scenario.Scenario, workers, points int, available int64) error {
	need := Batch(sc, workers, points)
	if need <= available {
		return nil
	}
	runs := Runs(sc, points)
	return fmt.Errorf("%s: the batch needs %s of memory (%d worlds at once of %d people, and %d finished runs kept for the tables and plots); this machine has %s available; use fewer seeds or people, --workers 1, or split it with --shard i/n",
		sc.File, about(need), min(int64(max(workers, 0)), runs), sc.Run().People, runs, scenario.Bytes(float64(available)))
}

// CheckWorlds refuses n live worlds of sc that need more memory than
// available; what names the command, for the message.
func CheckWorlds(sc *scenario.Scenario, n int, available int64, what string) error {
	return refuseWorlds(sc, what, n, Worlds(sc, n), available, "", "fewer people (--set people=N) or fewer arms")
}

// refuseWorlds is the error of what, which needs need bytes for n worlds
// of sc and also (said after them in the message, or ""), when that is
// more than available; fewer says what to change.
func refuseWorlds(sc *scenario.Scenario, what string, n int, need, available int64, also, fewer string) error {
	if need <= available {
		return nil
	}
	return fmt.Errorf("%s: %s needs %s of memory (%d worlds at once of %d people%s); this machine has %s available; use %s",
		sc.File, what, about(need), max(n, 1), sc.Run().People, also, scenario.Bytes(float64(available)), fewer)
}

// GuardBatch is CheckBatch against the memory available now; it passes
// where the system cannot tell.
func GuardBatch(sc *scenario.Scenario, workers, points int) error {
	if avail, ok := Available(); ok {
		return CheckBatch(sc, workers, points, avail)
	}
	return nil
}

// GuardWorlds is CheckWorlds against the memory available now; it passes
// where the system cannot tell.
func GuardWorlds(sc *scenario.Scenario, n int, what string) error {
	if avail, ok := Available(); ok {
		return CheckWorlds(sc, n, avail, what)
	}
	return nil
}
