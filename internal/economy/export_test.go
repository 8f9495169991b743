package economy

import (
	"fmt"

	"commonwealth/internal/agents"
)

// Hooks for the tests of package economy_test.

// HireBlocksError reports a block of the hiring tree of a capitalism world
// whose weight differs from the money of its persons in H, or nil.
func HireBlocksError(w *World) error {
	k := w.rules.(*capitalism)
	for b := range k.hire.levels[0] {
		var want int64
		for i := b * hireBlock; i < min((b+1)*hireBlock, k.people.Len()); i++ {
			want += k.weight(w, int32(i))
		}
		if got := k.hire.prefix(b+1) - k.hire.prefix(b); got != want {
			return fmt.Errorf("block %d weighs %d, its persons in H hold %d", b, got, want)
		}
	}
	return nil
}

// UnitsOutsideFirms counts the automation units rented by persons who own
// no firm in a world with the production economy.
func UnitsOutsideFirms(w *World) int {
	x := w.rules.(*capitalism).ai
	n := 0
	for i, u := range x.compute.count {
		if u != 0 && x.k.people.Class(int32(i)) != agents.Capitalist {
			n += int(u)
		}
	}
	return n
}

// Wage is the wage person i's contract pays a month (0 out of work).
func Wage(w *World, i int) int64 { return int64(w.rules.(*capitalism).ai.labour.wage[i]) }

// OutsideOption is a worker's outside option at unemployment u when the
// mean wage is meanWage.
func OutsideOption(p LabourParams, u, meanWage float64) float64 {
	l := labour{meanWage: meanWage}
	l.setOutside(p, 0, u, 0)
	return l.outside
}
