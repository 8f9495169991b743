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
// result — the arm's settings and the seed — so a changed scenario never
// reuses a stale run.
func (st Store) path(s scenario.Settings, seed uint64) string {
	params, _ := json.Marshal(struct {
		Values map[string]any
		Months int
	}{scenario.Values(s), s.Months})
	sum := sha256.Sum256(params)
	return filepath.Join(st.Dir, fmt.Sprintf("%s-seed%d.gob", hex.EncodeToString(sum[:8]), seed))
}

// Load returns the stored run of these settings and seed, if there is one.
func (st Store) Load(s scenario.Settings, seed uint64) (Result, bool) {
	f, err := os.Open(st.path(s, seed))
	if err != nil {
		return Result{}, false
	}
	defer f.Close()
	var r Result
	if gob.NewDecoder(f).Decode(&r) != nil || r.Seed != seed {
		return Result{}, false
	}
	return r, true
}

// Save stores a finished run.
func (st Store) Save(s scenario.Settings, r Result) error {
	if err := os.MkdirAll(st.Dir, 0o755); err != nil {
		return err
	}
	return WriteFile(st.path(s, r.Seed), func(w io.Writer) error { return gob.NewEncoder(w).Encode(r) })
}

// Clear removes every stored run.
func (st Store) Clear() error { return os.RemoveAll(st.Dir) }

// Count returns how many runs are stored.
func (st Store) Count() int {
	m, _ := filepath.Glob(filepath.Join(st.Dir, "*.gob"))
	return len(m)
}
