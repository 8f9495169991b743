package prefetch

import "unsafe"

// Indexed prefetches, into every cache level, the line holding the byte at
// base + idx[i]<<shift for each i: the elements idx names of an array at base
// whose elements are 1<<shift bytes. One call covers a whole block of
// indices, so the cost of the call is shared.
//
//go:noescape
func Indexed(base unsafe.Pointer, shift uint, idx []int32)
