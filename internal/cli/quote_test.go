package cli

import (
	"os/exec"
	"testing"
)

// TestLineRoundTrips checks that a POSIX shell reads Line's command line
// back as the same arguments: plain words as they are, and spaces, quotes,
// globs, a dollar and an empty argument quoted.
func TestLineRoundTrips(t *testing.T) {
	args := []string{"check", "ai-is-capital", "--set", "labour.bargaining=0.5", "", "it's", "a b", "*", "$HOME", `back\slash`, "«es»"}
	line := Line(args)
	if Quote("labour.bargaining=0.5") != "labour.bargaining=0.5" {
		t.Errorf("a plain word is quoted: %s", Quote("labour.bargaining=0.5"))
	}
	got, err := exec.Command("sh", "-c", `eval "set -- $0"; for a in "$@"; do printf '[%s]\n' "$a"; done`, line).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, a := range args {
		want += "[" + a + "]\n"
	}
	if string(got) != want {
		t.Errorf("the shell read %s back as\n%s\nwant\n%s", line, got, want)
	}
}
