package claims

import (
	"slices"
	"strings"
	"testing"

	"commonwealth/internal/scenario"
)

// twoClaims is a scenario with two claims.
const twoClaims = `model = "exchange"
months = 1
seeds = 2
[[arm]]
name = "a"
[[arm]]
name = "b"
[[claim]]
text = "a is lower"
metric = "gini_wealth"
arm = "a"
compare = "b"
[[claim]]
text = "a is higher"
metric = "gini_wealth"
arm = "a"
compare = "b"
op = ">"
`

// TestParseExpected reads a lesson page, check's own output and bare
// verdicts, and refuses a file with none or with two for a claim.
func TestParseExpected(t *testing.T) {
	page := "# A lesson\n\nSome text about SUPPORTED claims.\n\n- SUPPORTED — a is lower\n- INCONCLUSIVE — a   is higher\n\n## Questions\n"
	output := "claims (SUPPORTED: the interval on the claimed side; ...):\n 1. SUPPORTED     a is lower\n    gini_wealth: ...\n 2. CONTRADICTED  a is higher\n1 supported, 1 contradicted, 0 inconclusive\n"
	bare := "# expected\n2. CONTRADICTED\n1. SUPPORTED\n"
	for _, c := range []struct {
		name, text string
		want       []Expected
	}{
		{"page", page, []Expected{{1, Supported, "a is lower", 5}, {2, Inconclusive, "a is higher", 6}}},
		{"output", output, []Expected{{1, Supported, "a is lower", 2}, {2, Contradicted, "a is higher", 4}}},
		{"bare", bare, []Expected{{2, Contradicted, "", 2}, {1, Supported, "", 3}}},
	} {
		got, err := ParseExpected(c.name, []byte(c.text))
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("%s: %v %v, want %v", c.name, got, err, c.want)
		}
	}
	for _, c := range []struct{ text, want string }{
		{"nothing here\n", "f: no expected verdicts"},
		{"1. SUPPORTED\nSUPPORTED\n1. CONTRADICTED\n", "f:3: a second verdict for claim 1 (the first is on line 1)"},
	} {
		if _, err := ParseExpected("f", []byte(c.text)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.text, err, c.want)
		}
	}
}

// TestCheckExpected refuses expectations that do not fit the scenario,
// and Unexpected lists the verdicts that differ.
func TestCheckExpected(t *testing.T) {
	sc, err := scenario.Parse("two.toml", []byte(twoClaims), nil)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := ParseExpected("f", []byte("- SUPPORTED — a is lower\n- CONTRADICTED — a is higher\n"))
	if err := CheckExpected("f", good, sc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"- SUPPORTED — a is lower\n", `f: no expected verdict for claim 2 ("a is higher")`},
		{"- SUPPORTED — a is lower\n- SUPPORTED — a is much higher\n", `f:2: claim 2 is "a is higher" in two, not "a is much higher"`},
		{"SUPPORTED\nSUPPORTED\nSUPPORTED\n", "f:3: a verdict for claim 3, but two has no claim 3"},
	} {
		es, _ := ParseExpected("f", []byte(c.text))
		if err := CheckExpected("f", es, sc); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.text, err, c.want)
		}
	}
	vs := []Verdict{{Claim: &sc.Claims[0], Outcome: Supported}, {Claim: &sc.Claims[1], Outcome: Inconclusive}}
	if got := Unexpected(vs, good); !slices.Equal(got, []string{"claim 2: INCONCLUSIVE, expected CONTRADICTED: a is higher"}) {
		t.Errorf("Unexpected: %q", got)
	}
	vs[1].Outcome = Contradicted
	if got := Unexpected(vs, good); got != nil {
		t.Errorf("as expected, yet: %q", got)
	}
}

// TestExpectedNotApplicable: NOT APPLICABLE reads as a verdict, in check's
// own form and a lesson page's.
func TestExpectedNotApplicable(t *testing.T) {
	es, err := ParseExpected("f", []byte(" 3. NOT APPLICABLE Cooperatives turn automation into leisure\n- NOT APPLICABLE — Cooperatives consume as much\n"))
	if err != nil || len(es) != 2 || es[0].Outcome != NotApplicable || es[1].Outcome != NotApplicable || es[0].Number != 3 || es[1].Number != 4 ||
		es[0].Text != "Cooperatives turn automation into leisure" || es[1].Text != "Cooperatives consume as much" {
		t.Errorf("%+v, %v", es, err)
	}
}
