package batch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// openFolder opens dir for command, failing the test on an error.
func openFolder(t *testing.T, dir, command string) *Folder {
	t.Helper()
	f, err := OpenFolder(context.Background(), dir, command, false)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// commit writes files (name → content) through a folder and commits them.
func commit(t *testing.T, dir, command string, files map[string]string) {
	t.Helper()
	f := openFolder(t, dir, command)
	defer f.Close()
	var names []string
	for name, text := range files {
		if err := f.Write(name, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	sc := load(t, "wright", "months=1")
	if err := f.Commit(f.Manifest(sc, names)); err != nil {
		t.Fatal(err)
	}
}

// listing returns the names in dir, sorted, but for the current results
// set and its link (results.go), which it checks are one pair.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names, sets []string
	for _, e := range entries {
		switch {
		case e.Name() == currentLink:
		case strings.HasPrefix(e.Name(), setPrefix):
			sets = append(sets, e.Name())
		default:
			names = append(names, e.Name())
		}
	}
	target, err := os.Readlink(filepath.Join(dir, currentLink))
	if len(sets) > 1 || len(sets) == 1 && (err != nil || target != sets[0]) {
		t.Fatalf("%s holds the sets %v and links to %q (%v): one set, the current one, should be left", dir, sets, target, err)
	}
	return names
}

// TestFolderWritesAtomically checks that a failed write leaves nothing
// behind, that files appear only at Commit, and that they are created 0644
// less the umask.
func TestFolderWritesAtomically(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	f := openFolder(t, dir, "run")
	err := f.Write("x.csv", func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk on fire")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if err := f.Write("y.csv", func(w io.Writer) error { _, err := io.WriteString(w, "whole"); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "y.csv")); err == nil {
		t.Fatal("y.csv visible before Commit")
	}
	if err := f.Commit(f.Manifest(load(t, "wright", "months=1"), []string{"y.csv"})); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := listing(t, dir); !slices.Equal(got, []string{"manifest.json", "runs", "y.csv"}) && !slices.Equal(got, []string{"manifest.json", "y.csv"}) {
		t.Fatalf("folder holds %v", got)
	}
	info, _ := os.Stat(filepath.Join(dir, "y.csv"))
	if info.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v, want 0640 (0644 less the umask 027)", info.Mode().Perm())
	}
}

// TestFolderKeepsUserFiles checks that files this program did not write —
// beside the outputs, in runs/, or an output it wrote that the user has
// changed since — survive every command, that the command's own earlier
// outputs are removed when not written again, and that a command refuses to
// replace a file it cannot prove it wrote.
func TestFolderKeepsUserFiles(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "runs"), 0o755)
	planted := map[string]string{"notes.txt": "mine", "runs/mine.gob": "mine too", "runs/0123456789abcdef-seed1.run": "a run-like name"}
	for name, text := range planted {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	commit(t, dir, "run", map[string]string{"a.csv": "1", "b.png": "2", "c.png": "3"})
	os.WriteFile(filepath.Join(dir, "c.png"), []byte("the user edited this"), 0o644)
	commit(t, dir, "check", map[string]string{"a.csv": "1 again"})
	for name, text := range planted {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v; want it untouched", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "b.png")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("b.png, an output of the earlier run, was not removed")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "c.png")); string(b) != "the user edited this" {
		t.Error("an output the user changed was removed")
	}
	f := openFolder(t, dir, "run")
	defer f.Close()
	if err := f.Refuse([]string{"a.csv", "c.png", "notes.txt"}); err == nil || !strings.Contains(err.Error(), "c.png, notes.txt") {
		t.Fatalf("got %v, want a refusal naming c.png and notes.txt", err)
	}
	f.Write("notes.txt", func(w io.Writer) error { return nil })
	if err := f.Commit(f.Manifest(load(t, "wright", "months=1"), []string{"notes.txt"})); err == nil {
		t.Fatal("Commit replaced the user's notes.txt")
	}
}

// TestFolderRefuses checks a manifest another program wrote (or an older
// version without checksums), another kind of command's results without
// --force, names that would leave the folder, and a folder in use.
func TestFolderRefuses(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"outputs": ["precious.txt"]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "precious.txt"), []byte("x"), 0o644)
	if _, err := OpenFolder(context.Background(), dir, "run", true); err == nil || !strings.Contains(err.Error(), "was not written by this program") {
		t.Fatalf("got %v", err)
	}
	dir = t.TempDir()
	commit(t, dir, "sweep", map[string]string{"sweep.csv": "x"})
	if _, err := OpenFolder(context.Background(), dir, "run", false); err == nil || !strings.Contains(err.Error(), "holds the results of headless sweep") {
		t.Fatalf("got %v", err)
	}
	f, err := OpenFolder(context.Background(), dir, "sweep", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../escape.png", "a/b.png", ".hidden", "", "manifest.json"} {
		if err := f.Write(name, func(w io.Writer) error { return nil }); err == nil {
			t.Errorf("wrote %q", name)
		}
	}
	if _, err := OpenFolder(context.Background(), dir, "sweep", true); err == nil || !strings.Contains(err.Error(), "is being written by headless sweep") {
		t.Fatalf("a second command took the folder: %v", err)
	}
	f.Close()
	if f, err = OpenFolder(context.Background(), dir, "sweep", true); err != nil {
		t.Fatalf("the lock outlived its command: %v", err)
	}
	f.Close()
}

// TestSafeName checks names made from user text.
func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"private": "private", "a/b": "a_b", "../../x": "_.._x", "..": "_", "é ü": "_____", "": "_"} {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
		if CheckName(SafeName(in)) != nil {
			t.Errorf("SafeName(%q) is not a name an output may have", in)
		}
	}
	long := strings.Repeat("x", 200)
	a, b := SafeName(long+"a"), SafeName(long+"b")
	if len(a) != 64 || a == b || !strings.HasPrefix(a, strings.Repeat("x", 55)+"-") || CheckName("sweep_gini_wealth_"+a+".png") != nil {
		t.Errorf("long names: %q, %q", a, b)
	}
}

// TestFolderAfterKill checks that what a killed command leaves — its lock,
// its staging folder, a half-written run — is cleared by the next command.
func TestFolderAfterKill(t *testing.T) {
	dir := t.TempDir()
	host, _ := os.Hostname()
	os.WriteFile(filepath.Join(dir, lockFile), []byte("999999999 "+host+" run\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, stagePrefix+"7-0"), 0o755)
	os.WriteFile(filepath.Join(dir, stagePrefix+"7-0", "summary.csv"), []byte("half"), 0o644)
	os.MkdirAll(filepath.Join(dir, "runs"), 0o755)
	os.WriteFile(filepath.Join(dir, "runs", ".0123456789abcdef-seed1.run4242"), []byte("half"), 0o644)
	f := openFolder(t, dir, "run")
	f.Close()
	if got := listing(t, dir); !slices.Equal(got, []string{"runs"}) {
		t.Fatalf("folder holds %v after the next command, want only runs/", got)
	}
	if got := listing(t, filepath.Join(dir, "runs")); len(got) != 0 {
		t.Fatalf("runs/ holds %v", got)
	}
}

// TestStoreResumes checks that a stored run is taken up only by the same
// settings and seed, and that a damaged, copied or foreign run file is
// never used, with the reason said.
func TestStoreResumes(t *testing.T) {
	dir := t.TempDir()
	f := openFolder(t, dir, "run")
	defer f.Close()
	st, err := f.Runs()
	if err != nil {
		t.Fatal(err)
	}
	sc := load(t, "wright", "months=5", "people=100", "seeds=2")
	first, err := Run(context.Background(), sc, Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	if st.Count() != 2 {
		t.Fatalf("%d runs stored, want 2", st.Count())
	}
	var ran atomic.Int32 // Done is called from the workers
	again, err := Run(context.Background(), sc, Options{Store: st, Resume: true, Done: func() { ran.Add(1) }})
	if err != nil || ran.Load() != 2 || st.Rejected() != "" {
		t.Fatal(err, ran.Load(), st.Rejected())
	}
	if !bytes.Equal(csvBytes(t, WriteSummary, sc, first), csvBytes(t, WriteSummary, sc, again)) {
		t.Fatal("resumed results differ")
	}
	other := load(t, "wright", "months=5", "people=100", "seeds=2", "capitalism.wage_max=80")
	if _, ok := st.Load(NewJob(other, 0, 1)); ok {
		t.Fatal("a run of other settings was taken up")
	}
	job := NewJob(sc, 0, 1)
	path := filepath.Join(st.Dir, fileName(job))
	good, _ := os.ReadFile(path)
	if _, ok := st.Load(job); !ok {
		t.Fatal("the stored run was not found")
	}
	// Flip one bit anywhere: the header, the checksum or the result.
	for _, at := range []int{0, len(runMagic) + 3, len(runMagic) + 40, len(good) / 2, len(good) - 1} {
		bad := bytes.Clone(good)
		bad[at] ^= 0x10
		os.WriteFile(path, bad, 0o644)
		if _, ok := st.Load(job); ok {
			t.Errorf("a run with byte %d flipped was used", at)
		}
	}
	// Another seed's file under this seed's name.
	other2 := NewJob(sc, 0, 2)
	b2, _ := os.ReadFile(filepath.Join(st.Dir, fileName(other2)))
	os.WriteFile(path, b2, 0o644)
	if _, ok := st.Load(job); ok {
		t.Error("another seed's run was used")
	}
	if why := st.Rejected(); !strings.Contains(why, "damaged") || !strings.Contains(why, "another arm, seed or scenario") {
		t.Errorf("reasons: %q", why)
	}
	// A run computed by another build, its checksum intact.
	os.WriteFile(path, bytes.Replace(good, []byte(Build()), []byte("0000000000000000"), 1), 0o644)
	if _, ok := st.Load(job); ok || !strings.Contains(st.Rejected(), "another build") {
		t.Errorf("a run of another build was used (%q)", st.Rejected())
	}
	// Without --resume the store clears its own runs, and only those.
	os.WriteFile(filepath.Join(st.Dir, "keep.gob"), []byte("x"), 0o644)
	if err := st.Clear(); err != nil {
		t.Fatal(err)
	}
	if got := listing(t, st.Dir); !slices.Equal(got, []string{"keep.gob"}) {
		t.Fatalf("runs/ holds %v after Clear", got)
	}
}
