//go:build !amd64

package prefetch

import "unsafe"

// Indexed would prefetch the lines of the elements idx names of an array at
// base whose elements are 1<<shift bytes; without an assembly version for
// this architecture it does nothing, which changes no result.
func Indexed(base unsafe.Pointer, shift uint, idx []int32) {}
