package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
)

// pruneOutputs removes the files that the previous run into dir wrote (as
// its manifest lists them) and this run did not, so that a folder reused
// for another scenario holds no stale plots. Only files a manifest names
// are ever removed; it is called before the new manifest is written.
func pruneOutputs(dir string, files []string) {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return
	}
	var old struct{ Outputs []string }
	if json.Unmarshal(b, &old) != nil {
		return
	}
	for _, f := range old.Outputs {
		if !slices.Contains(files, f) && filepath.Base(f) == f {
			os.Remove(filepath.Join(dir, f))
		}
	}
}
