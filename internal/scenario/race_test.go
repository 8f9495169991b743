//go:build race

package scenario

// raceEnabled is set when the tests run under the race detector, which
// slows the code five to ten times: timing bounds do not hold there.
const raceEnabled = true
