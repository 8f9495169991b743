//go:build display

package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// TestRevealGivenLayout lays out the answer card of a lesson whose claim
// has a precondition that fails in every seed (NOT APPLICABLE: no band, the
// reason said) and in some (those worlds greyed and named), at every
// screen size, and checks the texts as TestLayout does.
func TestRevealGivenLayout(t *testing.T) {
	var first []float64 // the claim's arm's Gini in each seed, from the first answer
	for _, failing := range []int{12, 1} {
		sc, err := scenario.Load("data-dividend", []string{"people=60"})
		if err != nil {
			t.Fatal(err)
		}
		given := "gini_wealth > 5" // in every seed of either world, never
		if first != nil {
			slices.Sort(first)
			given = fmt.Sprintf("dividend.gini_wealth > %v", (first[0]+first[1])/2) // all but the lowest
		}
		g0, err := scenario.ParseGiven(given, []string{"dividend"}, metrics.Names(sc.Run().Metrics()))
		if err != nil {
			t.Fatal(err)
		}
		sc.LessonClaim().Given = g0
		sim, err := classroom.NewSim(sc)
		if err != nil {
			t.Fatal(err)
		}
		g := New(sim, Options{})
		reveal(t, g)
		a := sim.Lesson.Reveal.Answer()
		if a.Failed != failing || (a.Outcome == scenario.NotApplicable) != (failing == 12) {
			t.Fatalf("%s: outcome %d, %d seeds failing; want %d", given, a.Outcome, a.Failed, failing)
		}
		first = slices.Clone(a.Arm)
		want := "Answer: not applicable"
		if failing == 1 {
			want = "Grey dots: the precondition"
		}
		for i, size := range sizes {
			screen := ebiten.NewImage(size[0], size[1])
			inFrame(func(*ebiten.Image) { g.drawFrame(screen) })
			var texts []string
			for _, b := range g.c.boxes {
				texts = append(texts, b.s)
			}
			all := strings.Join(strings.Fields(strings.Join(texts, " ")), " ") // lines wrap
			where := fmt.Sprintf("%s %dx%d", given, sizes[i][0], sizes[i][1])
			if !strings.Contains(all, want) || !strings.Contains(all, "the precondition") {
				t.Errorf("%s: the card says\n%s", where, all)
			}
			for _, p := range checkBoxes(g.c.boxes, g.c.W, g.c.H, true) {
				t.Errorf("%s: %s", where, p)
			}
		}
		sim.Close()
	}
}

// TestConditionsLine: the answer card says what the compared worlds were
// like by the metrics the precondition reads, in words and per cent.
func TestConditionsLine(t *testing.T) {
	got := conditionsLine(lang.English, []scenario.Condition{{Metric: "automation_share", Arm: "commons", Mean: 0.528}, {Metric: "automation_share", Arm: "private", Mean: 0.491}})
	if want := " Share of work done by machines: 53% in commons, 49% in private."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := conditionsLine(lang.English, nil); got != "" {
		t.Errorf("without a precondition: %q", got)
	}
}
