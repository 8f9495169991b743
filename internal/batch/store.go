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
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"

	"commonwealth/internal/economy"
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
	Dir      string
	root     *os.Root // for writing; nil for a store that is only read
	readRoot *os.Root // for reading a store that is only read

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

// reader returns the root the store reads through, opening it for a store
// opened to read: nothing is read outside the folder, whatever a link in
// it points to.
func (st *Store) reader() (*os.Root, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.root == nil && st.readRoot == nil {
		r, err := os.OpenRoot(st.Dir)
		if err != nil {
			return nil, err
		}
		st.readRoot = r
	}
	if st.root != nil {
		return st.root, nil
	}
	return st.readRoot, nil
}

// runLimit bounds the size of a run file of the job: four times what its
// snapshot and series hold in memory (gob writes no number in more than
// nine bytes where memory holds it in at least two), and a mebibyte.
func runLimit(j Job) int64 {
	s := j.Arm.Settings
	people := int64(s.People)
	series := int64(s.Months+1) * int64(len(s.Metrics())+1) * 8
	series += scenario.PeopleBytes(s, j.People)
	return 4*(people*economy.SnapshotBytes(s.Params)+series) + 1<<20
}

// readRun reads the job's run file safely: only a regular file (a pipe
// would hang the batch, a device like /dev/zero fill the memory), never
// through a link, and at most runLimit bytes. It returns the bytes, or why
// the file cannot be a run, or neither when there is no file.
func (st *Store) readRun(j Job) ([]byte, string) {
	root, err := st.reader()
	if err != nil {
		return nil, ""
	}
	name := fileName(j)
	info, err := root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ""
	}
	if err != nil || !info.Mode().IsRegular() {
		return nil, "not a regular file (a link, a pipe or a folder)"
	}
	limit := runLimit(j)
	if info.Size() > limit {
		return nil, "larger than any run of its scenario"
	}
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, "unreadable"
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, "not a regular file (a link, a pipe or a folder)"
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	switch {
	case err != nil:
		return nil, "unreadable"
	case int64(len(b)) > limit:
		return nil, "larger than any run of its scenario"
	}
	return b, ""
}

// SetAside makes room in the store for the runs of the points (a plain
// batch is one point of its scenario) that the shard runs: a file under
// the name of one of them that is not a run file of this program — a pipe,
// a link, a folder, an empty or foreign file — is renamed NAME.aside, never
// removed, so that the batch neither hangs on it nor fails at its end when
// it saves the run. It returns a note saying what it moved, or "", before
// any run starts.
func (st *Store) SetAside(ps []Point, shard Shard) (string, error) {
	if st.root == nil {
		return "", fmt.Errorf("%s: a store opened to read", st.Dir)
	}
	var moved []string
	offset := 0
	for _, p := range ps {
		sc := p.Scenario
		seeds := sc.Run().SeedList()
		for a := range sc.Arms {
			for s, seed := range seeds {
				if !shard.has(offset + a*len(seeds) + s) {
					continue
				}
				name := fileName(NewJob(sc, a, seed))
				info, err := st.root.Lstat(name)
				if err != nil || info.Mode().IsRegular() && st.ours(name) {
					continue
				}
				aside := name + ".aside"
				for i := 2; ; i++ {
					if _, err := st.root.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
						break
					}
					aside = fmt.Sprintf("%s.aside%d", name, i)
				}
				if err := st.root.Rename(name, aside); err != nil {
					return "", err
				}
				moved = append(moved, aside)
			}
		}
		offset += len(sc.Arms) * len(seeds)
	}
	if len(moved) == 0 {
		return "", nil
	}
	return fmt.Sprintf("%d file(s) in %s had the name of a run of this batch but were not run files of this program; moved aside, not removed: %s",
		len(moved), st.Dir, strings.Join(moved, ", ")), nil
}

// fingerprint hashes everything that decides a job's result: the arm's
// settings, its months, its events and the scenario's own metrics and stop
// condition, and whether it keeps a per-person series and how often (the
// seed is in the file's name).
func fingerprint(j Job) string {
	var events []string
	for _, e := range j.Events {
		events = append(events, fmt.Sprint(e.Month, e.Sets()))
	}
	params, _ := json.Marshal(struct {
		Values map[string]any
		Months int
		Events []string
		Custom string `json:",omitempty"`
		People int    `json:",omitempty"`
	}{scenario.Values(j.Arm.Settings), j.Arm.Settings.Months, events, j.Arm.Settings.Custom.Key(), j.People})
	sum := sha256.Sum256(params)
	return hex.EncodeToString(sum[:8])
}

func fileName(j Job) string { return fmt.Sprintf("%s-seed%d.run", fingerprint(j), j.Seed) }

// Load returns the stored run of the job, if there is one that can be
// trusted; a file that cannot is counted, by reason, in Rejected.
func (st *Store) Load(j Job) (Result, bool) {
	b, why := st.readRun(j)
	if b == nil {
		if why != "" {
			st.reject(why)
		}
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
		return Result{}, "computed by another build of the program (" + BuildRule + ")"
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

// ours reports whether name is free or holds a run file of this program
// (a regular file: opening a pipe would hang).
func (st *Store) ours(name string) bool {
	info, err := st.root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	f, err := st.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
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
