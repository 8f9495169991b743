// Package waitfor lets tests wait for events on a machine of any speed
// without fixed sleeps: a test waits for the event itself, for as long as
// the test run allows (go test -timeout), and fails with a message saying
// what never happened shortly before the run would be cut off with a
// stack dump.
package waitfor

import (
	"testing"
	"time"
)

// Default is the time a test may wait when the run has no deadline (go
// test -timeout 0).
const Default = 30 * time.Minute

// deadliner is a *testing.T: the time its run is cut off.
type deadliner interface {
	Deadline() (time.Time, bool)
}

// Budget returns how long from now a test may wait for an event: the time
// left before the test binary's deadline, less a tenth of it (at least a
// second) to report the failure and clean up. On a busy or slow machine a
// longer -timeout gives every wait more time, with no number to tune.
func Budget(t deadliner) time.Duration {
	d, ok := t.Deadline()
	if !ok {
		return Default
	}
	left := time.Until(d)
	return max(left-max(left/10, time.Second), 0)
}

// Until calls done, at intervals that grow from a millisecond to 50, until
// it reports true, and fails the test, naming what,
// if it has not within Budget.
func Until(t testing.TB, what string, done func() bool) {
	t.Helper()
	d, ok := t.(deadliner)
	budget := Default
	if ok {
		budget = Budget(d)
	}
	end := time.Now().Add(budget)
	for pause := time.Millisecond; !done(); pause = min(2*pause, 50*time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("gave up waiting after %v: %s", budget.Round(time.Millisecond), what)
			return
		}
		time.Sleep(pause)
	}
}
