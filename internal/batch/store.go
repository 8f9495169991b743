package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"commonwealth/internal/scenario"
)

// Store keeps each finished run in its own file, written atomically as the
// run ends, so that an interrupted batch loses only the runs in flight and
// a later batch can take up the finished ones.
//
// A run's file starts with a line naming the format, then a line of JSON
// saying what it is — the build that computed it, the job's fingerprint
// (its arm's settings, months and events), the arm, the seed and the
// checksum of the result that follows. A run whose header does not match
// the job, or whose result does not match its checksum, is never used:
// Load says why.
type Store struct {
	Dir  string
	root *os.Root // for writing; nil for a store that is only read

	mu       sync.Mutex
	rejected map[string]int // why stored runs were not used, with counts
}

// runMagic is the first line of every run file.
const runMagic = "commonwealth run v1\n"

// runName matches the names of run files.
var runName = regexp.MustCompile(`^[0-9a-f]{16}-seed[0-9]+\.run$`)

// runHeader says what a run file holds.
type runHeader struct {
	Build  string `json:"build"`
	Job    string `json:"job"`
	Arm    string `json:"arm"`
	Seed   uint64 `json:"seed"`
	SHA256 string `json:"sha256"`
}

// OpenStore returns a store to read the runs in dir (a shard's runs/).
func OpenStore(dir string) *Store { return &Store{Dir: dir} }

// fingerprint hashes everything that decides a job's result: the arm's
// settings, its months and its events (the seed is in the file's name).
func fingerprint(j Job) string {
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
	return hex.EncodeToString(sum[:8])
}

func fileName(j Job) string { return fmt.Sprintf("%s-seed%d.run", fingerprint(j), j.Seed) }

// Load returns the stored run of the job, if there is one that can be
// trusted; a file that cannot is counted, by reason, in Rejected.
func (st *Store) Load(j Job) (Result, bool) {
	b, err := os.ReadFile(filepath.Join(st.Dir, fileName(j)))
	if err != nil {
		return Result{}, false
	}
	r, why := decodeRun(b, j)
	if why != "" {
		st.reject(why)
		return Result{}, false
	}
	return r, true
}

// decodeRun checks a run file against the job and decodes it, or says why
// it cannot be used.
func decodeRun(b []byte, j Job) (Result, string) {
	rest, ok := bytes.CutPrefix(b, []byte(runMagic))
	if !ok {
		return Result{}, "not a run file of this program"
	}
	line, payload, ok := bytes.Cut(rest, []byte("\n"))
	var h runHeader
	if !ok || json.Unmarshal(line, &h) != nil {
		return Result{}, "damaged (unreadable header)"
	}
	sum := sha256.Sum256(payload)
	switch {
	case h.SHA256 != hex.EncodeToString(sum[:]):
		return Result{}, "damaged (checksum does not match)"
	case h.Build != Build():
		return Result{}, "computed by another build of the program"
	case h.Job != fingerprint(j) || h.Seed != j.Seed || h.Arm != j.Arm.Name:
		return Result{}, "of another arm, seed or scenario (a copied or renamed file)"
	}
	var r Result
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&r); err != nil || r.Seed != j.Seed {
		return Result{}, "damaged (undecodable)"
	}
	return r, ""
}

func (st *Store) reject(why string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.rejected == nil {
		st.rejected = map[string]int{}
	}
	st.rejected[why]++
}

// Rejected says which stored runs were not used and why, or "" when every
// one found was.
func (st *Store) Rejected() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var parts []string
	for why, n := range st.rejected {
		parts = append(parts, fmt.Sprintf("%d %s", n, why))
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

// Save stores a job's finished run. It never replaces a file that is not
// a run file of this program.
func (st *Store) Save(j Job, r Result) error {
	if st.root == nil {
		return fmt.Errorf("%s: a store opened to read", st.Dir)
	}
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(r); err != nil {
		return err
	}
	name := fileName(j)
	if !st.ours(name) {
		return fmt.Errorf("%s/%s exists and is not a run file of this program; move it away", st.Dir, name)
	}
	sum := sha256.Sum256(payload.Bytes())
	h, _ := json.Marshal(runHeader{Build: Build(), Job: fingerprint(j), Arm: j.Arm.Name, Seed: j.Seed, SHA256: hex.EncodeToString(sum[:])})
	return writeAtomic(st.root, name, func(w io.Writer) error {
		_, err := fmt.Fprintf(w, "%s%s\n", runMagic, h)
		if err == nil {
			_, err = w.Write(payload.Bytes())
		}
		return err
	})
}

// ours reports whether name is free or holds a run file of this program.
func (st *Store) ours(name string) bool {
	f, err := st.root.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(runMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == runMagic
}

// Clear removes every run file of this program from the store; other files
// stay.
func (st *Store) Clear() error {
	entries, err := fs.ReadDir(st.root.FS(), ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if runName.MatchString(e.Name()) && e.Type().IsRegular() && st.ours(e.Name()) {
			if err := st.root.Remove(e.Name()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Count returns how many run files of this program the store holds.
func (st *Store) Count() int {
	entries, _ := os.ReadDir(st.Dir)
	n := 0
	for _, e := range entries {
		if runName.MatchString(e.Name()) {
			n++
		}
	}
	return n
}
