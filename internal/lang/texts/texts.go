// Package texts holds the message files of the languages a class can be
// taught in, one a language (CODE.toml), for package lang to read. It is
// apart from lang so that a program can name its languages (in its usage)
// without importing what reads them: the window's start-up must run before
// any graphics package starts.
package texts

import (
	"embed"
	"strings"
)

// Files are the message files, CODE.toml each.
//
//go:embed *.toml
var Files embed.FS

// Codes returns the languages' codes ("en", "es"), in order.
func Codes() []string {
	entries, err := Files.ReadDir(".")
	if err != nil {
		panic(err) // embedded: cannot fail in a built program
	}
	var cs []string
	for _, e := range entries {
		cs = append(cs, strings.TrimSuffix(e.Name(), ".toml"))
	}
	return cs
}
