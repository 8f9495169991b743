//go:build !js

package ui

// signalDrawn does nothing outside the browser.
func signalDrawn(int) {}
