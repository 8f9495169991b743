package startup

import (
	"io"
	"slices"
	"testing"

	"commonwealth/internal/classroom"
)

// TestStages checks that --goto knows the lesson's stages.
func TestStages(t *testing.T) {
	if !slices.Equal(stages, classroom.Stages) {
		t.Fatalf("--goto's stages %v, the lesson's %v", stages, classroom.Stages)
	}
}

// TestParse checks that mistakes in the window's flags are refused.
func TestParse(t *testing.T) {
	for _, args := range [][]string{
		{"--size", "800"}, {"--size", "100x100"}, {"--size", "1920x1080x"}, {"--predict", "4"},
		{"--goto", "end"}, {"--slides", "d", "--screenshot", "f.png"}, {"a", "b"},
	} {
		if _, err := Parse(args, io.Discard); err == nil {
			t.Errorf("%v was taken", args)
		}
	}
	o, err := Parse([]string{"saving", "--size", "1920x1080", "--goto", "reveal", "--predict", "2"}, io.Discard)
	if w, h, ok := o.Dimensions(); err != nil || !ok || w != 1920 || h != 1080 || o.Goto != "reveal" || o.Scenario != "saving" {
		t.Fatalf("%+v %v", o, err)
	}
}
