package scenario

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"

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
// "" means the default. It applies the --set flags and checks everything.
func Load(ref string, sets []string) (*Scenario, error) {
	if ref == "" {
		ref = scenarios.Default
	}
	if strings.HasSuffix(ref, ".toml") || strings.ContainsRune(ref, os.PathSeparator) || fileExists(ref) {
		src, err := os.ReadFile(ref)
		if err != nil {
			return nil, Problems{{File: ref, Msg: readMsg(err), Hint: nameHint(strings.TrimSuffix(ref, ".toml"))}}
		}
		return Parse(ref, src, sets)
	}
	src, err := scenarios.FS.ReadFile(ref + ".toml")
	if err != nil {
		return nil, Problems{{File: ref, Msg: "no such file, and no built-in scenario of that name", Hint: nameHint(ref)}}
	}
	return Parse("embedded:"+ref, src, sets)
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
