package main

import (
	"fmt"
	"io"
	"strconv"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/plots"
	"commonwealth/internal/scenario"
)

// robustRun is a robust check: its plan (the scenario as written, then
// sets of its uncertain keys drawn by a Latin hypercube, each run whole),
// and the claims' verdicts at each set, judged as the set's runs end so
// that only one set's runs are held at a time.
type robustRun struct {
	keys     []string
	plan     *batch.Plan
	verdicts [][]claims.Verdict  // per drawn set, every claim's verdict
	x        [][]float64         // per drawn set, the uncertain keys' values
	rob      []claims.Robustness // per claim, once every set is judged
}

// newRobust plans a robust check of sc with n drawn sets; a shard runs its
// share of the runs and judges nothing.
func newRobust(sc *scenario.Scenario, n int, shard bool) (*robustRun, error) {
	if len(sc.Uncertain) == 0 {
		return nil, fmt.Errorf("%s: --robust needs [[uncertain]] keys to draw (see docs/testing-claims.md)", sc.File)
	}
	drawn := *sc
	drawn.Sweeps, drawn.Design = sc.RobustSweeps(), scenario.Design{LHS: n}
	ps, err := batch.Points(&drawn)
	if err != nil {
		return nil, err
	}
	rr := &robustRun{plan: batch.NewPlan(batch.Robust, sc, append([]batch.Point{{Scenario: sc}}, ps...))}
	if !shard {
		rr.plan.Each = rr.take
	}
	for _, u := range sc.Uncertain {
		rr.keys = append(rr.keys, u.Key)
	}
	return rr, nil
}

// take judges one drawn set's runs as they end (the plan keeps the
// scenario's own).
func (rr *robustRun) take(i int, rs []batch.Result) error {
	if i == 0 {
		return nil
	}
	p := rr.plan.Points[i]
	vs, err := claims.Judge(p.Scenario, rs)
	if err != nil {
		return err
	}
	row := make([]float64, len(p.Values))
	for k, v := range p.Values {
		row[k], _ = strconv.ParseFloat(v, 64)
	}
	rr.verdicts, rr.x = append(rr.verdicts, vs), append(rr.x, row)
	if len(rr.verdicts) == len(rr.plan.Points)-1 {
		rr.rob = claims.Robust(rr.verdicts, rr.keys, rr.x)
	}
	return nil
}

// write writes robust.csv, robust_influence.csv and a plot per claim, and
// returns their names.
func (rr *robustRun) write(out *batch.Folder, st plots.Style, sc *scenario.Scenario) ([]string, error) {
	err := out.Write("robust.csv", func(w io.Writer) error { return claims.WriteRobustCSV(w, rr.keys, rr.x, rr.verdicts) })
	if err != nil {
		return nil, err
	}
	var numbers []int
	for _, c := range sc.Claims {
		numbers = append(numbers, c.Number)
	}
	err = out.Write("robust_influence.csv", func(w io.Writer) error { return claims.WriteInfluenceCSV(w, numbers, rr.rob) })
	if err != nil {
		return nil, err
	}
	figs, err := plots.WriteRobust(out, st, sc, rr.keys, rr.x, rr.verdicts, rr.rob)
	return append([]string{"robust.csv", "robust_influence.csv"}, figs...), err
}
