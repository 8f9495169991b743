package memory

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"commonwealth/internal/scenario"
)

// parse loads a scenario from text, failing the test on an error.
func parse(t *testing.T, src string) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Parse("big.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestCheckBatch: a batch of many large worlds is refused with the memory
// it needs; a small one passes. The estimate adds one world a worker and
// every run's kept snapshot, plot copies and series, and a quarter more.
func TestCheckBatch(t *testing.T) {
	sc := parse(t, "model = \"capitalism\"\npeople = 1000000\nmonths = 10\nseeds = 16\n")
	need := Batch(sc, 2, 0)
	// 2 worlds × (128 B + 10 months × 0.5 B) + 16 runs × (28 + 16) B a person, and 16 series of 11 months × 15 metrics.
	live := int64(2*(128+5)*1_000_000 + 16*(44*1_000_000+11*15*8))
	if want := live + live/4; need != want {
		t.Fatalf("need %d, want %d", need, want)
	}
	err := CheckBatch(sc, 2, 0, 500_000_000)
	if err == nil || !strings.Contains(err.Error(), "needs about 1.2 GB") || !strings.Contains(err.Error(), "500.0 MB available") {
		t.Fatalf("got %v", err)
	}
	if err := CheckBatch(sc, 2, 0, need); err != nil {
		t.Fatalf("refused with exactly the memory it needs: %v", err)
	}
}

// TestBatchCountsPeople: --every 5 --people adds to every run its
// per-person series: wealth, income and class of each person at months 0,
// 5 and 10 (the last), and a month more of room.
func TestBatchCountsPeople(t *testing.T) {
	sc := parse(t, "model = \"capitalism\"\npeople = 1000000\nmonths = 10\nseeds = 16\n")
	without := Batch(sc, 2, 0)
	sc.PeopleEvery = 5
	live := int64(16 * (10/5 + 2) * 1_000_000 * 3 * 8)
	if got := Batch(sc, 2, 0) - without; got != live+live/4 {
		t.Fatalf("the per-person series add %d, want %d", got, live+live/4)
	}
}

// TestGuardSaturates: 32 arms × 100,000 seeds × a 50×50 grid × 50 million
// people overflowed the estimate into a negative need, which let the batch
// start; it must saturate and be refused on any machine, and so must the
// same worlds live at once in the window, host or bench.
func TestGuardSaturates(t *testing.T) {
	var src strings.Builder
	src.WriteString("model = \"capitalism\"\npeople = 50000000\nmonths = 1000000\nseeds = 100000\n")
	for i := range 32 {
		fmt.Fprintf(&src, "[[arm]]\nname = \"arm%d\"\n", i)
	}
	sc := parse(t, src.String())
	if need := Batch(sc, 1<<20, 50*50); need != math.MaxInt64 {
		t.Fatalf("need %d, want the estimate saturated", need)
	}
	err := CheckBatch(sc, 1<<20, 50*50, math.MaxInt64-1)
	if err == nil || !strings.Contains(err.Error(), "needs more than 9.2 EB") {
		t.Fatalf("got %v", err)
	}
	if err := CheckWorlds(sc, math.MaxInt, 1<<40, "the window"); err == nil || !strings.Contains(err.Error(), "the window needs more than") {
		t.Fatalf("got %v", err)
	}
	small := parse(t, "model = \"exchange\"\npeople = 100\nmonths = 10\n")
	if err := CheckWorlds(small, 2, 1<<30, "headless bench"); err != nil {
		t.Fatalf("a small world refused: %v", err)
	}
	for _, c := range [][2]int64{{math.MaxInt64, 2}, {1 << 32, 1 << 32}, {0, math.MaxInt64}} {
		if got := mul(c[0], c[1]); got < 0 || c[0] != 0 && got < c[0] {
			t.Errorf("mul(%d, %d) = %d", c[0], c[1], got)
		}
	}
	if add(math.MaxInt64, 1) != math.MaxInt64 {
		t.Error("add overflows")
	}
}

// TestWindowCountsItself: the window's estimate is its worlds' and, beside
// them, what the window itself holds: 160 MB whatever the population, and
// 6 bytes a person of each arm with a quarter more. Its worlds are every
// arm and the lesson's answer, the lesson's arm for each of the 4 seeds;
// the message names the window's own part and a change the window
// accepts (it has no --set). (The lesson runs 1,200 months, over which
// each world grows by 600 bytes a person: economy.WorldGrowth.)
func TestWindowCountsItself(t *testing.T) {
	sc, err := scenario.Load("embedded:wright", []string{"people=1000000", "seeds=4"})
	if err != nil {
		t.Fatal(err)
	}
	if n := SimWorlds(sc); n != 1+4 {
		t.Fatalf("the window holds %d worlds, want the arm and 4 seeds' worlds of the answer", n)
	}
	worlds := Worlds(sc, 5)
	if got, want := Window(sc)-worlds, int64(160_000_000+6_000_000+1_500_000); got != want {
		t.Fatalf("the window adds %d to its worlds' %d, want %d", got, worlds, want)
	}
	err = CheckWindow(sc, 1_000_000_000)
	if err == nil || !strings.Contains(err.Error(), "the window needs about 4.9 GB of memory (5 worlds at once of 1000000 people, and the window's own 167.5 MB)") ||
		!strings.Contains(err.Error(), "people = N in the scenario") || strings.Contains(err.Error(), "--set") {
		t.Fatalf("got %v", err)
	}
	if err := CheckWindow(sc, Window(sc)); err != nil {
		t.Fatalf("refused with exactly the memory it needs: %v", err)
	}
	explore := parse(t, "model = \"capitalism\"\npeople = 1000000\nmonths = 10\n")
	if n := SimWorlds(explore); n != 1 {
		t.Fatalf("without a lesson the window holds %d worlds, want its one arm", n)
	}
	if got, want := Window(explore)-Worlds(explore, 1), int64(160_000_000+6_000_000+1_500_000); got != want {
		t.Fatalf("without a lesson the window adds %d to its world, want %d", got, want)
	}
}
