// Package version says which build of the programs is running, from what
// the Go toolchain stamps into every binary (runtime/debug.ReadBuildInfo):
// the module's version when it was installed at a release tag (go install
// commonwealth/cmd/...@v1.2.0, or a go build in a tagged work tree), else
// the VCS revision and whether the work tree had changes. `go run` and
// `go test` stamp no revision, so their builds say "devel".
package version

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// String returns the build's version: the module's version, or the first
// 12 digits of the VCS revision (with "+dirty" when the tree had changes),
// or "devel" when the build records neither.
func String() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return describe(bi.Main.Version, settings(bi))
}

// describe chooses the version from the module's version and the build's
// VCS settings.
func describe(module string, s map[string]string) string {
	if module != "" && module != "(devel)" {
		return module
	}
	rev := s["vcs.revision"]
	if rev == "" {
		return "devel"
	}
	rev = rev[:min(12, len(rev))]
	if s["vcs.modified"] == "true" {
		rev += "+dirty"
	}
	return rev
}

// Long returns the lines `PROGRAM version` prints: the version, then the
// revision and its time when the build records them, and the Go toolchain.
func Long(program string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return program + " devel\n"
	}
	s := settings(bi)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n", program, describe(bi.Main.Version, s))
	if rev := s["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "revision %s", rev)
		if s["vcs.modified"] == "true" {
			b.WriteString(" (with uncommitted changes)")
		}
		if t := s["vcs.time"]; t != "" {
			fmt.Fprintf(&b, ", committed %s", t)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "built with %s\n", bi.GoVersion)
	return b.String()
}

// settings returns the build's settings by key.
func settings(bi *debug.BuildInfo) map[string]string {
	s := map[string]string{}
	for _, kv := range bi.Settings {
		s[kv.Key] = kv.Value
	}
	return s
}
