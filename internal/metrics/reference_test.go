package metrics

import (
	"os"
	"testing"
)

// TestReferenceIsCurrent checks docs/metrics.md against the registry, and
// that every metric says its unit and meaning.
func TestReferenceIsCurrent(t *testing.T) {
	for _, m := range All {
		if m.Unit == "" || m.Doc == "" {
			t.Errorf("%s has no unit or no meaning", m.Name)
		}
	}
	got, err := os.ReadFile("../../docs/metrics.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Reference() {
		t.Fatal("docs/metrics.md is out of date: run go run ./cmd/headless metrics --markdown > docs/metrics.md")
	}
}
