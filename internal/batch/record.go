package batch

import (
	"strconv"
	"strings"

	"commonwealth/internal/cli"
	"commonwealth/internal/scenario"
)

// Design is how a batch chose what to run, as the manifest records it:
// enough, with the scenario's source, to run the same batch again.
type Design struct {
	Kind   string      `json:"kind"`             // "arms" (every arm with every seed), "sweep" or "robust"
	Arms   []string    `json:"arms,omitempty"`   // the arms --arm chose, when not every arm runs
	Keys   []DesignKey `json:"keys,omitempty"`   // the swept keys, or a robust check's uncertain keys
	LHS    int         `json:"lhs,omitempty"`    // points drawn by a Latin hypercube (0: every combination of the values)
	Points [][]string  `json:"points,omitempty"` // each point's values in the order of keys (robust: each drawn set)
}

// DesignKey is a key a sweep varies or a robust check draws.
type DesignKey struct {
	Key     string   `json:"key"`
	Values  []string `json:"values,omitempty"` // the values, as --set takes them (none for a range a hypercube draws from)
	From    *float64 `json:"from,omitempty"`   // the range, when given as one
	To      *float64 `json:"to,omitempty"`
	Log     bool     `json:"log,omitempty"`     // drawn uniformly on a log scale
	Metrics []string `json:"metrics,omitempty"` // what a sweep plots against it
	When    string   `json:"when,omitempty"`    // when a sweep reads its metrics
	Source  string   `json:"source"`            // where it was given: file:line, or "--sweep"
}

// Design returns the plan's design.
func (p *Plan) Design() Design {
	d := Design{Kind: "arms", Arms: ChosenArms(p.Scenario.Sets)}
	var sweeps []scenario.Sweep
	switch p.Kind {
	case Sweep:
		d.Kind, sweeps, d.LHS = "sweep", p.Scenario.Sweeps, p.Scenario.Design.LHS
	case Robust:
		d.Kind, sweeps, d.LHS = "robust", p.Scenario.RobustSweeps(), len(p.Points)-1
	}
	for _, sw := range sweeps {
		k := DesignKey{Key: sw.Key, Values: sw.Values, Log: sw.Log, Source: sw.File}
		if sw.Ranged {
			k.From, k.To = &sw.From, &sw.To
		}
		if sw.Line > 0 {
			k.Source = sw.File + ":" + strconv.Itoa(sw.Line)
		}
		if p.Kind == Sweep {
			k.Metrics, k.When = sw.Metrics, sw.When()
		}
		d.Keys = append(d.Keys, k)
	}
	for _, pt := range p.Points {
		if pt.Values != nil {
			d.Points = append(d.Points, pt.Values)
		}
	}
	return d
}

// ChosenArms returns the arms --arm chose among sets (--arm NAME travels as
// the set arm=NAME).
func ChosenArms(sets []string) []string {
	var arms []string
	for _, s := range sets {
		if name, ok := strings.CutPrefix(s, "arm="); ok {
			arms = append(arms, name)
		}
	}
	return arms
}

// keySets returns sets without the arm choices: the --set flags as given.
func keySets(sets []string) []string {
	var out []string
	for _, s := range sets {
		if !strings.HasPrefix(s, "arm=") {
			out = append(out, s)
		}
	}
	return out
}

// CommandLine returns the command as given, quoted for a shell.
func (m Manifest) CommandLine() string { return cli.Line(append([]string{"headless"}, m.Args...)) }
