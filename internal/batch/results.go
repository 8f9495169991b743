package batch

// How a folder's outputs change as one step.
//
// A command's outputs are one set: a hidden folder .commonwealth-results-ID
// that holds every output and the manifest listing them. The names users
// open are symbolic links through one link, .commonwealth-results, to the
// current set:
//
//	summary.csv           -> .commonwealth-results/summary.csv
//	manifest.json         -> .commonwealth-results/manifest.json
//	.commonwealth-results -> .commonwealth-results-4711-0
//
// A command writes its whole set, manifest included, beside the current
// one and makes the links its new names need (until the switch they name
// nothing, as in the old set); then it switches by renaming a new
// .commonwealth-results over the old one: one rename(2), atomic on a POSIX
// file system, after which every name shows the new set. Everything that
// takes space is written before the switch, so a full disk leaves the old
// set current; what follows the switch only tidies (the old set's folder,
// links the new set does not use), and the next command into the folder
// finishes it if this one was killed.
//
// Why links rather than the alternatives: the folder also holds the user's
// files and runs/, so the folder itself cannot be swapped for a new one;
// moving N files into place is N steps, and a kill between two of them
// mixes two sets (what earlier versions did); a manifest naming a set
// folder would switch atomically but would move the outputs away from the
// names that users and scripts open. Links keep the names and make the
// switch one step.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
)

// The names of the results sets and their links.
const (
	currentLink = ".commonwealth-results"                // the link to the current set
	setPrefix   = ".commonwealth-results-"               // a set's folder: this and an ID
	nextLink    = ".commonwealth-results.next"           // the link that replaces currentLink
	linkTemp    = ".commonwealth-link.tmp"               // a link that replaces a plain file
	linkDir     = currentLink + string(os.PathSeparator) // what every output's link starts with
)

// previous is what this program's manifest in the folder says about it.
type previous struct {
	Program string   `json:"program"`
	Command string   `json:"command"`
	Outputs []Output `json:"outputs"`
}

// isLink reports whether the folder's entry name is a link this program
// made: one to the same name in the current set.
func (f *Folder) isLink(name string) bool {
	target, err := f.root.Readlink(name)
	return err == nil && target == linkDir+name
}

// newSet makes an empty folder for a results set.
func (f *Folder) newSet() (string, error) {
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s%d-%d", setPrefix, os.Getpid(), i)
		err := f.root.Mkdir(name, 0o755)
		if !errors.Is(err, fs.ErrExist) {
			return name, err
		}
	}
}

// readState learns the folder's current set and which of its files this
// program wrote: those its manifest lists whose checksums still match. An
// output changed through its link since is the user's (edited); a folder
// whose outputs are plain files was written by an earlier version (legacy).
func (f *Folder) readState(force bool) error {
	if _, err := f.root.Lstat(currentLink); err == nil {
		target, err := f.root.Readlink(currentLink)
		if err != nil || !strings.HasPrefix(target, setPrefix) || strings.ContainsRune(target, os.PathSeparator) {
			return fmt.Errorf("%s/%s was not made by this program, which keeps its results behind that name; move it away, or write into another folder with -o", f.Dir, currentLink)
		}
		if info, err := f.root.Lstat(target); err == nil && info.IsDir() {
			f.cur = target
		}
	}
	b, err := f.root.ReadFile(ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var prev previous
	if json.Unmarshal(b, &prev) != nil || prev.Program != "commonwealth" || prev.Command == "" {
		return fmt.Errorf("%s/%s was not written by this program (or by an older version that kept no checksums); write into another folder with -o", f.Dir, ManifestFile)
	}
	if kinds[prev.Command] != kinds[f.command] && !force {
		return fmt.Errorf("%s holds the results of headless %s; write into another folder with -o, or replace them with --force", f.Dir, prev.Command)
	}
	f.owned[ManifestFile] = true
	f.legacy = !f.isLink(ManifestFile)
	for _, o := range prev.Outputs {
		if CheckName(o.Name) != nil {
			continue
		}
		path := o.Name
		if !f.legacy {
			if !f.isLink(o.Name) {
				continue // the user removed or replaced the link
			}
			path = f.cur + "/" + o.Name
		}
		sum, err := f.checksum(path)
		switch {
		case err == nil && sum == o.SHA256:
			f.owned[o.Name] = true
		case err == nil && !f.legacy:
			f.edited = append(f.edited, o.Name)
		case err == nil:
			f.listed = append(f.listed, o.Name)
		}
	}
	return nil
}

// clearStale removes what commands that were killed before they could
// clean up left behind: sets never switched to or switched from, links
// that name nothing in the current set, half-written runs, and an earlier
// version's staging folders (whose interrupted commit it repairs, see
// adopt).
func (f *Folder) clearStale() error {
	entries, err := fs.ReadDir(f.root.FS(), ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		var err error
		switch {
		case strings.HasPrefix(name, stagePrefix) && e.IsDir():
			f.adopt()
			err = f.root.RemoveAll(name)
		case strings.HasPrefix(name, setPrefix) && e.IsDir() && name != f.cur:
			err = f.root.RemoveAll(name)
		case e.Type()&fs.ModeSymlink == 0:
		case name == nextLink || name == linkTemp:
			err = f.root.Remove(name)
		case f.isLink(name) && (f.cur == "" || !f.inSet(name)):
			err = f.root.Remove(name)
		}
		if err != nil {
			return err
		}
	}
	return clearTemps(f.root, runsDir)
}

// inSet reports whether the current set holds name.
func (f *Folder) inSet(name string) bool {
	_, err := f.root.Lstat(f.cur + "/" + name)
	return err == nil
}

// adopt repairs what an earlier version left when it was killed while it
// moved its files into place one by one (its staging folder is the trace):
// a file its manifest lists that changed after that command started (after
// the manifest was written, when the start is unknown) is the killed
// command's, not the user's, and this command may replace or remove it.
func (f *Folder) adopt() {
	if !f.legacy || len(f.listed) == 0 {
		return
	}
	since := f.killedAt
	if since.IsZero() {
		info, err := f.root.Lstat(ManifestFile)
		if err != nil {
			return
		}
		since = info.ModTime()
	}
	for _, name := range f.listed {
		if info, err := f.root.Lstat(name); err == nil && info.Mode().IsRegular() && !info.ModTime().Before(since) {
			f.owned[name] = true
		}
	}
	f.listed = nil
}

// step marks a point between two steps of Commit, where a test may make it
// fail as a kill or a full disk would.
func (f *Folder) step(what string) error {
	if f.fault == nil {
		return nil
	}
	return f.fault(what)
}

// Commit writes the manifest, with every file's checksum, into the new set
// and switches the folder to it in one step; then it removes the links and
// the set of the command's earlier outputs that the new set replaces. It
// refuses, before changing anything, when a name is taken by a file this
// program did not write. Killed or failed at any point, it leaves the old
// set or the new one, never a mix.
func (f *Folder) Commit(m Manifest) error {
	if err := f.ctx.Err(); err != nil {
		return err
	}
	if f.staged == "" {
		return fmt.Errorf("%s: the results were committed already", f.Dir)
	}
	keep := map[string]bool{ManifestFile: true}
	var names []string
	for i, o := range m.Outputs {
		sum, ok := f.sums[o.Name]
		if !ok {
			return fmt.Errorf("%s: %s was never written", f.Dir, o.Name)
		}
		m.Outputs[i].SHA256 = sum
		names = append(names, o.Name)
		keep[o.Name] = true
	}
	names = append(names, ManifestFile)
	if err := f.Refuse(names); err != nil {
		return err
	}
	if err := writeAtomic(f.stage, ManifestFile, m.Write); err != nil {
		return err
	}
	if err := f.step("the new set written"); err != nil {
		return err
	}
	if f.legacy {
		if err := f.migrate(); err != nil {
			return err
		}
	}
	for _, name := range f.edited {
		if !keep[name] { // changed by the user: it leaves the set, as it is, for the folder
			if err := f.root.Rename(f.cur+"/"+name, name); err != nil {
				return err
			}
			if err := f.step("an edited output kept"); err != nil {
				return err
			}
		}
	}
	for _, name := range names {
		if f.isLink(name) {
			continue
		}
		if err := f.root.Symlink(linkDir+name, name); err != nil {
			return err
		}
		if err := f.step("a link made"); err != nil {
			return err
		}
	}
	if err := f.switchTo(f.staged); err != nil {
		return err
	}
	old := f.cur
	f.cur, f.staged = f.staged, ""
	if err := f.step("switched"); err != nil {
		return err
	}
	if err := f.dropLinks(keep); err != nil {
		return err
	}
	if old == "" {
		return nil
	}
	if err := f.step("old links removed"); err != nil {
		return err
	}
	return f.root.RemoveAll(old)
}

// switchTo makes set the current one: a new link to it renamed over the
// old link.
func (f *Folder) switchTo(set string) error {
	if err := syncDir(f.root, set); err != nil {
		return err
	}
	f.root.Remove(nextLink)
	if err := f.root.Symlink(set, nextLink); err != nil {
		return err
	}
	if err := f.step("the next link made"); err != nil {
		return err
	}
	if err := f.root.Rename(nextLink, currentLink); err != nil {
		return err
	}
	return syncDir(f.root, ".")
}

// dropLinks removes this program's links whose names keep does not hold.
func (f *Folder) dropLinks(keep map[string]bool) error {
	entries, err := fs.ReadDir(f.root.FS(), ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 && !keep[e.Name()] && f.isLink(e.Name()) {
			if err := f.root.Remove(e.Name()); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrate puts the plain files an earlier version wrote behind the link,
// without changing what any name holds at any moment: it hard-links (or
// copies) them into a set, makes that set current, then replaces each file
// by a link to its own content in the set, the manifest last.
func (f *Folder) migrate() error {
	set, err := f.newSet()
	if err != nil {
		return err
	}
	var names []string
	for name := range f.owned {
		if name != ManifestFile {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	names = append(names, ManifestFile)
	for _, name := range names {
		src := name
		if f.cur != "" && f.isLink(name) {
			src = f.cur + "/" + name
		}
		if err := f.root.Link(src, set+"/"+name); err != nil {
			if err := copyIn(f.root, src, set+"/"+name); err != nil {
				return err
			}
		}
		if err := f.step("an old output linked into a set"); err != nil {
			return err
		}
	}
	if err := f.switchTo(set); err != nil {
		return err
	}
	old := f.cur
	f.cur = set
	for _, name := range names {
		if f.isLink(name) {
			continue
		}
		f.root.Remove(linkTemp)
		if err := f.root.Symlink(linkDir+name, linkTemp); err != nil {
			return err
		}
		if err := f.root.Rename(linkTemp, name); err != nil {
			return err
		}
		if err := f.step("an old output replaced by its link"); err != nil {
			return err
		}
	}
	f.legacy = false
	if old != "" {
		return f.root.RemoveAll(old)
	}
	return nil
}

// copyIn copies a file of root to another name of root.
func copyIn(root *os.Root, src, dst string) error {
	r, err := root.Open(src)
	if err != nil {
		return err
	}
	defer r.Close()
	return writeAtomic(root, dst, func(w io.Writer) error { _, err := io.Copy(w, r); return err })
}

// syncDir flushes a folder's entries to the disk, where the file system
// allows it.
func syncDir(root *os.Root, name string) error {
	d, err := root.Open(name)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) {
		return err
	}
	return nil
}
