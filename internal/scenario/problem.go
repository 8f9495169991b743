// Package scenario reads scenarios: TOML files (or embedded ones) naming a
// model, its parameters and its arms, checked strictly against a registry of
// keys. Every problem found is reported at once, each with its file, line and
// key, what was expected and, where one is close, a suggestion.
package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a scenario or a --set flag.
type Problem struct {
	File string // file name, "--set", or "" for the command line as a whole
	Line int    // 1-based; 0 when unknown
	Key  string // the key path, with the arm when in one: arm[2].exchange.rule
	Msg  string // what is wrong and what was expected
	Hint string // a suggestion, or ""
}

// String formats the problem as file:line: key: message; hint.
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Key != "" {
		b.WriteString(printable(p.Key))
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString("; ")
		b.WriteString(p.Hint)
	}
	return b.String()
}

// Problems is every problem found in one scenario, in the order of the file.
// As an error it prints one problem a line.
type Problems []Problem

// MaxShown is how many problems an error prints; the rest are counted.
const MaxShown = 30

// Error joins the problems, one a line, the first MaxShown of them.
func (ps Problems) Error() string {
	lines := make([]string, 0, min(len(ps), MaxShown)+1)
	for _, p := range ps[:min(len(ps), MaxShown)] {
		lines = append(lines, p.String())
	}
	if len(ps) > MaxShown {
		lines = append(lines, fmt.Sprintf("… and %d more problems", len(ps)-MaxShown))
	}
	return strings.Join(lines, "\n")
}

// printable returns s, quoted when it holds characters a terminal would
// not show as themselves (control characters, invalid UTF-8).
func printable(s string) string {
	for _, r := range s {
		if !unicode.IsPrint(r) || r == utf8.RuneError {
			return strconv.Quote(s)
		}
	}
	return s
}

// err returns ps as an error, or nil when there is no problem.
func (ps Problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// sorted returns the problems in file order, --set flags last, without
// repeats (a check made for every arm can fail the same way in each).
func (ps Problems) sorted() Problems {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(isFlag(a), isFlag(b)), cmp.Compare(a.Line, b.Line))
	})
	return slices.Compact(out)
}

func isFlag(p Problem) int {
	if p.File == "--set" {
		return 1
	}
	return 0
}
