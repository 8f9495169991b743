package report

import (
	"fmt"
	"strings"

	"commonwealth/internal/batch"
	"commonwealth/internal/numfmt"
)

// commandText is the command as given, or, for a manifest without it,
// the command and its --set flags.
func commandText(m batch.Manifest) string {
	if len(m.Args) > 0 {
		return m.Line
	}
	parts := []string{"headless", m.Command}
	for _, s := range m.Sets {
		parts = append(parts, "--set", s)
	}
	return strings.Join(parts, " ")
}

// designText says in words what a batch ran beyond every arm with every
// seed: the arms --arm chose, and the keys a sweep varied or a robust check
// drew, with how its points were chosen. It is "" for a plain batch of
// every arm.
func designText(d batch.Design) string {
	var parts []string
	if len(d.Arms) > 0 {
		parts = append(parts, "only the arm(s) "+strings.Join(d.Arms, ", ")+" (--arm)")
	}
	var keys []string
	for _, k := range d.Keys {
		keys = append(keys, keyText(k))
	}
	switch d.Kind {
	case "sweep":
		how := "every combination of their values"
		if d.LHS > 0 {
			how = fmt.Sprintf("%d points of a Latin hypercube over their ranges", d.LHS)
		}
		parts = append(parts, fmt.Sprintf("a sweep of %s: %d point(s), %s", strings.Join(keys, "; "), len(d.Points), how))
	case "robust":
		parts = append(parts, fmt.Sprintf("a robust check: the scenario as written, then %d set(s) of its uncertain keys drawn by a Latin hypercube: %s", d.LHS, strings.Join(keys, "; ")))
	}
	return strings.Join(parts, "; ")
}

// keyText is one swept or drawn key, with its values or range.
func keyText(k batch.DesignKey) string {
	s := k.Key
	switch {
	case k.From != nil && k.To != nil:
		s += fmt.Sprintf(" from %s to %s", numfmt.Number(*k.From), numfmt.Number(*k.To))
		if k.Log {
			s += " (log scale)"
		}
	case len(k.Values) > 0:
		s += " = " + strings.Join(k.Values, ", ")
	}
	if k.Source != "" {
		s += " (" + k.Source + ")"
	}
	return s
}
