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

// TestHostAddress takes --host alone, --host=ADDR and --host ADDR.
func TestHostAddress(t *testing.T) {
	for _, c := range []struct {
		args     []string
		addr     string
		scenario string
	}{
		{[]string{"--host"}, "", ""},
		{[]string{"saving", "--host"}, "", "saving"},
		{[]string{"--host=10.0.0.5:8000", "saving"}, "10.0.0.5:8000", "saving"},
		{[]string{"--host", "10.0.0.5:8000", "saving"}, "10.0.0.5:8000", "saving"},
		{[]string{"saving", "--host", ":8000"}, ":8000", "saving"},
	} {
		o, err := Parse(c.args, io.Discard)
		if err != nil || o.Host == nil || o.Host.Addr != c.addr || o.Scenario != c.scenario {
			t.Errorf("%v: %+v %v", c.args, o, err)
		}
	}
	if o, _ := Parse([]string{"saving"}, io.Discard); o.Host != nil {
		t.Error("no --host, yet a class is hosted")
	}
}
