package version

import (
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	rev := "529a7e4abcdef0123456789abcdef0123456789a"
	for _, c := range []struct {
		module string
		s      map[string]string
		want   string
	}{
		{"v1.2.0", map[string]string{"vcs.revision": rev}, "v1.2.0"},
		{"v0.0.0-20261202061100-529a7e4abcde+dirty", nil, "v0.0.0-20261202061100-529a7e4abcde+dirty"},
		{"(devel)", map[string]string{"vcs.revision": rev}, "529a7e4abcde"},
		{"(devel)", map[string]string{"vcs.revision": rev, "vcs.modified": "true"}, "529a7e4abcde+dirty"},
		{"", map[string]string{"vcs.revision": rev, "vcs.modified": "false"}, "529a7e4abcde"},
		{"(devel)", map[string]string{}, "devel"},
	} {
		if got := describe(c.module, c.s); got != c.want {
			t.Errorf("describe(%q, %v) = %q, want %q", c.module, c.s, got, c.want)
		}
	}
}

// TestLong checks the lines a test binary (which records no revision)
// prints: the program, its version and the toolchain.
func TestLong(t *testing.T) {
	got := Long("headless")
	if !strings.HasPrefix(got, "headless "+String()+"\n") || !strings.Contains(got, "built with go") {
		t.Errorf("Long:\n%s", got)
	}
}
