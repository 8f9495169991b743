//go:build !race

package scenario

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = false
