package scenario

import (
	"strings"
	"testing"
)

// byClaim is a scenario with two arms and one claim whose last lines are
// given.
func byClaim(lines string) []byte {
	return []byte("model = \"exchange\"\nmonths = 1\nseeds = 2\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n" +
		"[[claim]]\ntext = \"a lowers it by at least 0.02\"\n" + lines)
}

// TestClaimBy reads a margin for "<" and ">" and refuses it where it has no
// meaning: zero or below, with "within", and on a true/false expression.
func TestClaimBy(t *testing.T) {
	for _, c := range []struct {
		lines     string
		threshold float64
	}{
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nby = 0.02\n", -0.02},
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \">\"\nby = 0.02\n", 0.02},
		{"expr = \"a.gini_wealth - b.gini_wealth\"\nop = \"<\"\nby = 0.5\n", -0.5},
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\n", 0},
	} {
		sc, err := Parse("by.toml", byClaim(c.lines), nil)
		if err != nil {
			t.Errorf("%q: %v", c.lines, err)
			continue
		}
		if got := sc.Claims[0].Threshold(); got != c.threshold {
			t.Errorf("%q: threshold %g, want %g", c.lines, got, c.threshold)
		}
	}
	for _, c := range []struct{ lines, want string }{
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nby = 0\n", "by.toml:13: claim[1].by: must be above 0: the least change the claim is about, in the metric's units; for example by = 0.02"},
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nby = -0.02\n", "claim[1].by: must be above 0"},
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \"within\"\ntolerance = 0.1\nby = 0.02\n", `claim[1].by: is for op "<" or ">" ("lowers it by at least ..."); "within" takes a tolerance`},
		{"expr = \"a.gini_wealth < b.gini_wealth\"\nby = 0.02\n", "claim[1].by: a true/false expression has no size to be at least something"},
		{"metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nby = \"2%\"\n", "claim[1].by: expected a number"},
	} {
		_, err := Parse("by.toml", byClaim(c.lines), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.lines, err, c.want)
		}
	}
}
