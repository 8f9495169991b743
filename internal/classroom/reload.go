package classroom

import (
	"os"
	"time"

	"commonwealth/internal/scenario"
)

// Watcher reloads a scenario file when it changes on disk, so a teacher can
// edit it and see the result: a good file gives a new Sim; a broken one
// gives its problems, and the window keeps the old Sim running. The file is
// read and its worlds built off the caller's goroutine (the window's game
// loop), so a large or hostile file never stalls the running world or the
// phones of a hosted class; an edit made while one loads replaces it.
type Watcher struct {
	Path    string
	modTime time.Time
	size    int64
	// load reads the file and builds its Sim; the real one unless a test
	// replaces it.
	load    func(path string) (*Sim, error)
	pending chan loaded // the load under way, or nil
}

// loaded is what a load gave.
type loaded struct {
	sim *Sim
	err error
}

// NewWatcher watches path from its current state; prepare (if not nil) is
// applied to each scenario read before its Sim is built (the window puts
// its language's words in).
func NewWatcher(path string, prepare func(*scenario.Scenario)) *Watcher {
	w := &Watcher{Path: path, load: func(path string) (*Sim, error) { return loadSim(path, prepare) }}
	w.changed()
	return w
}

// loadSim reads a scenario file, prepares it, and builds its Sim, paused
// at month 0.
func loadSim(path string, prepare func(*scenario.Scenario)) (*Sim, error) {
	sc, err := scenario.Load(path, nil)
	if err != nil {
		return nil, err
	}
	if prepare != nil {
		prepare(sc)
	}
	return NewSim(sc)
}

// changed reports whether the file changed since the last call.
func (w *Watcher) changed() bool {
	info, err := os.Stat(w.Path)
	if err != nil {
		return false // a file being replaced may vanish for a moment
	}
	if info.ModTime().Equal(w.modTime) && info.Size() == w.size {
		return false
	}
	w.modTime, w.size = info.ModTime(), info.Size()
	return true
}

// Poll checks the file and never waits: when it has changed it starts
// loading it (dropping a load of an earlier version still under way), and
// when a load has finished it returns the new Sim (paused at month 0, with
// old's speed) or the error loading gave; otherwise nil, nil.
func (w *Watcher) Poll(old *Sim) (*Sim, error) {
	if w.changed() {
		done := make(chan loaded, 1) // buffered: a dropped load's goroutine still ends
		w.pending = done
		go func(load func(string) (*Sim, error), path string) {
			s, err := load(path)
			done <- loaded{s, err}
		}(w.load, w.Path)
	}
	if w.pending == nil {
		return nil, nil
	}
	select {
	case r := <-w.pending:
		w.pending = nil
		if r.err != nil {
			return nil, r.err
		}
		r.sim.Speed = old.Speed
		old.releaseRound() // its world, held by a round, ends its month and is dropped
		return r.sim, nil
	default:
		return nil, nil
	}
}
