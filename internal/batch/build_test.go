package batch

import (
	"runtime/debug"
	"testing"
)

// cleanBuild is the build information of a clean checkout's build.
func cleanBuild(extra ...debug.BuildSetting) *debug.BuildInfo {
	bi := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "commonwealth", Version: "(devel)"},
		Deps:      []*debug.Module{{Path: "gonum.org/v1/gonum", Version: "v0.17.0", Sum: "h1:abc="}},
		Settings: []debug.BuildSetting{
			{Key: "GOARCH", Value: "amd64"}, {Key: "GOAMD64", Value: "v1"},
			{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "118f9acf37c9f06981b3707fb36730e2d6a23618"},
			{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "false"},
		},
	}
	bi.Settings = append(bi.Settings, extra...)
	return bi
}

// TestBuildIdentity checks that builds of the same source share an
// identity whatever they differ in that cannot change a result, and that
// anything that can change one changes it.
func TestBuildIdentity(t *testing.T) {
	base, ok := sourceIdentity(cleanBuild())
	if !ok {
		t.Fatal("a clean checkout's build has no source identity")
	}
	same := map[string]*debug.BuildInfo{
		"-ldflags and -trimpath": cleanBuild(debug.BuildSetting{Key: "-ldflags", Value: "-s -w"}, debug.BuildSetting{Key: "-trimpath", Value: "true"}),
		"cgo":                    cleanBuild(debug.BuildSetting{Key: "CGO_ENABLED", Value: "0"}),
	}
	later := cleanBuild()
	later.Settings[4].Value = "2026-12-02T10:00:00Z" // the same revision, stamped another time
	same["vcs.time"] = later
	pgo := cleanBuild(debug.BuildSetting{Key: "-pgo", Value: "/home/a/commonwealth/cmd/headless/default.pgo"})
	pgoID, _ := sourceIdentity(pgo)
	if id, _ := sourceIdentity(cleanBuild(debug.BuildSetting{Key: "-pgo", Value: "/scratch/node7/src/cmd/headless/default.pgo"})); id != pgoID {
		t.Errorf("the same profile in another folder: identity %q, want %q", id, pgoID)
	}
	for what, bi := range same {
		if id, ok := sourceIdentity(bi); !ok || id != base {
			t.Errorf("a build differing in %s: identity %q (%v), want %q", what, id, ok, base)
		}
	}
	differ := map[string]*debug.BuildInfo{
		"-tags":        cleanBuild(debug.BuildSetting{Key: "-tags", Value: "display"}),
		"-gcflags":     cleanBuild(debug.BuildSetting{Key: "-gcflags", Value: "-N -l"}),
		"GOEXPERIMENT": cleanBuild(debug.BuildSetting{Key: "GOEXPERIMENT", Value: "nocoverageredesign"}),
		"-pgo":         pgo, // against none (-pgo=off)
	}
	for i, key := range map[int]string{0: "GOARCH", 1: "GOAMD64", 3: "vcs.revision"} {
		bi := cleanBuild()
		bi.Settings[i].Value += "x"
		differ[key] = bi
	}
	toolchain := cleanBuild()
	toolchain.GoVersion = "go1.26.9"
	differ["Go version"] = toolchain
	dep := cleanBuild()
	dep.Deps = []*debug.Module{{Path: "gonum.org/v1/gonum", Version: "v0.16.0", Sum: "h1:def="}}
	differ["a dependency"] = dep
	released := cleanBuild()
	released.Main.Version = "v1.2.0"
	differ["a module version"] = released
	for what, bi := range differ {
		if id, ok := sourceIdentity(bi); !ok || id == base {
			t.Errorf("a build differing in %s: identity %q (%v), want one other than %q", what, id, ok, base)
		}
	}
	dirty := cleanBuild()
	dirty.Settings[5].Value = "true"
	bare := cleanBuild()
	bare.Settings = bare.Settings[:2] // -buildvcs=false: no revision
	for what, bi := range map[string]*debug.BuildInfo{"uncommitted changes": dirty, "no revision": bare} {
		if id, ok := sourceIdentity(bi); ok {
			t.Errorf("a build with %s has a source identity %q; want its executable's", what, id)
		}
	}
}
