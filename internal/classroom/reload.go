package classroom

import (
	"os"
	"time"

	"commonwealth/internal/scenario"
)

// Watcher reloads a scenario file when it changes on disk, so a teacher can
// edit it and see the result: a good file gives a new Sim; a broken one
// gives its problems, and the window keeps the old Sim running.
type Watcher struct {
	Path    string
	modTime time.Time
	size    int64
}

// NewWatcher watches path from its current state.
func NewWatcher(path string) *Watcher {
	w := &Watcher{Path: path}
	w.changed()
	return w
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

// Poll checks the file. When it has changed it returns a new Sim of the
// scenario (paused at month 0, with old's seed and speed) or the error
// that loading it gave; otherwise nil, nil.
func (w *Watcher) Poll(old *Sim) (*Sim, error) {
	if !w.changed() {
		return nil, nil
	}
	sc, err := scenario.Load(w.Path, nil)
	if err != nil {
		return nil, err
	}
	s, err := NewSim(sc)
	if err != nil {
		return nil, err
	}
	s.Speed = old.Speed
	return s, nil
}
