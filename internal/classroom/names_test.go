package classroom

import (
	"strings"
	"testing"
)

// TestNames checks that the first 1,040 persons and 1,000 firms have names
// of their own, that later ones stay distinct, and that names are short
// words a class can read.
func TestNames(t *testing.T) {
	for _, c := range []struct {
		what string
		name func(int) string
		n    int
	}{{"person", PersonName, 3000}, {"firm", FirmName, 3000}} {
		seen := map[string]int{}
		for p := range c.n {
			s := c.name(p)
			if q, ok := seen[s]; ok {
				t.Fatalf("%s %d and %d are both %q", c.what, q, p, s)
			}
			seen[s] = p
			if len(s) > 24 || (p < 1000 && strings.ContainsAny(s, "0123456789")) {
				t.Errorf("%s %d: %q", c.what, p, s)
			}
		}
	}
	if PersonName(0) != "Ana A." || PersonName(41) != "Ben B." || PersonName(1040) != "Ana A. 2" || FirmName(17) != "Maple Bakery" || FirmName(21) != "Red Works" {
		t.Errorf("names: %q %q %q %q %q", PersonName(0), PersonName(41), PersonName(1040), FirmName(17), FirmName(21))
	}
}
