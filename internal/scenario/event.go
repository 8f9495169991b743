package scenario

import (
	"fmt"
	"math"
	"slices"
)

// Event happens at the start of a month: it sets keys in one arm or all,
// shows a caption and, with a question, pauses the window and asks the
// class to predict; with a vote, a class hosted by the window decides
// whether its keys are set. Events run in headless runs too, so the window and the
// tables show the same numbers.
type Event struct {
	Month    int
	Arm      string // "" for every arm
	Caption  string
	Question string
	Vote     string // a hosted class votes on this (yes applies the event's keys); without a class the keys apply
	Line     int
	sets     []assignment
}

// assignment is one key an event sets.
type assignment struct {
	key *Key
	v   value
}

var eventKeys = []string{"month", "arm", "set", "caption", "question", "vote"}

// Sets returns the keys the event sets, as key=value.
func (e *Event) Sets() []string {
	var out []string
	for _, a := range e.sets {
		out = append(out, a.key.Path+"="+valueText(a.key, a.v))
	}
	return out
}

// AppliesTo reports whether the event concerns the named arm.
func (e *Event) AppliesTo(arm string) bool { return e.Arm == "" || e.Arm == arm }

// Apply sets the event's keys in s.
func (e *Event) Apply(s *Settings) {
	for _, a := range e.sets {
		a.key.set(s, a.v)
	}
}

// SetLive sets a live key in s from text, as a slider or --set would, and
// returns a message when the key is not live or the value is bad.
func SetLive(s *Settings, path, text string) error {
	key := lookup(path)
	switch {
	case key == nil:
		return fmt.Errorf("%s: unknown key", path)
	case !key.Live:
		return fmt.Errorf("%s cannot change in a running world", path)
	}
	v, msg, hint := key.parse(text)
	if msg != "" {
		return fmt.Errorf("%s: %s; %s", path, msg, hint)
	}
	key.set(s, v)
	return nil
}

// LiveKeys returns the keys that can change in a running world.
func LiveKeys() []*Key {
	var ks []*Key
	for i := range Keys {
		if Keys[i].Live {
			ks = append(ks, &Keys[i])
		}
	}
	return ks
}

// eventLoader reads the [[event]] blocks.
type eventLoader struct {
	blocks
	l *loader
}

func (el *eventLoader) check(sc *Scenario) {
	var arms []string
	for _, a := range sc.Arms {
		arms = append(arms, a.Name)
	}
	for i := range el.tables {
		r := el.block(el.l, i)
		if el.l.droppedIn(r.t) != "" {
			continue // an event of an arm --arm leaves out
		}
		r.onlyKeys(eventKeys)
		e := Event{Line: el.starts[i]}
		var month float64
		if !r.num("month", &month) || month < 0 || month > math.MaxInt32 || month != math.Trunc(month) {
			r.bad("month", "an event needs the month it happens at, a whole number from 0", "for example month = 120")
		}
		e.Month = int(month)
		if months := sc.Run().Months; e.Month >= months {
			if el.l.flagged("months") {
				sc.Notes = append(sc.Notes, fmt.Sprintf("%s:%d: the event at month %d does not happen in a run of %d months", el.l.file, e.Line, e.Month, months))
			} else {
				r.bad("month", fmt.Sprintf("month %d is not in the run: it lasts months 0 to %d", e.Month, months-1), "move the event earlier, or run longer with months")
			}
		}
		if r.str("arm", &e.Arm) && !slices.Contains(arms, e.Arm) {
			r.bad("arm", fmt.Sprintf("unknown arm %q", e.Arm), didYouMeanOr(e.Arm, arms, "arms are "+quoteList(arms)))
		}
		r.str("caption", &e.Caption)
		r.str("question", &e.Question)
		if r.str("vote", &e.Vote) && !r.has("set") {
			r.bad("vote", "a vote decides whether the event's keys are set: the event needs set", `for example set = { "ownership.automation" = "commons" }`)
		}
		if v, ok := r.t["set"]; ok {
			t, isTable := v.(map[string]any)
			if !isTable {
				r.bad("set", "expected a table of keys, got "+describe(v), `for example set = { "exchange.saving" = 0.2 }`)
			}
			for _, leaf := range flatKeys(t, "") {
				path := leaf.path
				key := lookup(path)
				switch {
				case key == nil:
					r.bad("set."+path, "unknown key", r.l.hint(keyHint, path))
				case !key.Live:
					r.bad("set."+path, "cannot change in a running world", "`headless keys` marks the keys that can (LIVE)")
				default:
					val, msg, hint := key.convert(leaf.v)
					if msg != "" {
						r.bad("set."+path, msg, hint)
						continue
					}
					e.sets = append(e.sets, assignment{key, val})
				}
			}
		}
		if !r.has("set") && e.Caption == "" && e.Question == "" {
			r.bad("month", "the event does nothing: give it keys to set, a caption or a question", "")
		}
		sc.Events = append(sc.Events, e)
	}
	slices.SortStableFunc(sc.Events, func(a, b Event) int { return a.Month - b.Month })
	el.checkWages(sc)
}

// checkWages replays the events on each arm and reports wages that cross.
func (el *eventLoader) checkWages(sc *Scenario) {
	for _, a := range sc.Arms {
		s := a.Settings
		for _, e := range sc.Events {
			if !e.AppliesTo(a.Name) {
				continue
			}
			e.Apply(&s)
			if s.Capitalism.WageMin > s.Capitalism.WageMax {
				el.l.add(e.Line, "event", fmt.Sprintf("in arm %s from month %d, capitalism.wage_min = %d is above capitalism.wage_max = %d", a.Name, e.Month, s.Capitalism.WageMin, s.Capitalism.WageMax), "")
				break
			}
		}
	}
}

// leaf is a value in a nested table and its dotted path.
type leaf struct {
	path string
	v    any
}

// flatKeys lists the leaves of a nested table, sorted by path: both
// set = { "exchange.saving" = 0.2 } and set.exchange.saving = 0.2 give
// the path exchange.saving.
func flatKeys(t map[string]any, prefix string) []leaf {
	var out []leaf
	for _, k := range sortedKeys(t) {
		if sub, ok := t[k].(map[string]any); ok && lookup(prefix+k) == nil {
			out = append(out, flatKeys(sub, prefix+k+".")...)
			continue
		}
		out = append(out, leaf{prefix + k, t[k]})
	}
	return out
}
