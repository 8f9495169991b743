package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStoreReadsSafely plants, under a run's name, what once hung a
// --resume (a pipe), ran it out of memory (a link to /dev/zero), read a
// file outside runs/ (a link out), or failed the batch only at its end (an
// empty file): each is refused without hanging, and SetAside moves the
// ones in the way of the batch aside before any run starts, with a note,
// so that the batch then succeeds.
func TestStoreReadsSafely(t *testing.T) {
	sc := load(t, "wright", "months=2", "people=50", "seeds=1")
	job := NewJob(sc, 0, sc.Run().Seed)
	outside := filepath.Join(t.TempDir(), "elsewhere.run")
	big := filepath.Join(t.TempDir(), "big")
	os.WriteFile(big, nil, 0o644)
	os.Truncate(big, runLimit(job)+1)
	plant := map[string]func(path string) error{
		"a pipe":              func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"a link to /dev/zero": func(p string) error { return os.Symlink("/dev/zero", p) },
		"a link out of runs/": func(p string) error { return os.Symlink(outside, p) },
		"an empty file":       func(p string) error { return os.WriteFile(p, nil, 0o644) },
		"a folder":            func(p string) error { return os.Mkdir(p, 0o755) },
		"an oversized file":   func(p string) error { return os.Rename(big, p) },
	}
	for what, put := range plant {
		dir := t.TempDir()
		f := openFolder(t, dir, "run")
		st, err := f.Runs()
		if err != nil {
			t.Fatal(err)
		}
		if what == "a link out of runs/" { // a good run, but outside
			if _, err := Run(context.Background(), sc, Options{Store: st}); err != nil {
				t.Fatal(err)
			}
			os.Rename(filepath.Join(st.Dir, fileName(job)), outside)
		}
		path := filepath.Join(st.Dir, fileName(job))
		if err := put(path); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, s := range []*Store{st, OpenStore(st.Dir)} {
			done := make(chan bool, 1)
			go func() { _, ok := s.Load(job); done <- ok }()
			select {
			case ok := <-done:
				if ok {
					t.Errorf("%s was used as a run", what)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: Load hangs", what)
			}
			if s.Rejected() == "" {
				t.Errorf("%s: rejected without a reason", what)
			}
		}
		note, err := st.SetAside([]Point{{Scenario: sc}}, Shard{})
		if err != nil || !strings.Contains(note, fileName(job)+".aside") {
			t.Fatalf("%s: SetAside said %q, %v", what, note, err)
		}
		if _, err := os.Lstat(path + ".aside"); err != nil {
			t.Fatalf("%s was not moved aside: %v", what, err)
		}
		if _, err := Run(context.Background(), sc, Options{Store: st, Resume: true}); err != nil {
			t.Fatalf("%s: the batch failed after setting it aside: %v", what, err)
		}
		if _, ok := st.Load(job); !ok {
			t.Errorf("%s: the run computed again was not saved", what)
		}
		f.Close()
	}
}
