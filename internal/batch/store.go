package batch

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"commonwealth/internal/scenario"
)

// Store keeps each finished run in its own file, written atomically as the
// run ends, so that an interrupted batch loses only the runs in flight and
// a later batch can take up the finished ones.
type Store struct {
	Dir string
}

// path names a run's file by a fingerprint of everything that decides its
// result — the arm's settings, its events and the seed — so a changed
// scenario never reuses a stale run.
func (st Store) path(j Job) string {
	var events []string
	for _, e := range j.Events {
		events = append(events, fmt.Sprint(e.Month, e.Sets()))
	}
	params, _ := json.Marshal(struct {
		Values map[string]any
		Months int
		Events []string
	}{scenario.Values(j.Arm.Settings), j.Arm.Settings.Months, events})
	sum := sha256.Sum256(params)
	return filepath.Join(st.Dir, fmt.Sprintf("%s-seed%d.gob", hex.EncodeToString(sum[:8]), j.Seed))
}

// Load returns the stored run of the job, if there is one.
func (st Store) Load(j Job) (Result, bool) {
	f, err := os.Open(st.path(j))
	if err != nil {
		return Result{}, false
	}
	defer f.Close()
	var r Result
	if gob.NewDecoder(f).Decode(&r) != nil || r.Seed != j.Seed {
		return Result{}, false
	}
	return r, true
}

// Save stores a job's finished run.
func (st Store) Save(j Job, r Result) error {
	if err := os.MkdirAll(st.Dir, 0o755); err != nil {
		return err
	}
	return WriteFile(st.path(j), func(w io.Writer) error { return gob.NewEncoder(w).Encode(r) })
}

// Clear removes every stored run.
func (st Store) Clear() error { return os.RemoveAll(st.Dir) }

// Count returns how many runs are stored.
func (st Store) Count() int {
	m, _ := filepath.Glob(filepath.Join(st.Dir, "*.gob"))
	return len(m)
}
