//go:build !linux

package cputime

import (
	"errors"
	"time"
)

// Thread would return the processor time the calling thread has used; it
// is measured on Linux only.
func Thread() (time.Duration, error) {
	return 0, errors.New("cputime: a thread's processor time is measured on Linux only")
}
