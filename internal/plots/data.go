package plots

import (
	"commonwealth/internal/batch"
	"commonwealth/internal/scenario"
)

// arm is one arm's results, gathered for drawing.
type arm struct {
	name  string
	color int
	runs  []batch.Result
}

// byArm groups results by arm, in the scenario's order.
func byArm(sc *scenario.Scenario, rs []batch.Result) []arm {
	arms := make([]arm, len(sc.Arms))
	for i, a := range sc.Arms {
		arms[i] = arm{name: a.Name, color: i}
	}
	for _, r := range rs {
		arms[r.Arm].runs = append(arms[r.Arm].runs, r)
	}
	return arms
}

// wealth returns the final wealth of everyone in every run of the arm.
func (a arm) wealth() []float64 {
	var w []float64
	for _, r := range a.runs {
		for _, m := range r.Final.Wealth {
			w = append(w, float64(m))
		}
	}
	return w
}
