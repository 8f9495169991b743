// Package scenarios holds the scenarios shipped with Commonwealth, embedded in
// every program so that they run with no files on disk.
package scenarios

import "embed"

// FS holds every shipped scenario as NAME.toml.
//
//go:embed *.toml
var FS embed.FS

// Default is the scenario run when none is named.
const Default = "ai-is-capital"
