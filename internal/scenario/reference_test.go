package scenario

import (
	"os"
	"testing"
)

// TestReferenceIsCurrent checks docs/scenario-reference.md against the
// registry.
func TestReferenceIsCurrent(t *testing.T) {
	got, err := os.ReadFile("../../docs/scenario-reference.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Reference() {
		t.Fatal("docs/scenario-reference.md is out of date: run go run ./cmd/headless keys --markdown > docs/scenario-reference.md")
	}
}
