package scenario

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"

	"commonwealth/scenarios"
)

// Names returns the names of the embedded scenarios, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(scenarios.FS, ".")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// Load reads the scenario named by ref: a TOML file when one exists at that
// path (or ref ends in .toml), otherwise the embedded scenario of that name;
// "" means the default and "embedded:NAME" always the embedded one. A file
// NAME.toml in the working folder is read for NAME, with a note when a
// built-in scenario has that name too. It applies the --set flags and checks
// everything.
func Load(ref string, sets []string) (*Scenario, error) {
	if ref == "" {
		ref = scenarios.Default
	}
	if name, ok := strings.CutPrefix(ref, "embedded:"); ok {
		return loadEmbedded(name, sets)
	}
	var note string
	builtin := slices.Contains(Names(), strings.TrimSuffix(ref, ".toml")) && !strings.ContainsRune(ref, os.PathSeparator)
	if !strings.HasSuffix(ref, ".toml") && !strings.ContainsRune(ref, os.PathSeparator) && !fileExists(ref) && fileExists(ref+".toml") {
		ref += ".toml"
	}
	if builtin && fileExists(ref) {
		name := strings.TrimSuffix(ref, ".toml")
		note = fmt.Sprintf("read the file %s in this folder, not the built-in scenario %s (name that one embedded:%s)", ref, name, name)
	}
	if strings.HasSuffix(ref, ".toml") || strings.ContainsRune(ref, os.PathSeparator) || fileExists(ref) {
		src, err := readLimited(ref)
		if err != nil {
			return nil, Problems{{File: ref, Msg: readMsg(err), Hint: nameHint(strings.TrimSuffix(ref, ".toml"))}}
		}
		sc, err := Parse(ref, src, sets)
		var ps Problems
		switch {
		case note == "":
		case sc != nil:
			sc.Notes = append([]string{note}, sc.Notes...)
		case errors.As(err, &ps):
			err = append(Problems{{File: ref, Msg: note}}, ps...)
		}
		return sc, err
	}
	return loadEmbedded(ref, sets)
}

// LoadContext is Load that gives up when ctx is done, so that Ctrl-C is
// honoured while a file is read and checked (a pipe that never ends, a slow
// network file system): it returns ctx's error, wrapped, at once, and the
// load ends in the background.
func LoadContext(ctx context.Context, ref string, sets []string) (*Scenario, error) {
	type loaded struct {
		sc  *Scenario
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		sc, err := Load(ref, sets)
		done <- loaded{sc, err}
	}()
	select {
	case l := <-done:
		return l.sc, l.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: interrupted while loading: %w", ref, ctx.Err())
	}
}

func loadEmbedded(name string, sets []string) (*Scenario, error) {
	src, err := scenarios.FS.ReadFile(name + ".toml")
	if err != nil {
		return nil, Problems{{File: name, Msg: "no such file, and no built-in scenario of that name", Hint: nameHint(name)}}
	}
	return Parse("embedded:"+name, src, sets)
}

// readLimited reads a file of at most MaxFileBytes; for a longer one it
// returns MaxFileBytes+1 bytes, which Parse refuses, without reading on.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

func readMsg(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.EISDIR):
		return "a folder, not a scenario file"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func nameHint(ref string) string {
	if h := didYouMean(ref, Names()); h != "" {
		return h
	}
	return "`headless list` shows the built-in scenarios"
}
