package batch

import (
	"encoding/json"
	"io"

	"commonwealth/internal/scenario"
	"commonwealth/internal/version"
)

// Manifest records how a run's outputs were made, enough to make them again.
type Manifest struct {
	Program     string        `json:"program"`
	Command     string        `json:"command"`
	Version     string        `json:"version"`
	Build       string        `json:"build"`
	Scenario    string        `json:"scenario"`
	Description string        `json:"description,omitempty"`
	File        string        `json:"file"`
	Sets        []string      `json:"sets,omitempty"`
	Months      int           `json:"months"`
	Seeds       []uint64      `json:"seeds"`
	Arms        []ManifestArm `json:"arms"`
	Outputs     []Output      `json:"outputs"`
	Source      string        `json:"source"`
}

// Output is a file a command wrote, with its SHA-256: the proof a later
// command needs before it may replace or remove the file.
type Output struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// ManifestArm is one arm as it ran: every key's value, and which keys the
// arm itself set.
type ManifestArm struct {
	Name      string         `json:"name"`
	FileName  string         `json:"file_name,omitempty"` // the name's part in file names, where it differs (ArmFiles)
	Overrides []string       `json:"overrides,omitempty"`
	Settings  map[string]any `json:"settings"`
}

// Manifest describes the command's run of sc, which wrote outputs into the
// folder; Commit adds their checksums.
func (f *Folder) Manifest(sc *scenario.Scenario, outputs []string) Manifest {
	m := Manifest{
		Program:     "commonwealth",
		Command:     f.command,
		Version:     Version(),
		Build:       Build(),
		Scenario:    sc.Name,
		Description: sc.Description,
		File:        sc.File,
		Sets:        sc.Sets,
		Months:      sc.Run().Months,
		Seeds:       sc.Run().SeedList(),
		Source:      sc.Source,
	}
	for _, o := range outputs {
		m.Outputs = append(m.Outputs, Output{Name: o})
	}
	files := ArmFiles(sc)
	for i, a := range sc.Arms {
		ma := ManifestArm{Name: a.Name, Overrides: a.Overrides, Settings: scenario.Values(a.Settings)}
		if files[i] != a.Name {
			ma.FileName = files[i]
		}
		m.Arms = append(m.Arms, ma)
	}
	return m
}

// Write writes the manifest as indented JSON.
func (m Manifest) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}

// Version returns the program's version as version.String gives it: the
// module's version, the VCS revision, or "devel".
func Version() string { return version.String() }
