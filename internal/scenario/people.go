package scenario

import (
	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
)

// The per-person quantities of Variables, read from a month's snapshot:
// what a scenario's own metrics compute over and what `--every N --people`
// writes, one reader for both.

// PersonVariables returns the names of the per-person quantities the
// settings' model measures, in the order of Variables.
func PersonVariables(s Settings) []string { return variablesFor(s.Model, s.AI.Enabled) }

// Integral reports whether the per-person quantity name is a whole number
// (money units, a community's number, a class's code) rather than a real
// one.
func Integral(name string) bool { return name != "skill" }

// PeopleBytes is what one run's per-person series (--every N --people),
// kept every `every` months (0: none), holds in memory: a number per
// person, quantity and kept month.
func PeopleBytes(s Settings, every int) int64 {
	if every <= 0 {
		return 0
	}
	return (int64(s.Months/every) + 2) * int64(s.People) * int64(len(PersonVariables(s))) * 8
}

// AppendPerson appends to dst the per-person quantity name of everyone in
// s, in person order, and returns it: money as a number of units, skill as
// it is, community numbered from 1, class as its agents.Class code
// (ClassName gives its word). A quantity s does not measure appends nothing.
func AppendPerson(dst []float64, name string, s *economy.Snapshot) []float64 {
	switch name {
	case "wealth":
		return appendFloats(dst, s.Wealth)
	case "income":
		return appendFloats(dst, s.Income)
	case "class":
		for _, c := range s.ClassOf {
			dst = append(dst, float64(c))
		}
		return dst
	}
	if s.AI == nil {
		return dst
	}
	switch name {
	case "spending":
		return appendFloats(dst, s.AI.Spent)
	case "skill":
		return appendFloats(dst, s.AI.Skill)
	case "community":
		for k, c := range s.AI.Communities {
			for range c.End - c.First {
				dst = append(dst, float64(k+1))
			}
		}
	}
	return dst
}

func appendFloats[T int64 | float32](dst []float64, xs []T) []float64 {
	for _, x := range xs {
		dst = append(dst, float64(x))
	}
	return dst
}

// ClassName is the word for a person's class: "worker", "capitalist" or
// "unemployed", as expressions compare it and tables write it.
func ClassName(c agents.Class) string {
	switch c {
	case agents.Worker:
		return "worker"
	case agents.Capitalist:
		return "capitalist"
	}
	return "unemployed"
}
