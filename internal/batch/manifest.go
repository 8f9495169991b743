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
	Args        []string      `json:"args"`         // the command's arguments as given, after "headless"
	Line        string        `json:"command_line"` // the command as given, quoted for a shell
	Design      Design        `json:"design"`
	Version     string        `json:"version"`
	Build       string        `json:"build"`
	Scenario    string        `json:"scenario"`
	Description string        `json:"description,omitempty"`
	File        string        `json:"file"`
	Sets        []string      `json:"sets,omitempty"` // the --set flags (design.arms has the --arm ones)
	Months      int           `json:"months"`
	Seeds       []uint64      `json:"seeds"`
	Arms        []ManifestArm `json:"arms"`
	Metrics     []OwnMetric   `json:"metrics,omitempty"`   // the scenario's own metrics
	StopWhen    string        `json:"stop_when,omitempty"` // the scenario's stop condition
	Stopped     []Stopped     `json:"stopped,omitempty"`   // the runs stop_when ended early
	Outputs     []Output      `json:"outputs"`
	Source      string        `json:"source"`
}

// OwnMetric is a metric the scenario defines, as the manifest records it.
type OwnMetric struct {
	Name string `json:"name"`
	Unit string `json:"unit"`
	Text string `json:"text"`
	Expr string `json:"expr"`
}

// Stopped is a run that stop_when ended before its last month.
type Stopped struct {
	Point []string `json:"point,omitempty"` // the sweep point's values, in the order of the sweeps
	Arm   string   `json:"arm"`
	Seed  uint64   `json:"seed"`
	Month int      `json:"month"` // the last month run: the first in which stop_when held
}

// Stops lists the runs of rs (the results of sc, at the sweep point
// point, or nil) that stop_when ended early.
func Stops(sc *scenario.Scenario, point []string, rs []Result) []Stopped {
	var out []Stopped
	for _, r := range rs {
		if r.Exit > 0 {
			out = append(out, Stopped{Point: point, Arm: sc.Arms[r.Arm].Name, Seed: r.Seed, Month: r.Exit})
		}
	}
	return out
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
		Args:        f.Args,
		Design:      f.Design,
		Sets:        keySets(sc.Sets),
		Months:      sc.Run().Months,
		Seeds:       sc.Run().SeedList(),
		Source:      sc.Source,
	}
	if c := sc.Run().Custom; c != nil {
		m.StopWhen = c.StopWhen
		for _, om := range c.Metrics {
			m.Metrics = append(m.Metrics, OwnMetric{om.Name, om.Unit, om.Text, om.Expr})
		}
	}
	m.Line = m.CommandLine()
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
