package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressModes are --progress's values.
var progressModes = []string{"auto", "bar", "plain", "none"}

// plainEvery is the least time between two lines of plain progress.
const plainEvery = 10 * time.Second

// newProgress returns a function to call as each of n runs ends (done of
// them already finished) and one to call at the end. mode is --progress:
// "bar", a progress bar with the time left; "plain", a line now and then
// (at most one every plainEvery, as another tenth of the runs ends) for
// logs and CI; "none"; "auto", a bar on a terminal and plain lines
// elsewhere.
func newProgress(w io.Writer, mode string, n int, done int) (tick func(), finish func()) {
	w = unescaped(w)
	if mode == "auto" {
		mode = "plain"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		bar := progressbar.NewOptions(n,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("runs"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionThrottle(100_000_000),
			progressbar.OptionClearOnFinish(),
		)
		bar.Set(done)
		return func() { bar.Add(1) }, func() { bar.Finish() }
	case "plain":
		p := &plain{w: w, n: n, done: done, from: done, now: time.Now}
		p.start, p.last = p.now(), p.now()
		return p.tick, func() {}
	}
	return func() {}, func() {}
}

// plain prints progress as whole lines, rarely: a log keeps every line.
type plain struct {
	mu          sync.Mutex
	w           io.Writer
	n, done     int
	from        int // runs done before this command started (resumed)
	start, last time.Time
	tenth       int              // the last tenth of the runs reported
	now         func() time.Time // the clock
}

// tick counts a finished run and prints a line when another tenth of the
// runs has ended and plainEvery has passed since the last line.
func (p *plain) tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	tenth := 10 * p.done / max(p.n, 1)
	now := p.now()
	if tenth <= p.tenth || now.Sub(p.last) < plainEvery || p.done >= p.n {
		return
	}
	p.tenth, p.last = tenth, now
	fmt.Fprintln(p.w, p.line(now.Sub(p.start)))
}

// line says how many runs are done, the time taken and the time left at
// the rate so far.
func (p *plain) line(elapsed time.Duration) string {
	s := fmt.Sprintf("runs: %d of %d done (%d%%), %s elapsed", p.done, p.n, 100*p.done/max(p.n, 1), elapsed.Round(time.Second))
	if ran := p.done - p.from; ran > 0 {
		left := time.Duration(float64(elapsed) / float64(ran) * float64(p.n-p.done))
		s += fmt.Sprintf(", about %s left", left.Round(time.Second))
	}
	return s
}
