package scenarios_test

import (
	"context"
	"path/filepath"
	"testing"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/scenario"
)

// TestLessons checks every shipped scenario against its lesson page
// (docs/lessons/NAME.md): the page exists and lists every claim, in order,
// with its sentence and the verdict `headless check NAME` gives it — the
// same file check --expect reads. A scenario is a subtest, so that one can
// run alone (go test -run TestLessons/wright ./scenarios) or the twelve be
// spread over machines; they run here rather than in cmd/headless so that
// the longest test has a package, and so a timeout, of its own. With
// -short only the pages are checked: judging the verdicts needs every seed
// of every scenario at full size (two minutes on two idle cores), and a
// verdict from fewer seeds or people would not be the one the page states.
func TestLessons(t *testing.T) {
	for _, name := range scenario.Names() {
		t.Run(name, func(t *testing.T) {
			page := filepath.Join("..", "docs", "lessons", name+".md")
			es, err := claims.ReadExpected(page)
			if err != nil {
				t.Fatalf("no lesson page, or no verdicts on it: %v", err)
			}
			sc, err := scenario.Load(name, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := claims.CheckExpected(page, es, sc); err != nil {
				t.Fatal(err)
			}
			for _, e := range es {
				if e.Text == "" {
					t.Errorf("%s:%d: the verdict of claim %d without its sentence", page, e.Line, e.Number)
				}
			}
			if testing.Short() {
				t.Skip("-short: the page lists every claim; its verdicts are judged without -short")
			}
			rs, err := batch.Run(context.Background(), sc, batch.Options{})
			if err != nil {
				t.Fatal(err)
			}
			vs, err := claims.Judge(sc, rs)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range claims.Unexpected(vs, es) {
				t.Errorf("%s: %s (the page says otherwise)", page, line)
			}
		})
	}
}
