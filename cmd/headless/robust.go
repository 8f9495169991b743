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

// robustRun is a robust check: the scenario as written (point 0), then
// sets of its uncertain keys drawn by a Latin hypercube, each run whole and
// its claims judged as it ends, so that only one set's runs are held at a
// time.
type robustRun struct {
	keys     []string
	points   []batch.Point
	base     []batch.Result      // the runs of the scenario as written
	verdicts [][]claims.Verdict  // per drawn set, every claim's verdict
	x        [][]float64         // per drawn set, the uncertain keys' values
	rob      []claims.Robustness // per claim, once every set is judged
	shard    bool                // a shard runs a share of the runs and judges nothing
}

// newRobust lists the points of a robust check of sc with n drawn sets.
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
	rr := &robustRun{points: append([]batch.Point{{Scenario: sc}}, ps...), shard: shard}
	for _, u := range sc.Uncertain {
		rr.keys = append(rr.keys, u.Key)
	}
	return rr, nil
}

// take judges one point's runs as they end (keeping the scenario's own).
func (rr *robustRun) take(i int, rs []batch.Result) error {
	if rr.shard {
		return nil
	}
	if i == 0 {
		rr.base = rs
		return nil
	}
	p := rr.points[i]
	vs, err := claims.Judge(p.Scenario, rs)
	if err != nil {
		return err
	}
	row := make([]float64, len(p.Values))
	for k, v := range p.Values {
		row[k], _ = strconv.ParseFloat(v, 64)
	}
	rr.verdicts, rr.x = append(rr.verdicts, vs), append(rr.x, row)
	if len(rr.verdicts) == len(rr.points)-1 {
		rr.rob = claims.Robust(rr.verdicts, rr.keys, rr.x)
	}
	return nil
}

// largest is the point whose worlds are largest, for the memory guard.
func (rr *robustRun) largest() *scenario.Scenario {
	big := rr.points[0].Scenario
	for _, p := range rr.points {
		if p.Scenario.Run().People > big.Run().People {
			big = p.Scenario
		}
	}
	return big
}

// write writes robust.csv, robust_influence.csv and a plot per claim, and
// returns their names.
func (rr *robustRun) write(out *batch.Folder, format string, sc *scenario.Scenario) ([]string, error) {
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
	figs, err := plots.WriteRobust(out, format, sc, rr.keys, rr.x, rr.verdicts, rr.rob)
	return append([]string{"robust.csv", "robust_influence.csv"}, figs...), err
}
