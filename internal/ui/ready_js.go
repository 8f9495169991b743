//go:build js

package ui

import "syscall/js"

// signalDrawn tells the page how many frames the program has drawn, in
// window.commonwealthFrames, so that a page or a test can wait for the
// first frames instead of for a fixed time.
func signalDrawn(frames int) { js.Global().Set("commonwealthFrames", frames) }
