package agents

import (
	"unsafe"

	"commonwealth/internal/prefetch"
)

// PrefetchClasses asks the processor for the lines that hold the classes of
// the persons idx names, so that a step loop which knows its next steps'
// persons can overlap their misses (package prefetch). It is a hint and
// changes nothing.
func (p *Population) PrefetchClasses(idx []int32) {
	prefetch.Elements(p.employer, idx)
}

// PrefetchStaff asks for the lines that hold the headers of the staff lists
// of the persons idx names (where their employees' list is, and how long).
func (p *Population) PrefetchStaff(idx []int32) {
	prefetch.Elements(p.employees, idx)
}

// PrefetchStaffOf asks for the lines that hold the headers of the staff
// lists of persons from to from+n−1.
func (p *Population) PrefetchStaffOf(from, n int32) {
	size := int(unsafe.Sizeof(p.employees[0]))
	lines := min((int(n)*size+lineSize-1)/lineSize+1, len(lineOffsets)) // +1: the headers need not start a line
	prefetch.Indexed(unsafe.Pointer(&p.employees[from]), lineSize, lineOffsets[:lines])
}

// lineSize is the size of a cache line on the processors this program runs
// on; a prefetch of a line too few or too many changes only the time taken.
const lineSize = 64

// lineOffsets are the indices of consecutive lines, for prefetching a range.
var lineOffsets = [...]int32{0, 1, 2, 3, 4, 5, 6, 7, 8}

// PrefetchStaffLists asks for the first line of the staff list of each
// person idx names, whose list header is already cached or asked for.
func (p *Population) PrefetchStaffLists(idx []int32) {
	for _, i := range idx {
		if s := p.employees[i]; len(s) > 0 {
			prefetch.Line(unsafe.Pointer(unsafe.SliceData(s)))
		}
	}
}
