//go:build !amd64

package prefetch

import "unsafe"

// Indexed would prefetch the lines of the elements idx names of an array at
// base whose elements are size bytes; without an assembly version for this
// architecture it does nothing, which changes no result.
func Indexed(base unsafe.Pointer, size uintptr, idx []int32) {}

// Line would prefetch the line holding the byte at p; here it does nothing.
func Line(p unsafe.Pointer) {}
