package claims

import (
	"math"
	"strings"
	"testing"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// givenScenario is two arms, a and b, over six seeds, with one claim.
func givenScenario(t *testing.T, claim string) *scenario.Scenario {
	t.Helper()
	src := "model = \"exchange\"\nmonths = 1\nseeds = 6\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n[[claim]]\ntext = \"t\"\n" + claim
	sc, err := scenario.Parse("given.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// judgeAB judges sc on runs whose gini_wealth is a[s] in arm a and b[s] in
// arm b.
func judgeAB(t *testing.T, sc *scenario.Scenario, a, b []float64) Verdict {
	t.Helper()
	var rs []batch.Result
	names := metrics.Names(sc.Run().Metrics())
	for _, x := range append(append([]float64{}, a...), b...) {
		row := make([]float64, len(names))
		for i := range row {
			row[i] = x
		}
		rs = append(rs, batch.Result{Series: batch.Series{Names: names, Months: []int{0, 1}, Rows: [][]float64{row, row}}})
	}
	vs, err := Judge(sc, rs)
	if err != nil {
		t.Fatal(err)
	}
	return vs[0]
}

// TestGiven judges claims whose precondition fails in none, some, half,
// most and all of the seeds: a seed that fails it is left out of the
// verdict; when it holds in too few seeds the claim is NOT APPLICABLE,
// never SUPPORTED, however clearly the values would support it.
func TestGiven(t *testing.T) {
	const below = "metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \"<\"\n"
	// a is below b by 0.1 in every seed where b's Gini exceeds 0.5, and
	// above it by 0.3 where it does not.
	values := func(failing int) (a, b []float64) {
		for s := range 6 {
			if s < failing {
				a, b = append(a, 0.6+0.01*float64(s)), append(b, 0.3)
				continue
			}
			a, b = append(a, 0.55+0.01*float64(s)), append(b, 0.66+0.01*float64(s)+0.001*float64(s*s))
		}
		return a, b
	}
	for _, c := range []struct {
		name    string
		given   string
		failing int
		want    Outcome
	}{
		{"holds everywhere", "gini_wealth > 0.5", 0, Supported},
		{"fails in two seeds, left out", "b.gini_wealth > 0.5", 2, Supported},
		{"fails in half", "gini_wealth > 0.5", 3, Supported},
		{"fails in most", "gini_wealth > 0.5", 4, NotApplicable},
		{"fails everywhere", "b.gini_wealth > 0.5", 6, NotApplicable},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := values(c.failing)
			v := judgeAB(t, givenScenario(t, below+"given = \""+c.given+"\"\n"), a, b)
			if v.Outcome != c.want || v.Failed != c.failing || v.Supported() != (c.want == Supported) {
				t.Fatalf("%v with %d seeds failing (%s); want %v, %d", v.Outcome, v.Failed, v.Evidence, c.want, c.failing)
			}
			if c.failing > 0 && !strings.Contains(v.Evidence, "the precondition \""+c.given+"\" failed in "+string(rune('0'+c.failing))+" of 6 seeds") {
				t.Errorf("evidence %q", v.Evidence)
			}
			if c.want == NotApplicable && (!math.IsNaN(v.Mean) || !strings.Contains(v.Test, "must hold in at least 2 seeds and in at least half")) {
				t.Errorf("not applicable with mean %v, test %q", v.Mean, v.Test)
			}
			if c.want == Supported && (v.Agree != 6-c.failing || !strings.Contains(v.Test, "over "+string(rune('0'+6-c.failing)))) {
				t.Errorf("agree %d, test %q", v.Agree, v.Test)
			}
		})
	}
	// The same values without a precondition: the two seeds where b is low
	// pull the interval across zero, so leaving them out is what made the
	// claim supported above.
	a, b := values(2)
	if v := judgeAB(t, givenScenario(t, below), a, b); v.Outcome == Supported || v.Failed != 0 || v.Passed != nil {
		t.Fatalf("without a precondition: %v (%s)", v.Outcome, v.Evidence)
	}
	// A bare condition names the arms it failed in.
	a, b = values(2)
	for s := range 2 {
		a[s] = 0.2
	}
	v := judgeAB(t, givenScenario(t, below+"given = \"gini_wealth > 0.25\"\n"), a, b)
	if !strings.Contains(v.Evidence, "failed in 2 of 6 seeds (in a 2): not counted") {
		t.Errorf("bare condition: %q", v.Evidence)
	}
}

// TestGivenSignTest checks that a true/false claim, judged by a sign test,
// needs five seeds where its precondition holds.
func TestGivenSignTest(t *testing.T) {
	sc := givenScenario(t, "expr = \"a.gini_wealth < b.gini_wealth\"\ngiven = \"b.gini_wealth > 0.5\"\n")
	a := []float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1}
	for _, c := range []struct {
		failing int
		want    Outcome
	}{{1, Supported}, {2, NotApplicable}} {
		b := []float64{0.9, 0.9, 0.9, 0.9, 0.9, 0.9}
		for s := range c.failing {
			b[s] = 0.2
		}
		if v := judgeAB(t, sc, a, b); v.Outcome != c.want || !v.Boolean {
			t.Errorf("%d failing: %v (%s); want %v", c.failing, v.Outcome, v.Evidence, c.want)
		}
	}
}

// TestGivenConditions: a verdict with a precondition says what the
// compared worlds were like by the metrics it reads, arm by arm, as means
// over every seed — whether the precondition held or not.
func TestGivenConditions(t *testing.T) {
	sc := givenScenario(t, "metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \"<\"\ngiven = \"gini_wealth > 0.5\"\n")
	v := judgeAB(t, sc, []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, []float64{0.6, 0.6, 0.6, 0.9, 0.9, 0.9})
	if want := "gini_wealth: a 0.35, b 0.75 (means over every seed)"; !strings.Contains(v.Evidence, want) {
		t.Errorf("evidence %q lacks %q", v.Evidence, want)
	}
	plain := judgeAB(t, givenScenario(t, "metric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \"<\"\n"), []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, []float64{0.6, 0.6, 0.6, 0.9, 0.9, 0.9})
	if strings.Contains(plain.Evidence, "means over every seed") {
		t.Errorf("a claim without a precondition reports conditions: %q", plain.Evidence)
	}
}
