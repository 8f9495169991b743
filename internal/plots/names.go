package plots

import (
	"strings"

	"commonwealth/internal/scenario"
)

// The names of axes in words, with units: a metric or a key says what it
// is in a clause of its documentation ("Gini coefficient of wealth"), its
// name standing in where that clause is too long for an axis. A key's
// documentation may start with the rules it applies to ("saving: fraction
// λ of their money..."): the clause is what follows them.

// maxAxisWords bounds the words taken from a documentation for an axis.
const maxAxisWords = 72

// metricAxis names the axis of a metric of sc: its meaning in words, then
// its unit.
func metricAxis(sc *scenario.Scenario, name string) string {
	for _, m := range sc.Run().Metrics() {
		if m.Name == name {
			return withUnit(firstClause(m.Doc, name), m.Unit)
		}
	}
	return name
}

// keyAxis names the axis of a scenario key: the key, its meaning in words
// where short, and its unit.
func keyAxis(path string) string {
	for _, k := range scenario.Keys {
		if k.Path == path {
			label := path
			doc, _, _ := strings.Cut(k.Doc, "(")
			if _, after, ok := strings.Cut(doc, ": "); ok {
				doc = after
			}
			if c := firstClause(doc, ""); c != "" {
				label += ": " + c
			}
			return withUnit(label, k.Unit)
		}
	}
	return path
}

// firstClause returns doc up to its first parenthesis, colon or
// semicolon, or otherwise when that is longer than an axis holds.
func firstClause(doc, otherwise string) string {
	if i := strings.IndexAny(doc, "(;:"); i >= 0 {
		doc = doc[:i]
	}
	doc = strings.TrimSpace(doc)
	if doc == "" || len(doc) > maxAxisWords {
		return otherwise
	}
	return doc
}

// withUnit appends the unit in parentheses, where there is one.
func withUnit(label, unit string) string {
	if unit == "" {
		return label
	}
	return label + " (" + unit + ")"
}
