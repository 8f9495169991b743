package waitfor

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// fixed is a test run with a deadline.
type fixed time.Time

func (f fixed) Deadline() (time.Time, bool) { return time.Time(f), true }

// none is a run without a deadline.
type none struct{}

func (none) Deadline() (time.Time, bool) { return time.Time{}, false }

func TestBudget(t *testing.T) {
	if b := Budget(fixed(time.Now().Add(100 * time.Second))); b < 89*time.Second || b > 90*time.Second {
		t.Errorf("100 s left: budget %v, want 90 s", b)
	}
	if b := Budget(fixed(time.Now().Add(-time.Second))); b != 0 {
		t.Errorf("past the deadline: budget %v", b)
	}
	if b := Budget(none{}); b != Default {
		t.Errorf("no deadline: budget %v", b)
	}
}

// TestUntil waits for a goroutine's event, with no fixed pause in the test.
func TestUntil(t *testing.T) {
	done := make(chan struct{})
	go func() { close(done) }()
	calls := 0
	Until(t, "the goroutine to close its channel", func() bool {
		calls++
		select {
		case <-done:
			return true
		default:
			return false
		}
	})
	if calls == 0 {
		t.Fatal("done was never asked")
	}
}

// soon is a test whose run ends soon, recording its failure.
type soon struct {
	testing.TB
	end    time.Time
	failed string
}

func (s *soon) Deadline() (time.Time, bool)    { return s.end, true }
func (s *soon) Helper()                        {}
func (s *soon) Fatalf(format string, a ...any) { s.failed = fmt.Sprintf(format, a...) }

// TestUntilGivesUp fails, naming the event, when it never happens before
// the run's deadline.
func TestUntilGivesUp(t *testing.T) {
	s := &soon{TB: t, end: time.Now().Add(1200 * time.Millisecond)}
	start := time.Now()
	Until(s, "the moon to turn blue", func() bool { return false })
	if !strings.Contains(s.failed, "the moon to turn blue") || time.Since(start) > time.Second {
		t.Fatalf("after %v: %q", time.Since(start), s.failed)
	}
}
