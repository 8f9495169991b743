//go:build display

package ui

import (
	"math"
	"strings"
	"testing"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
)

// TestLessonSentences writes the answer card's sentences for every
// built-in lesson, for an answer that holds and one that does not apply,
// and checks that they read as sentences: every metric the lesson shows
// has words (and, where it has one, its unit is written), and no template
// is left showing ("its in poverty", a metric's code name, doubled spaces,
// a message id or a template's braces), in every language.
func TestLessonSentences(t *testing.T) {
	for _, code := range lang.Codes() {
		tx, err := lang.Open(code)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(code, func(t *testing.T) { lessonSentences(t, tx) })
	}
}

func lessonSentences(t *testing.T, tx *lang.Book) {
	for _, name := range scenario.Names() {
		sc, err := scenario.Load(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Lesson == nil {
			continue
		}
		cl := sc.LessonClaim()
		for _, m := range append([]string{cl.Metric}, sc.Lesson.Gauges...) {
			if !lang.Has("metric." + m) {
				t.Errorf("%s: the metric %s has no words for the class", name, m)
			}
		}
		held := &classroom.Answer{Claim: cl, Diff: make([]float64, 12), Above: 11, Below: 1, Mean: 0.3, Lo: 0.2, Hi: 0.4, Outcome: scenario.Higher,
			Conditions: []scenario.Condition{{Metric: "automation_share", Arm: cl.Arm, Mean: 0.53}}}
		lacking := &classroom.Answer{Claim: cl, Diff: make([]float64, 12), Failed: 9, Mean: math.NaN(), Lo: math.NaN(), Hi: math.NaN(),
			Outcome: scenario.NotApplicable, Reason: "machines did no work in 9 of 12 worlds"}
		for _, a := range []*classroom.Answer{held, lacking} {
			dots, way := answerSentences(tx, cl, a)
			for _, s := range []string{dots, way} {
				for _, bad := range []string{"its ", "_", "  ", " .", "..", "NaN", "⟦", "{{"} {
					if strings.Contains(s, bad) {
						t.Errorf("%s: %q in %q", name, bad, s)
					}
				}
			}
			if want := words(tx, cl.Metric); !strings.Contains(dots, want) || !strings.Contains(dots, cl.Arm) {
				t.Errorf("%s: %q does not name %q in %s", name, dots, want, cl.Arm)
			}
			if u := unit(tx, cl.Metric); u != "" && a == held && !strings.Contains(dots, u) {
				t.Errorf("%s: the unit %q is not written in %q", name, u, dots)
			}
			if (way == "") != (a == lacking) {
				t.Errorf("%s: which way the worlds went: %q", name, way)
			}
		}
	}
}

// TestAnswerSentences checks the sentences of a comparison of two arms
// and of an arm against a value, word for word.
func TestAnswerSentences(t *testing.T) {
	a := &classroom.Answer{Diff: make([]float64, 12), Above: 11, Below: 1, Mean: -0.05, Lo: -0.08, Hi: -0.02, Outcome: scenario.Lower}
	dots, way := answerSentences(lang.English, &scenario.Claim{Metric: "poverty_rate", Arm: "commons", Compare: "private"}, a)
	if want := "Each dot is one world: the share in poverty in “commons” minus that in “private”. The white line is no difference; the band is the mean's 95% interval, −8.0 points to −2.0 points."; dots != want {
		t.Errorf("dots:\n%s\nwant\n%s", dots, want)
	}
	if want := "In 11 of 12 worlds the share in poverty ended higher in “commons” than in “private”; in 1, lower."; way != want {
		t.Errorf("way:\n%s\nwant\n%s", way, want)
	}
	dots, way = answerSentences(lang.English, &scenario.Claim{Metric: "compute_price", Arm: "resisting", Value: 2.5}, a)
	if want := "Each dot is one world: the price of compute in “resisting” minus 2.50 money a unit. The white line is no difference; the band is the mean's 95% interval, −0.080 to −0.020 money a unit."; dots != want {
		t.Errorf("dots:\n%s\nwant\n%s", dots, want)
	}
	if want := "In 11 of 12 worlds the price of compute in “resisting” ended above 2.50 money a unit; in 1, below."; way != want {
		t.Errorf("way:\n%s\nwant\n%s", way, want)
	}
}

// TestNumbers checks big numbers grouped, units written, and a flat zero
// drawn as zero.
func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		metric string
		v      float64
		want   string
	}{
		{"commons_fund", 1234567.4, "1,234,567 money"},
		{"commons_fund", -23456, "-23,456 money"},
		{"compute_price", 3.1, "3.10 money a unit"},
		{"burden_gap", 2.44, "2.44 × an even share"},
		{"poverty_rate", 0.12, "12%"},
		{"mean_skill", 0.75, "75%"},
		{"gini_wealth", 0.5, "0.5"},
	} {
		if got := withUnit(lang.English, c.metric, c.v); got != c.want {
			t.Errorf("withUnit(%s, %g) = %q, want %q", c.metric, c.v, got, c.want)
		}
	}
	for _, c := range []struct {
		metric string
		lo, hi float64
		want   string
	}{
		{"compute_price", 0.9, 2.7, "+0.90 to +2.70 money a unit"},
		{"compute_price", -0.004, 0.25, "−0.0040 to +0.2500 money a unit"},
		{"gini_wealth", -0.012, 0, "−0.012 to 0.000"},
		{"commons_fund", -1500, 12.5, "−1500.0 to +12.5 money"},
		{"poverty_rate", -0.08, -0.02, "−8.0 points to −2.0 points"},
	} {
		if got := span(lang.English, c.metric, c.lo, c.hi); got != c.want {
			t.Errorf("span(%s, %g, %g) = %q, want %q", c.metric, c.lo, c.hi, got, c.want)
		}
	}
	if lo, hi := niceRange(0, 0); lo != 0 || hi != 1 {
		t.Errorf("a flat zero: axis %g to %g, want 0 to 1", lo, hi)
	}
	if lo, hi := niceRange(0, 1e-12); lo != 0 || hi <= 0 {
		t.Errorf("a zero with a rounding error: axis %g to %g", lo, hi)
	}
	if lo, hi := niceRange(3, 3); lo < 0 || lo >= 3 || hi <= 3 {
		t.Errorf("a flat 3: axis %g to %g", lo, hi)
	}
	if lo, hi := niceRange(-2, -2); lo >= -2 || hi <= -2 {
		t.Errorf("a flat −2: axis %g to %g", lo, hi)
	}
	if lo, _ := niceRange(0, 0.4); lo != 0 {
		t.Errorf("a share from 0: axis from %g", lo)
	}
	zero := &classroom.Answer{Diff: make([]float64, 12), Mean: 0, Lo: 0, Hi: 0}
	if lo, hi := axis(zero); lo != -0.01 || hi != 0.01 {
		t.Errorf("no difference in any world: the dots' axis %g to %g", lo, hi)
	}
}
