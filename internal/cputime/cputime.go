// Package cputime reads the processor time the calling thread has used: a
// measure that, unlike the wall clock or the whole process's time, counts
// neither the other tenants of a shared machine nor the program's other
// threads (the garbage collector's, for one). Lock the goroutine to its
// thread (runtime.LockOSThread) for the figure to mean anything.
package cputime
