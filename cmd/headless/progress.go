package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// newProgress returns a function to call as each of n runs ends: a progress
// bar with the time left on a terminal, nothing when w is not a terminal
// (a file, a pipe, a CI log).
func newProgress(w io.Writer, n int, done int) (tick func(), finish func()) {
	w = unescaped(w)
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}, func() {}
	}
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
}
