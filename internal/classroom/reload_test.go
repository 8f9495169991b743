package classroom

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"commonwealth/internal/waitfor"
)

// TestWatcher edits a scenario file: a good change gives a new Sim, a
// broken one its problems with the line, and the fix a Sim again.
func TestWatcher(t *testing.T) {
	path := filepath.Join(t.TempDir(), "class.toml")
	write := func(text string, at time.Time) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, at, at) // file systems may keep coarse times
	}
	start := time.Now().Add(-time.Hour)
	write("model = \"exchange\"\npeople = 50\n", start)
	w := NewWatcher(path, nil)
	old := newSim(t, "boltzmann", "people=50")
	if s, err := w.Poll(old); s != nil || err != nil {
		t.Fatalf("an unchanged file reloaded: %v %v", s, err)
	}
	write("model = \"exchange\"\npeople = 60\n", start.Add(time.Minute))
	s, err := reloaded(t, w, old)
	if err != nil || s == nil || s.Scenario.Run().People != 60 {
		t.Fatalf("good change: %v %v", s, err)
	}
	write("model = \"exchange\"\npeople = -1\n", start.Add(2*time.Minute))
	s, err = reloaded(t, w, old)
	if s != nil || err == nil || !strings.Contains(err.Error(), "class.toml:2: people: -1 is out of range") {
		t.Fatalf("broken change: %v %v", s, err)
	}
	// Hostile edits: the window keeps its world and shows why.
	for i, c := range []struct{ text, want string }{
		{"x = " + strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) + "\n", "nested"},
		{"x = " + strings.Repeat("{a=", 5000) + "1" + strings.Repeat("}", 5000) + "\n", "nested more than 8 deep"},
		{strings.Repeat("# padding\n", 200_000), "the most a scenario file may hold"},
		{"\xff\xfe\x00garbage = \n", "invalid TOML"},
	} {
		write(c.text, start.Add(time.Duration(3+i)*time.Minute))
		if s, err = reloaded(t, w, old); s != nil || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Fatalf("hostile edit %d: %v, %v; want the old world kept and %q", i, s, err, c.want)
		}
	}
	write("model = \"exchange\"\npeople = 70\n", start.Add(10*time.Minute))
	if s, err = reloaded(t, w, old); err != nil || s.Scenario.Run().People != 70 {
		t.Fatalf("fixed: %v %v", s, err)
	}
}

// reloaded polls w until its load of the changed file has given a Sim or
// an error.
func reloaded(t *testing.T, w *Watcher, old *Sim) (s *Sim, err error) {
	t.Helper()
	waitfor.Until(t, "the changed file loaded", func() bool {
		s, err = w.Poll(old)
		return s != nil || err != nil
	})
	return s, err
}

// TestWatcherLoadsAside: while a changed file loads, Poll returns at once
// with nothing, so the window's world goes on; a second edit made during
// the load replaces it, and the first load's result is never shown.
func TestWatcherLoadsAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "class.toml")
	at := time.Now().Add(-time.Hour)
	write := func(people int) {
		at = at.Add(time.Minute)
		if err := os.WriteFile(path, []byte(fmt.Sprintf("model = \"exchange\"\npeople = %d\n", people)), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, at, at)
	}
	write(50)
	w := NewWatcher(path, nil)
	gate := make(chan struct{})
	real := w.load
	w.load = func(p string) (*Sim, error) {
		<-gate // the load takes as long as the test says
		return real(p)
	}
	old := newSim(t, "boltzmann", "people=50")
	write(60)
	if s, err := w.Poll(old); s != nil || err != nil {
		t.Fatalf("Poll waited for a load: %v %v", s, err)
	}
	write(70) // edited again while the first load is under way
	if s, err := w.Poll(old); s != nil || err != nil {
		t.Fatalf("Poll waited for a load: %v %v", s, err)
	}
	close(gate)
	s, err := reloaded(t, w, old)
	if err != nil || s.Scenario.Run().People != 70 {
		t.Fatalf("after two edits: %v %v, want the second", s, err)
	}
	if s, err := w.Poll(old); s != nil || err != nil {
		t.Fatalf("the first edit's load was shown after the second's: %v %v", s, err)
	}
}
