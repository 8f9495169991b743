package scenario

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestGivenCheck evaluates preconditions on made-up values, each in both
// directions: named and bare metrics, arithmetic, functions, the logical
// operators and their precedence, and a NaN failing every comparison.
func TestGivenCheck(t *testing.T) {
	values := map[string]float64{
		"a.gini_wealth": 0.4, "b.gini_wealth": 0.1,
		"a.top1_share": 0.05, "b.top1_share": math.NaN(),
	}
	at := func(arm, metric string) float64 { return values[arm+"."+metric] }
	for _, c := range []struct {
		text     string
		want     bool
		failedIn []string
	}{
		{"a.gini_wealth > 0.3", true, nil},
		{"a.gini_wealth > 0.5", false, nil},
		{"a.gini_wealth - b.gini_wealth >= 0.3", true, nil},
		{"a.gini_wealth - b.gini_wealth >= 0.31", false, nil},
		{"gini_wealth > 0.05", true, nil},                // in a and in b
		{"gini_wealth > 0.2", false, []string{"b"}},      // not in b
		{"gini_wealth > 0.5", false, []string{"a", "b"}}, // in neither
		{"top1_share > 0", false, []string{"b"}},         // NaN in b
		{"top1_share != 7", false, []string{"b"}},        // != fails with a NaN too
		{"!(top1_share > 0)", false, []string{"a"}},      // ! of a NaN comparison is true: only a fails
		{"a.top1_share > 0 && a.gini_wealth < 0.5", true, nil},
		{"a.top1_share > 0 and a.gini_wealth > 0.5", false, nil},
		{"a.gini_wealth > 0.5 || b.gini_wealth < 0.2", true, nil},
		{"a.gini_wealth > 0.5 or b.gini_wealth > 0.2", false, nil},
		{"not (a.gini_wealth > 0.5)", true, nil},
		{"!(a.gini_wealth < 0.5)", false, nil},
		// && binds tighter than ||: true || (false && false).
		{"a.gini_wealth > 0 || a.gini_wealth > 1 && a.gini_wealth > 2", true, nil},
		{"(a.gini_wealth > 0 || a.gini_wealth > 1) && a.gini_wealth > 2", false, nil},
		// * before +, unary minus.
		{"1 + 2 * a.gini_wealth == 1.8", true, nil},
		{"-a.gini_wealth < -0.3", true, nil},
		{"abs(b.gini_wealth - a.gini_wealth) > 0.29", true, nil},
		{"min(a.gini_wealth, b.gini_wealth) > 0.2", false, nil},
		{"max(a.gini_wealth, b.gini_wealth) > 0.2 && 3e-1 < 0.4 && 1_0 == 10", true, nil},
		{"a.gini_wealth / 0 > 1e300", true, nil},
		{"a.gini_wealth != 0.4", false, nil},
		{"a.gini_wealth <= 0.4", true, nil},
	} {
		g, err := ParseGiven(c.text, []string{"a", "b"}, []string{"gini_wealth", "top1_share"})
		if err != nil {
			t.Errorf("%s: %v", c.text, err)
			continue
		}
		ok, in := g.Check([]string{"a", "b"}, at)
		if ok != c.want || !slices.Equal(in, c.failedIn) {
			t.Errorf("%s: %v, failed in %v; want %v, %v", c.text, ok, in, c.want, c.failedIn)
		}
	}
}

// TestGivenErrors checks what a user sees for a broken precondition: the
// file, the line of the key, what is wrong, and a suggestion.
func TestGivenErrors(t *testing.T) {
	head := "model = \"exchange\"\nmonths = 5\nseeds = 2\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n[[claim]]\ntext = \"x\"\nmetric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\n"
	for _, c := range []struct{ given, want string }{
		{`gini_welth > 0.1`, `f.toml:13: claim[1].given: precondition: unknown metric gini_welth at column 1 of "gini_welth > 0.1"; did you mean "gini_wealth"?`},
		{`commons.gini_wealth > 0.1`, `f.toml:13: claim[1].given: precondition: unknown arm commons at column 1 of "commons.gini_wealth > 0.1"; arms are "a", "b"`},
		{`a.gini > 0.1`, `f.toml:13: claim[1].given: precondition: unknown metric gini at column 3 of "a.gini > 0.1"; headless metrics lists them`},
		{`gini_wealth`, `f.toml:13: claim[1].given: precondition: a precondition must be true or false, and this one gives a number; compare it with something, as in "automation_share > 0.02"`},
		{`gini_wealth > `, `f.toml:13: claim[1].given: precondition: the precondition ends too soon at column 15 of "gini_wealth > "`},
		{`gini_wealth > 0.1 gini_wealth`, `f.toml:13: claim[1].given: precondition: unexpected "gini_wealth" at column 19 of "gini_wealth > 0.1 gini_wealth"; join conditions with && or ||`},
		{`a > 0.1`, `f.toml:13: claim[1].given: precondition: a is an arm: say which of its metrics at column 1 of "a > 0.1"; as in a.automation_share`},
		{`gini_wealth > 0.1 && 2`, `f.toml:13: claim[1].given: precondition: && joins true/false conditions at column 23 of "gini_wealth > 0.1 && 2"; compare numbers with < or >, then join the comparisons with && or ||`},
		{`0 < gini_wealth < 1`, `f.toml:13: claim[1].given: precondition: comparisons do not chain at column 19 of "0 < gini_wealth < 1"; write a < b && b < c`},
		{`gini_wealth > 0.1 # x`, `f.toml:13: claim[1].given: precondition: unexpected "#" at column 19 of "gini_wealth > 0.1 # x"; a precondition uses metrics, numbers, comparisons, && and ||`},
		{`abs(gini_wealth, 1) > 0`, `f.toml:13: claim[1].given: precondition: abs takes 1 argument(s), got 2 at column 1 of "abs(gini_wealth, 1) > 0"`},
		{` `, `f.toml:13: claim[1].given: precondition: an empty precondition; for example given = "automation_share > 0.02"`},
	} {
		src := head + "given = " + strings.ReplaceAll(strings.ReplaceAll(quote(c.given), "\\", "\\\\"), "\n", "") + "\n"
		_, err := Parse("f.toml", []byte(src), nil)
		if err == nil || err.Error() != c.want {
			t.Errorf("given = %q:\n got %v\nwant %s", c.given, err, c.want)
		}
	}
	_, err := Parse("f.toml", []byte(head+"given = 3\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "claim[1].given: expected a string, got") {
		t.Errorf("given = 3: %v", err)
	}
	sc, err := Parse("f.toml", []byte(head+"given = \"gini_wealth > 0.1 && a.top1_share < 1\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if g := sc.Claims[0].Given; g == nil || g.Text != "gini_wealth > 0.1 && a.top1_share < 1" || !slices.Equal(g.Arms(), []string{"a"}) ||
		!slices.Equal(sc.Claims[0].Compared(), []string{"a", "b"}) {
		t.Errorf("given %+v, compared %v", sc.Claims[0].Given, sc.Claims[0].Compared())
	}
}

// quote writes s as a TOML basic string.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// TestGivenArms checks the arms a precondition may name: an expression
// claim's bare precondition holds in the arms its expression names; a
// lesson runs only its claim's arms, so its claim's precondition may name
// no other; a claim whose precondition names an arm --arm leaves out is
// not judged.
func TestGivenArms(t *testing.T) {
	arms := "model = \"exchange\"\nmonths = 5\nseeds = 2\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n[[arm]]\nname = \"c\"\n"
	sc, err := Parse("f.toml", []byte(arms+"[[claim]]\ntext = \"x\"\nexpr = \"c.gini_wealth > a.gini_wealth\"\ngiven = \"gini_wealth > 0\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.Claims[0].Compared(); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("an expression over c and a compares %v", got)
	}
	_, err = Parse("f.toml", []byte(arms+"[[claim]]\ntext = \"x\"\nexpr = \"1 > 0\"\ngiven = \"gini_wealth > 0\"\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "claim[1].given: precondition: a bare metric is checked in the arms the claim compares, and this expression names none") {
		t.Errorf("a bare precondition on an expression naming no arm: %v", err)
	}
	claim := "[[claim]]\ntext = \"x\"\nmetric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\ngiven = \"c.gini_wealth > 0\"\n"
	lesson := "[lesson]\nquestion = \"q?\"\nclaim = 1\n"
	_, err = Parse("f.toml", []byte(arms+claim+lesson), nil)
	if err == nil || !strings.Contains(err.Error(), "lesson.claim: claim 1's precondition names arm c, which the lesson does not run") {
		t.Errorf("a lesson whose claim's precondition names another arm: %v", err)
	}
	if _, err = Parse("f.toml", []byte(arms+strings.Replace(claim, "c.gini", "b.gini", 1)+lesson), nil); err != nil {
		t.Errorf("a lesson whose claim's precondition names its arms: %v", err)
	}
	sc, err = Parse("f.toml", []byte(arms+claim), []string{"arm=a", "arm=b"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Claims) != 0 || len(sc.Notes) != 1 || !strings.Contains(sc.Notes[0], "claim 1 is about arm c, which --arm leaves out") {
		t.Errorf("claims %d, notes %q", len(sc.Claims), sc.Notes)
	}
}
