//go:build !js

package startup

import (
	"os"
	"runtime"
	"testing"
)

func init() {
	if testing.Testing() || hasDisplay() {
		return
	}
	os.Exit(withoutDisplay(os.Args[1:], os.Stdout, os.Stderr))
}

// hasDisplay reports whether a window can be opened: on Linux and the BSDs
// an X or Wayland display must be named; elsewhere there always is one.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}
