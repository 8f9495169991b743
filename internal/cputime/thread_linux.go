package cputime

import (
	"syscall"
	"time"
)

// Thread returns the processor time, user and system, the calling thread
// has used (getrusage RUSAGE_THREAD).
func Thread() (time.Duration, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1, &ru); err != nil { // RUSAGE_THREAD, which package syscall does not name
		return 0, err
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), nil
}
