//go:build unix

package main

import "syscall"

// cpuSeconds is the processor time this process has used so far, user and
// system, in seconds: a measure that, unlike the wall clock, does not count
// the time other work on a shared machine takes.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
