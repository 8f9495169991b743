package prefetch

import "unsafe"

// Indexed prefetches, into every cache level, the line holding the first
// byte of each element idx names of an array at base whose elements are
// size bytes: the byte at base + idx[i]*size for each i. One call covers a
// whole block of indices, so the cost of the call is shared.
//
//go:noescape
func Indexed(base unsafe.Pointer, size uintptr, idx []int32)

// Line prefetches, into every cache level, the line holding the byte at p.
//
//go:noescape
func Line(p unsafe.Pointer)
