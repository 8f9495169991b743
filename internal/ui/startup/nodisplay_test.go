package startup

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWithoutDisplay runs the window program with no display named, as on
// a server or in a terminal over ssh: --help prints the usage, with
// two-dash flags, a bad flag its mistake, --version the version, and a run says how to get a window —
// never a stack trace. It lives here rather than in cmd/sim, whose test
// binary imports Ebiten and so cannot start without a display.
func TestWithoutDisplay(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "sim")
	if out, err := exec.Command("go", "build", "-o", bin, "commonwealth/cmd/sim").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "DISPLAY=") || strings.HasPrefix(kv, "WAYLAND_DISPLAY=")
	})
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--help"}, 0, "usage: sim [SCENARIO] [flags]"},
		{[]string{"-h"}, 0, "\n      --slides FOLDER "},
		{[]string{"--no-such-flag"}, 2, "sim: unknown flag: --no-such-flag\n\nusage: sim"},
		{[]string{"--version"}, 0, "built with go"},
		{nil, 1, "no display to open a window on"},
	} {
		cmd := exec.Command(bin, c.args...)
		cmd.Env = env
		out, _ := cmd.CombinedOutput()
		if cmd.ProcessState.ExitCode() != c.code || !strings.Contains(string(out), c.want) || strings.Contains(string(out), "goroutine") {
			t.Errorf("sim %v: exit %d\n%s\nwant exit %d with %q", c.args, cmd.ProcessState.ExitCode(), out, c.code, c.want)
		}
	}
}
