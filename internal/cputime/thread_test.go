package cputime

import (
	"runtime"
	"testing"
	"time"
)

// TestThreadCountsWork spins the locked thread until it has used 20 ms of
// processor time by its own count, and checks the count never went back and
// that at least that much wall time passed: a clock that ran faster than
// the wall, or stood still, would fail.
func TestThreadCountsWork(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start, err := Thread()
	if err != nil {
		t.Skip(err) // not Linux: nothing to measure
	}
	wall := time.Now()
	last := start
	for last-start < 20*time.Millisecond {
		now, err := Thread()
		if err != nil || now < last {
			t.Fatalf("thread time went from %v to %v (%v)", last, now, err)
		}
		last = now
	}
	if el := time.Since(wall); el < last-start-time.Millisecond {
		t.Errorf("%v of thread time in %v of wall time", last-start, el)
	}
}
