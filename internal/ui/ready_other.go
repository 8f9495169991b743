//go:build !js

package ui

import "commonwealth/internal/classroom"

// signalDrawn does nothing outside the browser.
func signalDrawn(int) {}

// signalStage does nothing outside the browser.
func signalStage(*classroom.Sim) {}
