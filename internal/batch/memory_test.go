package batch

import (
	"strings"
	"testing"

	"commonwealth/internal/scenario"
)

// TestCheckMemory: a batch of many large worlds is refused with the memory
// it needs; a small one passes. The estimate adds one world a worker and
// every run's kept snapshot, plot copies and series, and a quarter more.
func TestCheckMemory(t *testing.T) {
	sc, err := scenario.Parse("big.toml", []byte("model = \"capitalism\"\npeople = 1000000\nmonths = 10\nseeds = 16\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	need := MemoryNeed(sc, 2, 0)
	// 2 worlds × 128 B + 16 runs × (28 + 16) B a person, and 16 series of 11 months × 15 metrics.
	live := int64(2*128*1_000_000 + 16*(44*1_000_000+11*15*8))
	if want := live + live/4; need != want {
		t.Fatalf("need %d, want %d", need, want)
	}
	err = CheckMemory(sc, 2, 0, 500_000_000)
	if err == nil || !strings.Contains(err.Error(), "needs about 1.2 GB") || !strings.Contains(err.Error(), "500.0 MB available") {
		t.Fatalf("got %v", err)
	}
	if err := CheckMemory(sc, 2, 0, need); err != nil {
		t.Fatalf("refused with exactly the memory it needs: %v", err)
	}
}
