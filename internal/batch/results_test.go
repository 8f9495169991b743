package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The two sets of outputs the commit tests switch between, and a file of
// the user's beside them.
var (
	oldSet   = map[string]string{"a.csv": "old a", "b.png": "old b", "c.png": "old c"}
	newSet   = map[string]string{"a.csv": "new a", "c.png": "new c", "d.png": "new d"}
	userFile = map[string]string{"notes.txt": "mine"}
)

// shown reads what the folder shows under every name either set has, as a
// reader following the links sees it, with the manifest's list of outputs;
// it fails the test when the manifest's checksums do not match the files.
func shown(t *testing.T, dir string) (map[string]string, []string) {
	t.Helper()
	got := map[string]string{}
	for name := range maps.Keys(mergeSets(oldSet, newSet, userFile)) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			got[name] = string(b)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatalf("no manifest: %v", err)
	}
	var m previous
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, o := range m.Outputs {
		sum := sha256.Sum256([]byte(got[o.Name]))
		if hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s: %q does not match the manifest's checksum", o.Name, got[o.Name])
		}
		listed = append(listed, o.Name)
	}
	slices.Sort(listed)
	return got, listed
}

// mergeSets returns the union of file sets.
func mergeSets(sets ...map[string]string) map[string]string {
	all := map[string]string{}
	for _, s := range sets {
		maps.Copy(all, s)
	}
	return all
}

// whichSet says whether the folder shows exactly the old set or exactly the
// new one (with the user's file beside it), or fails the test.
func whichSet(t *testing.T, dir, when string) string {
	t.Helper()
	got, listed := shown(t, dir)
	for _, c := range []struct {
		name string
		set  map[string]string
	}{{"old", oldSet}, {"new", newSet}} {
		if maps.Equal(got, mergeSets(c.set, userFile)) && slices.Equal(listed, slices.Sorted(maps.Keys(c.set))) {
			return c.name
		}
	}
	t.Fatalf("%s: the folder shows %v, listing %v: neither the old set nor the new one", when, got, listed)
	return ""
}

// flatten turns a folder this version wrote into what an earlier version
// left: plain files, no sets.
func flatten(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if e.Type()&os.ModeSymlink != 0 && e.Name() != currentLink {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			os.Remove(path)
			os.WriteFile(path, b, 0o644)
		}
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), currentLink) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// errFault stands for a kill or a full disk.
var errFault = errors.New("injected fault")

// TestCommitIsAtomic fails Commit at each of its steps in turn, as a kill
// would (nothing cleaned up, the lock left behind) and as a full disk would
// (the command returns its error and closes the folder), in a folder this
// version wrote and in one an earlier version wrote (plain files, which the
// first commit moves behind the links). After each, the folder must show
// the old set or the new one — every name, and a manifest whose checksums
// match — and so again after the next command opens it, which must clear
// everything stale and commit in its turn.
func TestCommitIsAtomic(t *testing.T) {
	host, _ := os.Hostname()
	for _, legacy := range []bool{false, true} {
		for _, kill := range []bool{true, false} {
			for k := 0; ; k++ {
				when := fmt.Sprintf("legacy=%v kill=%v, fault at step %d", legacy, kill, k+1)
				dir := t.TempDir()
				os.WriteFile(filepath.Join(dir, "notes.txt"), []byte(userFile["notes.txt"]), 0o644)
				commit(t, dir, "run", oldSet)
				if legacy {
					flatten(t, dir)
				}
				f := openFolder(t, dir, "run")
				for _, name := range slices.Sorted(maps.Keys(newSet)) {
					if err := f.Write(name, func(w io.Writer) error { _, err := io.WriteString(w, newSet[name]); return err }); err != nil {
						t.Fatal(err)
					}
				}
				var steps []string
				f.fault = func(what string) error {
					steps = append(steps, what)
					if len(steps) > k {
						return errFault
					}
					return nil
				}
				err := f.Commit(f.Manifest(load(t, "wright", "months=1"), slices.Sorted(maps.Keys(newSet))))
				if err != nil && !errors.Is(err, errFault) {
					t.Fatalf("%s: %v", when, err)
				}
				if kill && err != nil {
					f.stage.Close()
					f.root.Close()
					os.WriteFile(filepath.Join(dir, lockFile), []byte("999999999 "+host+" run\n"), 0o644)
				} else {
					f.Close()
				}
				before := whichSet(t, dir, when+" (as left)")
				if len(steps) > k && steps[k] == "switched" && before != "new" {
					t.Fatalf("%s: the old set is shown after the switch", when)
				}
				g := openFolder(t, dir, "run")
				g.Close()
				if after := whichSet(t, dir, when+", then opened again"); after != before {
					t.Fatalf("%s: the folder showed the %s set, then the %s one", when, before, after)
				}
				set := map[string]map[string]string{"old": oldSet, "new": newSet}[before]
				want := slices.Sorted(maps.Keys(mergeSets(set, userFile, map[string]string{ManifestFile: ""})))
				if got := listing(t, dir); !slices.Equal(got, want) {
					t.Fatalf("%s: the folder holds %v, want %v", when, got, want)
				}
				commit(t, dir, "run", map[string]string{"e.csv": "third"})
				if got := listing(t, dir); !slices.Equal(got, []string{"e.csv", "manifest.json", "notes.txt"}) {
					t.Fatalf("%s: after the next commit the folder holds %v", when, got)
				}
				if err == nil {
					t.Logf("legacy=%v: %d steps: %s", legacy, k, strings.Join(steps, "; "))
					if k < 5 {
						t.Fatalf("%s: Commit had only %d steps", when, k)
					}
					break
				}
			}
		}
	}
}

// TestCommitKeepsEditedOutputs checks that an output the user changed
// through its link stays, as changed, when the next command does not write
// it, and refuses a command that would.
func TestCommitKeepsEditedOutputs(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", oldSet)
	os.WriteFile(filepath.Join(dir, "b.png"), []byte("edited"), 0o644) // through the link
	commit(t, dir, "run", map[string]string{"a.csv": "again"})
	if b, err := os.ReadFile(filepath.Join(dir, "b.png")); err != nil || string(b) != "edited" {
		t.Fatalf("b.png: %q %v", b, err)
	}
	if got := listing(t, dir); !slices.Equal(got, []string{"a.csv", "b.png", "manifest.json"}) {
		t.Fatalf("the folder holds %v", got)
	}
	f := openFolder(t, dir, "run")
	defer f.Close()
	if err := f.Refuse([]string{"b.png"}); err == nil {
		t.Fatal("a command may replace the edited b.png")
	}
}

// TestRepairsEarlierVersionsKill checks a folder an earlier version left
// when it was killed while moving its files into place one by one: new
// tables beside the old report, its staging folder and lock left. The next
// command takes the files the manifest lists that changed after the killed
// command started as its own, and keeps the one the user changed before.
func TestRepairsEarlierVersionsKill(t *testing.T) {
	dir := t.TempDir()
	commit(t, dir, "run", oldSet)
	flatten(t, dir)
	now := time.Now()
	os.Chtimes(filepath.Join(dir, ManifestFile), now.Add(-3*time.Hour), now.Add(-3*time.Hour))
	for name := range oldSet {
		os.Chtimes(filepath.Join(dir, name), now.Add(-3*time.Hour), now.Add(-3*time.Hour))
	}
	os.WriteFile(filepath.Join(dir, "c.png"), []byte("the user's"), 0o644)
	os.Chtimes(filepath.Join(dir, "c.png"), now.Add(-2*time.Hour), now.Add(-2*time.Hour))
	host, _ := os.Hostname()
	os.WriteFile(filepath.Join(dir, lockFile), []byte("999999999 "+host+" run\n"), 0o644)
	os.Chtimes(filepath.Join(dir, lockFile), now.Add(-time.Hour), now.Add(-time.Hour))
	os.MkdirAll(filepath.Join(dir, stagePrefix+"999999999-0"), 0o755)
	os.WriteFile(filepath.Join(dir, stagePrefix+"999999999-0", "b.png"), []byte("not moved yet"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("the killed command's"), 0o644)

	f := openFolder(t, dir, "run")
	if err := f.Refuse([]string{"a.csv", "b.png"}); err != nil {
		t.Fatalf("the folder is refused, not repaired: %v", err)
	}
	if err := f.Refuse([]string{"c.png"}); err == nil {
		t.Fatal("the file the user changed before the killed command started was taken")
	}
	f.Write("a.csv", func(w io.Writer) error { _, err := io.WriteString(w, "new a"); return err })
	if err := f.Commit(f.Manifest(load(t, "wright", "months=1"), []string{"a.csv"})); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := listing(t, dir); !slices.Equal(got, []string{"a.csv", "c.png", "manifest.json"}) {
		t.Fatalf("the folder holds %v", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "c.png")); string(b) != "the user's" {
		t.Fatalf("c.png holds %q", b)
	}
}
