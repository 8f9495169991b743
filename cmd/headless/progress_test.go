package main

import (
	"strings"
	"testing"
	"time"
)

// TestPlainProgress checks that plain progress writes whole lines, one per
// tenth of the runs at most and none within plainEvery of the last, and
// none when the batch ends (the command says so itself).
func TestPlainProgress(t *testing.T) {
	for _, c := range []struct {
		step  time.Duration // the time each run takes
		lines int
		first string
	}{
		{11 * time.Second, 9, "runs: 10 of 100 done (10%), 1m50s elapsed, about 16m30s left"},
		{time.Second / 2, 4, "runs: 20 of 100 done (20%), 10s elapsed, about 40s left"},
		{10 * time.Millisecond, 0, ""},
	} {
		var b strings.Builder
		clock := time.Unix(0, 0)
		p := &plain{w: &b, n: 100, now: func() time.Time { return clock }}
		p.start, p.last = clock, clock
		for range 100 {
			clock = clock.Add(c.step)
			p.tick()
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if b.Len() == 0 {
			lines = nil
		}
		if len(lines) != c.lines || (c.lines > 0 && lines[0] != c.first) {
			t.Errorf("runs of %v: %d lines, want %d starting %q:\n%s", c.step, len(lines), c.lines, c.first, b.String())
		}
	}
}
