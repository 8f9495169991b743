package classroom

import (
	"slices"
	"testing"

	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
)

// TestArrange checks the picture's order: every person once, each firm's
// owner before their workers, the larger firm first, the unemployed last.
func TestArrange(t *testing.T) {
	C, W, U := uint8(agents.Capitalist), uint8(agents.Worker), uint8(agents.Unemployed)
	s := &economy.Snapshot{Classes: true,
		Wealth:   make([]int64, 7),
		ClassOf:  []uint8{W, C, U, W, C, W, W},
		Employer: []int32{1, -1, -1, 4, -1, 4, 4},
	}
	var a Arrangement
	got := a.Arrange(s)
	want := []int32{4, 3, 5, 6, 1, 0, 2}
	if !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if allocs := testing.AllocsPerRun(10, func() { a.Arrange(s) }); allocs != 0 {
		t.Fatalf("arrange allocates %v times a frame", allocs)
	}
}
