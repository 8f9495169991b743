package cli

import (
	"flag"
	"strings"
	"testing"
)

func TestWithin(t *testing.T) {
	names := []string{"run", "check", "sweep", "list"}
	for _, c := range []struct {
		s    string
		d    int
		want string
	}{
		{"rnu", 2, "run"},
		{"chek", 1, "check"},
		{"lst", 1, "list"},
		{"frobnicate", 2, ""},
		{"rnu", 1, ""},
	} {
		if got := Within(c.s, names, c.d); got != c.want {
			t.Errorf("Within(%q, %d) = %q, want %q", c.s, c.d, got, c.want)
		}
	}
	if got := Closest("chekc", names); got != "" {
		t.Errorf("Closest(chekc) = %q: two edits in five letters is more than a third", got)
	}
}

// TestPrintDefaults checks two dashes for words, one for a letter, the
// argument's name from the usage's back quotes, and quoted string defaults.
func TestPrintDefaults(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.Int("seeds", 0, "run `N` seeds")
	fs.String("o", "out-run", "write into `DIR`")
	fs.Bool("force", false, "replace")
	fs.Int("workers", 2, "runs at once")
	var b strings.Builder
	PrintDefaults(&b, fs)
	want := "  --force\n    \treplace\n" +
		"  -o DIR\n    \twrite into DIR (default \"out-run\")\n" +
		"  --seeds N\n    \trun N seeds\n" +
		"  --workers int\n    \truns at once (default 2)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
