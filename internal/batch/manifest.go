package batch

import (
	"encoding/json"
	"io"
	"runtime/debug"

	"commonwealth/internal/scenario"
)

// Manifest records how a run's outputs were made, enough to make them again.
type Manifest struct {
	Program     string        `json:"program"`
	Version     string        `json:"version"`
	Scenario    string        `json:"scenario"`
	Description string        `json:"description,omitempty"`
	File        string        `json:"file"`
	Sets        []string      `json:"sets,omitempty"`
	Months      int           `json:"months"`
	Seeds       []uint64      `json:"seeds"`
	Arms        []ManifestArm `json:"arms"`
	Outputs     []string      `json:"outputs"`
	Source      string        `json:"source"`
}

// ManifestArm is one arm as it ran: every key's value, and which keys the
// arm itself set.
type ManifestArm struct {
	Name      string         `json:"name"`
	Overrides []string       `json:"overrides,omitempty"`
	Settings  map[string]any `json:"settings"`
}

// NewManifest describes a run of sc that wrote outputs.
func NewManifest(sc *scenario.Scenario, outputs []string) Manifest {
	m := Manifest{
		Program:     "commonwealth",
		Version:     Version(),
		Scenario:    sc.Name,
		Description: sc.Description,
		File:        sc.File,
		Sets:        sc.Sets,
		Months:      sc.Run().Months,
		Seeds:       sc.Run().SeedList(),
		Outputs:     outputs,
		Source:      sc.Source,
	}
	for _, a := range sc.Arms {
		m.Arms = append(m.Arms, ManifestArm{Name: a.Name, Overrides: a.Overrides, Settings: scenario.Values(a.Settings)})
	}
	return m
}

// Write writes the manifest as indented JSON.
func (m Manifest) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}

// Version returns the program's module version, or "devel" for a build from
// a work tree.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
