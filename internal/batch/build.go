package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
)

// Build identifies what decides the results of the running build, so that
// a run is reused (by --resume, or by merge from a shard computed on
// another node) only when this build would compute it bit for bit.
//
// When the build records the source it was made from — a module version
// (go install …@v1.2.0) or a VCS revision of a checkout without changes
// (go build -buildvcs=true) — the identity is that source with what else
// can change a result: the Go toolchain's version, the dependencies'
// versions, the architecture and its level (GOAMD64=v3 lets the compiler
// fuse a multiply and an add, which rounds differently), GOEXPERIMENT, and
// the -tags, -gcflags and -asmflags the build was given, and the profile
// it was optimised with (-pgo: cmd/headless/default.pgo). Builds of the same
// source that differ only in what cannot change a result — -ldflags,
// -trimpath, where or when they were built, cgo — share it, so every node
// of a cluster may build its own. A build that records no clean source
// (go run, go test, a tree with uncommitted changes, or -buildvcs=false)
// is identified by the bytes of its executable instead: then only the
// same binary, copied to every node, computes runs the others accept.
var Build = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if id, ok := sourceIdentity(bi); ok {
			return id
		}
	}
	return executableIdentity()
})

// BuildRule says, for a message, what two builds must share for their runs
// to be used together.
const BuildRule = "runs are used only by builds of the same source (a module version, or a clean " +
	"checkout's revision stamped by go build -buildvcs=true) with the same Go version, " +
	"dependencies, GOARCH and its level, GOEXPERIMENT, -tags and -gcflags; a build without a " +
	"clean revision (go run, uncommitted changes, -buildvcs=false) only with its own executable's bytes"

// resultSettings are the build settings that can change what a run
// computes.
var resultSettings = []string{
	"GOARCH", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOPPC64", "GORISCV64", "GOMIPS", "GOMIPS64", "GOWASM",
	"GOEXPERIMENT", "-tags", "-gcflags", "-asmflags",
}

// sourceIdentity returns the start of the SHA-256 of what decides a
// build's results, or false when the build records no clean source.
func sourceIdentity(bi *debug.BuildInfo) (string, bool) {
	s := map[string]string{}
	for _, kv := range bi.Settings {
		s[kv.Key] = kv.Value
	}
	source := bi.Main.Version
	if source == "" || source == "(devel)" {
		if s["vcs.revision"] == "" || s["vcs.modified"] != "false" {
			return "", false
		}
		source = s["vcs"] + " " + s["vcs.revision"]
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s %s\n%s\n", bi.Main.Path, source, bi.GoVersion)
	for _, d := range bi.Deps {
		for ; d != nil; d = d.Replace {
			fmt.Fprintf(h, "%s %s %s\n", d.Path, d.Version, d.Sum)
		}
	}
	for _, k := range resultSettings {
		fmt.Fprintf(h, "%s=%s\n", k, s[k])
	}
	// A profile changes what the compiler inlines, and where it may fuse a
	// multiply and an add (arm64) the results; the profile's file is part of
	// the source, so its name is enough, not where the source lay.
	if pgo := s["-pgo"]; pgo != "" {
		fmt.Fprintf(h, "-pgo=%s\n", filepath.Base(pgo))
	}
	return hex.EncodeToString(h.Sum(nil))[:16], true
}

// executableIdentity is the start of the SHA-256 of the running
// executable's file.
func executableIdentity() string {
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err = io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))[:16]
			}
		}
	}
	return "unknown-" + Version()
}
