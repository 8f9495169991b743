package batch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/google/renameio/v2"

	"commonwealth/internal/scenario"
)

// The names a folder's own bookkeeping uses.
const (
	ManifestFile = "manifest.json"
	lockFile     = ".commonwealth.lock"
	stagePrefix  = ".commonwealth-stage-" // an earlier version's staging folders
	runsDir      = "runs"
)

// Folder is an output folder as one command holds it. The command writes
// its files into a new results set (a hidden folder beside the current one,
// see results.go); Commit adds the manifest — which lists every file with
// its checksum — and switches the folder to the new set by one rename, so
// that every name changes at once. A file the folder holds that no manifest
// of this program proves it wrote is never removed or replaced.
//
// Every write goes through an os.Root, so nothing lands outside the folder
// whatever a name holds, and a lock file keeps a second command out while
// one holds it.
type Folder struct {
	Dir     string
	command string
	// Args are the command's arguments as given and Design what the batch
	// runs: the caller sets them for the manifest.
	Args   []string
	Design Design
	ctx    context.Context
	root   *os.Root
	stage  *os.Root
	staged string // the new set's folder, until Commit makes it current

	mu    sync.Mutex
	sums  map[string]string // files written so far, with their checksums
	owned map[string]bool   // files the previous manifest proves this program wrote

	cur      string                  // the current set's folder, "" when there is none
	legacy   bool                    // the outputs are plain files an earlier version wrote
	edited   []string                // outputs of the current set changed through their links since
	listed   []string                // outputs an earlier version's manifest lists that changed since
	killedAt time.Time               // when a killed command whose lock was taken over started
	fault    func(step string) error // for tests: fails Commit between its steps
}

// Kinds of results a folder can hold: the commands of a kind replace each
// other's results; a command of another kind needs --force to.
var kinds = map[string]string{"run": "run", "check": "run", "merge": "run", "sweep": "sweep", "shard": "shard"}

// OpenFolder takes dir (created when missing) for command. It refuses a
// folder another command is writing, or one holding the results of a
// command of another kind unless force is set, and clears what an earlier
// command killed mid-way left behind (its staging folder, its lock).
func OpenFolder(ctx context.Context, dir, command string, force bool) (*Folder, error) {
	if dir == "" {
		return nil, errors.New("-o: expected the folder to write the results into, got an empty name")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, unwritable(dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, unwritable(dir, err)
	}
	f := &Folder{Dir: dir, command: command, ctx: ctx, root: root, sums: map[string]string{}, owned: map[string]bool{}}
	if err := f.lock(); err != nil {
		root.Close()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = unwritable(dir, err)
		}
		return nil, err
	}
	err = f.readState(force)
	if err == nil {
		err = f.clearStale()
	}
	if err == nil {
		err = f.makeStage()
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// unwritable says why the results cannot go into dir, and what to do.
func unwritable(dir string, err error) error {
	why := "cannot write there"
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		why = "it, or a folder above it, is a file, not a folder"
	case errors.Is(err, fs.ErrPermission):
		why = "permission denied"
	case errors.Is(err, syscall.EROFS):
		why = "a read-only file system"
	case errors.Is(err, syscall.ENOSPC):
		why = "the disk is full"
	case errors.Is(err, fs.ErrNotExist):
		why = "it takes no new files (a system folder such as /proc or /sys?)"
	}
	return fmt.Errorf("-o %s: the results cannot be written there: %s; name a folder of yours with -o, such as -o out", dir, why)
}

// lock creates the lock file, taking over one whose process is gone.
func (f *Folder) lock() error {
	host, _ := os.Hostname()
	me := fmt.Sprintf("%d %s %s\n", os.Getpid(), host, f.command)
	for range 2 {
		lf, err := f.root.OpenFile(lockFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = lf.WriteString(me)
			return errors.Join(err, lf.Close())
		}
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		b, _ := f.root.ReadFile(lockFile)
		fields := strings.Fields(string(b))
		if len(fields) >= 3 && fields[1] == host && !alive(fields[0]) {
			if info, err := f.root.Stat(lockFile); err == nil {
				f.killedAt = info.ModTime()
			}
			f.root.Remove(lockFile) // its command was killed
			continue
		}
		who := "another command"
		if len(fields) >= 3 {
			who = fmt.Sprintf("headless %s (process %s on %s)", fields[2], fields[0], fields[1])
		}
		return fmt.Errorf("%s is being written by %s; wait for it to finish, or write into another folder with -o (if no such command runs, remove %s/%s)", f.Dir, who, f.Dir, lockFile)
	}
	return fmt.Errorf("%s: could not take the lock %s", f.Dir, lockFile)
}

// alive reports whether the process with the given id runs.
func alive(pid string) bool {
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return false
	}
	p, err := os.FindProcess(n)
	if err != nil {
		return false
	}
	return !errors.Is(p.Signal(sig0), os.ErrProcessDone)
}

// checksum returns the SHA-256 of a file of the folder.
func (f *Folder) checksum(name string) (string, error) {
	r, err := f.root.Open(name)
	if err != nil {
		return "", err
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// makeStage makes the folder of the new results set, where the command's
// files go.
func (f *Folder) makeStage() error {
	name, err := f.newSet()
	if err != nil {
		return err
	}
	f.staged = name
	f.stage, err = f.root.OpenRoot(name)
	return err
}

// Refuse reports the names among candidates that the folder holds though
// this program did not write them (or they changed since): the command
// would have to replace them, so it must not start. Call it before a long
// batch with every name the command may write.
func (f *Folder) Refuse(candidates []string) error {
	var clash []string
	for _, name := range candidates {
		if _, err := f.root.Lstat(name); err == nil && !f.owned[name] {
			clash = append(clash, name)
		}
	}
	if len(clash) == 0 {
		return nil
	}
	return fmt.Errorf("%s holds %s, which this program did not write (or which changed since): it never replaces such files; move them away, or write into another folder with -o",
		f.Dir, strings.Join(clash, ", "))
}

// Write writes the named file into the staging folder, atomically, with
// mode 0644 less the umask, and records its checksum. The name must be a
// plain file name.
func (f *Folder) Write(name string, write func(w io.Writer) error) error {
	if err := f.ctx.Err(); err != nil {
		return err
	}
	if err := CheckName(name); err != nil {
		return err
	}
	h := sha256.New()
	if err := writeAtomic(f.stage, name, func(w io.Writer) error { return write(io.MultiWriter(w, h)) }); err != nil {
		return err
	}
	f.mu.Lock()
	f.sums[name] = hex.EncodeToString(h.Sum(nil))
	f.mu.Unlock()
	return nil
}

// Read returns a file written into the staging folder.
func (f *Folder) Read(name string) ([]byte, error) { return f.stage.ReadFile(name) }

// CheckName refuses names that are not plain file names this program may
// write: no folders, no hidden files, nothing a shell or another system
// would trip on, at most maxName bytes.
func CheckName(name string) error {
	if name == "" || name != sanitize(name) || len(name) > maxName || name == ManifestFile {
		return fmt.Errorf("%q is not a name an output may have", name)
	}
	return nil
}

// Lengths of names: a part made from text (SafeName), and a whole output's
// name (well below the 255 bytes file systems allow).
const (
	maxNamePart = 64
	maxName     = 200
)

// SafeName turns text (an arm's name, a key) into a part of a file name:
// letters, digits, '-', '_' and '.', never starting with a dot. A part
// longer than 64 bytes is cut and ends with '-' and 8 hex digits of the
// SHA-256 of the whole text, so that long names sharing a start stay apart
// (the manifest records each arm's; ArmFiles).
func SafeName(text string) string {
	s := sanitize(text)
	if len(s) > maxNamePart {
		sum := sha256.Sum256([]byte(text))
		s = s[:maxNamePart-9] + "-" + hex.EncodeToString(sum[:4])
	}
	return s
}

// sanitize replaces every byte but letters, digits, '-', '_' and '.' with
// '_', and drops leading dots; it never returns "".
func sanitize(text string) string {
	b := []byte(text)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '_'
		}
	}
	s := strings.TrimLeft(string(b), ".")
	if s == "" {
		s = "_"
	}
	return s
}

// ArmFiles returns each arm's name as a part of file names: SafeName's,
// numbered when two arms would otherwise share one.
func ArmFiles(sc *scenario.Scenario) []string {
	names := make([]string, len(sc.Arms))
	seen := map[string]bool{}
	for a, arm := range sc.Arms {
		names[a] = SafeName(arm.Name)
		if seen[names[a]] {
			names[a] = fmt.Sprintf("%s_%d", names[a], a+1)
		}
		seen[names[a]] = true
	}
	return names
}

// Runs returns the store of finished runs in the folder's runs/ folder.
func (f *Folder) Runs() (*Store, error) {
	if err := f.root.Mkdir(runsDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	r, err := f.root.OpenRoot(runsDir)
	if err != nil {
		return nil, err
	}
	return &Store{Dir: f.Dir + "/" + runsDir, root: r}, nil
}

// Close removes the new set's folder unless Commit made it current (with
// whatever a failed or interrupted command left in it), and the lock.
func (f *Folder) Close() error {
	var err error
	if f.stage != nil {
		f.stage.Close()
	}
	if f.staged != "" {
		err = f.root.RemoveAll(f.staged)
	}
	return errors.Join(err, f.root.Remove(lockFile), f.root.Close())
}

// writeAtomic writes a file of root atomically: into a temporary file
// beside it, then renamed into place, so that a reader or an interrupted
// command never sees half a file.
func writeAtomic(root *os.Root, name string, write func(w io.Writer) error) error {
	pf, err := renameio.NewPendingFile(name, renameio.WithRoot(root), renameio.WithPermissions(0o644))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	bw := bufio.NewWriterSize(pf, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return pf.CloseAtomicallyReplace()
}

// clearTemps removes the temporary files an interrupted write left in a
// folder of root: renameio names them "." + the file's name + digits.
func clearTemps(root *os.Root, dir string) error {
	entries, err := fs.ReadDir(root.FS(), dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if isTemp(e.Name()) && e.Type().IsRegular() {
			if err := root.Remove(dir + "/" + e.Name()); err != nil {
				return err
			}
		}
	}
	return nil
}

// isTemp reports whether name is a temporary run file: "." followed by a
// run file's name and digits.
func isTemp(name string) bool {
	base, ok := strings.CutPrefix(name, ".")
	if !ok {
		return false
	}
	trimmed := strings.TrimRight(base, "0123456789")
	return trimmed != base && runName.MatchString(trimmed)
}

// sig0 asks whether a process exists without disturbing it.
var sig0 = syscall.Signal(0)
