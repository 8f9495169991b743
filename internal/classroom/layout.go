package classroom

import (
	"math"
	"slices"

	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
)

// Grid splits a w×h area into n square cells of equal size, row by row,
// and returns the cell size and the number of columns.
func Grid(w, h float32, n int) (cell float32, cols int) {
	cols = int(math.Ceil(math.Sqrt(float64(n) * float64(w) / float64(h))))
	cols = max(cols, 1)
	rows := (n + cols - 1) / cols
	cell = min(w/float32(cols), h/float32(rows))
	return cell, cols
}

// Arrangement orders the persons as the picture draws them, reusing its
// buffers from frame to frame.
type Arrangement struct {
	order []int32 // persons in drawing order
	firms []int32 // capitalists, largest firm first
	tally []int32 // per person: employees, then the next free place
}

// Arrange orders the persons: each capitalist (largest firm first) followed
// by their workers, then the unemployed. Without classes it is the persons'
// own order, so each stays in place.
func (a *Arrangement) Arrange(s *economy.Snapshot) []int32 {
	n := len(s.Wealth)
	a.order = slices.Grow(a.order[:0], n)[:n]
	if !s.Classes {
		for i := range a.order {
			a.order[i] = int32(i)
		}
		return a.order
	}
	a.tally = slices.Grow(a.tally[:0], n)[:n]
	clear(a.tally)
	a.firms = a.firms[:0]
	for i, e := range s.Employer {
		if e >= 0 {
			a.tally[e]++
		} else if agents.Class(s.ClassOf[i]) == agents.Capitalist {
			a.firms = append(a.firms, int32(i))
		}
	}
	slices.SortFunc(a.firms, func(x, y int32) int { // larger firms first, then by index
		if d := a.tally[y] - a.tally[x]; d != 0 {
			return int(d)
		}
		return int(x - y)
	})
	pos := int32(0)
	for _, f := range a.firms {
		a.order[pos] = f
		size := a.tally[f]
		a.tally[f] = pos + 1 // where f's next worker goes
		pos += 1 + size
	}
	for i, e := range s.Employer {
		switch {
		case e >= 0:
			a.order[a.tally[e]] = int32(i)
			a.tally[e]++
		case agents.Class(s.ClassOf[i]) == agents.Unemployed:
			a.order[pos] = int32(i)
			pos++
		}
	}
	return a.order
}
