// Package hugepages asks the operating system to back a large array with
// huge pages (2 MiB on x86-64) where it allows: an array read at random
// then costs fewer misses of the processor's address translation, which
// on this machine are a fifth to a third of a random read's cost beyond a
// few hundred MiB (docs/performance.md). It changes no value and no
// result; where the system does not allow it, nothing happens.
package hugepages

import "unsafe"

// minBytes is the size below which an array is not worth advising: it
// spans too few huge pages.
const minBytes = 4 << 20

// hugePage is the size of a huge page on the systems advised.
const hugePage = 2 << 20

// Advise asks for huge pages for the huge pages wholly inside s, if s holds
// at least minBytes. Call it right after making s, before writing it, so
// that the pages are made huge when first touched.
func Advise[T any](s []T) {
	var zero T
	size := uintptr(len(s)) * unsafe.Sizeof(zero)
	if size < minBytes {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s))
	if lo, hi := interior(uintptr(p), size); hi > lo {
		advise(unsafe.Slice((*byte)(unsafe.Add(p, lo-uintptr(p))), hi-lo))
	}
}

// interior returns the bounds [lo, hi) of the huge pages wholly inside
// [start, start+size); hi ≤ lo when there is none.
func interior(start, size uintptr) (lo, hi uintptr) {
	return (start + hugePage - 1) &^ (hugePage - 1), (start + size) &^ (hugePage - 1)
}
