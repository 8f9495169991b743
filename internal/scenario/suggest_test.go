package scenario

import "testing"

// TestClosest checks that a likely typo finds its word, and that a word
// too far from every candidate finds none: at most a third of its length
// in edits, and at least 1.
func TestClosest(t *testing.T) {
	names := []string{"people", "months", "seeds", "exchange.saving"}
	for _, c := range []struct{ s, want string }{
		{"peple", "people"},
		{"seds", "seeds"},
		{"exchange.savng", "exchange.saving"},
		{"mnoths", "months"}, // two edits in six letters
		{"sedse", ""},        // two edits in five letters is more than a third
		{"frobnicate", ""},
	} {
		if got := closest(c.s, names); got != c.want {
			t.Errorf("closest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
