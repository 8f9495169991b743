// Package prefetch asks the processor to bring cache lines in before a loop
// reads them: a step loop whose next steps' random reads are known a few
// steps ahead (their draws made ahead, from the same stream in the same
// order, or from streams of their own) can overlap those misses instead of
// waiting for each in turn.
//
// On amd64 this is the PREFETCHT0 instruction, in small assembly functions;
// on other architectures Indexed and Line do nothing. A prefetch is only a hint: it
// never faults and never changes what a program computes, only how long its
// loads wait.
package prefetch

import "unsafe"

// Elements prefetches the lines of the elements of s that idx names (each
// in range).
func Elements[T any](s []T, idx []int32) {
	var zero T
	Indexed(unsafe.Pointer(unsafe.SliceData(s)), unsafe.Sizeof(zero), idx)
}
