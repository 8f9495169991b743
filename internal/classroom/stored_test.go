package classroom

import (
	"encoding/json"
	"flag"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"commonwealth/internal/scenario"
)

var regen = flag.Bool("regen", false, "compute the built-in lessons' answers again and write answers.json")

// lessons returns every built-in scenario with a lesson, as written.
func lessons(t *testing.T) []*scenario.Scenario {
	t.Helper()
	var out []*scenario.Scenario
	for _, name := range scenario.Names() {
		sc, err := scenario.Load(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Lesson != nil {
			out = append(out, sc)
		}
	}
	return out
}

// TestStoredAnswers checks that the answer kept for every built-in lesson
// (answers.json, which a browser shows at once) is the verdict `headless
// check` gives the scenario as written, exactly; that a lesson's Reveal
// takes it; and that a scenario loaded with a --set computes its own.
// With -regen it computes them again and writes the file (after a change
// to the model or to a lesson's scenario).
func TestStoredAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: every lesson's seeds (minutes)")
	}
	all := lessons(t)
	if *regen {
		regenerate(t, all)
	}
	for _, sc := range all {
		a := stored(sc)
		if a == nil {
			t.Errorf("%s: no answer is kept for the scenario as it is: go test ./internal/classroom -run TestStoredAnswers -args -regen", sc.Name)
			continue
		}
		_, vs := check(t, sc)
		sameAsCheck(t, sc.Name+" (kept; if the model changed: go test ./internal/classroom -run TestStoredAnswers -args -regen)", a, vs[sc.Lesson.Claim-1])
		if r, err := NewReveal(sc); err != nil || r.Answer() == nil {
			t.Errorf("%s: the lesson does not take its kept answer (%v)", sc.Name, err)
		}
	}
	edited, err := scenario.Load(all[0].Name, []string{"seeds=2"})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := NewReveal(edited); err != nil || r.Answer() != nil {
		t.Errorf("%s with seeds=2 took the answer kept for the scenario as written (%v)", edited.Name, err)
	}
}

// regenerate computes every lesson's answer, as a window does, and writes
// answers.json.
func regenerate(t *testing.T, all []*scenario.Scenario) {
	var mu sync.Mutex
	kept := map[string]storedAnswer{}
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for _, sc := range all {
		g.Go(func() error {
			r, err := newReveal(sc, false)
			if err != nil {
				return err
			}
			for r.Answer() == nil {
				r.Work(time.Second)
			}
			mu.Lock()
			defer mu.Unlock()
			kept[sc.Name] = keep(sc, r.Answer())
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(kept, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("answers.json", append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	answersJSON = b
}
