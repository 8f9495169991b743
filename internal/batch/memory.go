package batch

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// plotBytes is what the plots copy of each person of each run (wealth as
// float64, pooled and sorted).
const plotBytes = 16

// MemoryNeed estimates the peak memory a batch of sc needs: a world in
// flight per worker, and for every run (arms × seeds × points) its kept
// snapshot, the plots' copies of it, and its time series; and a quarter more
// for the garbage collector's headroom (measured: 4 seeds of Wright's model
// with a million people, 6 months, peaked at 543 MB against 540 estimated;
// docs/performance.md).
func MemoryNeed(sc *scenario.Scenario, workers, points int) int64 {
	run := sc.Run()
	people := int64(run.People)
	var world, kept int64
	for _, a := range sc.Arms {
		world = max(world, economy.WorldBytes(a.Settings.Params))
		kept = max(kept, economy.SnapshotBytes(a.Settings.Params))
	}
	runs := int64(len(sc.Arms)) * int64(run.Seeds) * int64(max(points, 1))
	inFlight := int64(min(int64(workers), runs))
	series := int64(run.Months+1) * int64(len(run.Metrics())) * 8
	live := inFlight*world*people + runs*((kept+plotBytes)*people+series)
	return live + live/4
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
			return kb * 1024, err == nil
		}
	}
	return 0, false
}

// CheckMemory refuses a batch that needs more memory than available,
// saying how much it needs and what to change.
func CheckMemory(sc *scenario.Scenario, workers, points int, available int64) error {
	need := MemoryNeed(sc, workers, points)
	if need <= available {
		return nil
	}
	return fmt.Errorf("%s: the batch needs about %s of memory (%d worlds at once of %d people, and %d finished runs kept for the tables and plots); this machine has %s available; use fewer seeds or people, --workers 1, or split it with --shard i/n",
		sc.File, scenario.Bytes(float64(need)), min(workers, len(sc.Arms)*sc.Run().Seeds*max(points, 1)), sc.Run().People,
		len(sc.Arms)*sc.Run().Seeds*max(points, 1), scenario.Bytes(float64(available)))
}
