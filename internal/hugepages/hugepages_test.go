package hugepages

import (
	"slices"
	"testing"
)

// TestInterior checks the pages advised against their definition: aligned,
// inside the array, and every whole huge page of it, for arrays that start
// and end on a huge page, just past one, and just before one.
func TestInterior(t *testing.T) {
	for _, start := range []uintptr{0, 1, hugePage - 8, hugePage, 3*hugePage + 4096} {
		for _, size := range []uintptr{0, 4096, hugePage - 1, hugePage, hugePage + 1, 5 * hugePage, 5*hugePage + 12345} {
			lo, hi := interior(start, size)
			whole := 0 // the huge pages wholly inside [start, start+size), counted one by one
			for p := uintptr(0); p+hugePage <= start+size+hugePage; p += hugePage {
				if p >= start && p+hugePage <= start+size {
					whole++
				}
			}
			got := 0
			if hi > lo {
				got = int((hi - lo) / hugePage)
				if lo%hugePage != 0 || hi%hugePage != 0 || lo < start || hi > start+size {
					t.Errorf("start %d size %d: [%d, %d) is not aligned inside the array", start, size, lo, hi)
				}
			}
			if got != whole {
				t.Errorf("start %d size %d: %d huge pages advised, want %d", start, size, got, whole)
			}
		}
	}
}

// TestAdviseKeepsValues advises arrays below and above the threshold and
// checks they hold what they held (advice moves no data).
func TestAdviseKeepsValues(t *testing.T) {
	for _, n := range []int{0, 1000, 3 << 20} {
		s := make([]int32, n)
		for i := range s {
			s[i] = int32(i)
		}
		want := slices.Clone(s)
		Advise(s)
		if !slices.Equal(s, want) {
			t.Errorf("an array of %d changed", n)
		}
	}
}
