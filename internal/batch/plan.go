package batch

import (
	"context"

	"commonwealth/internal/scenario"
)

// Kind is what a plan runs.
type Kind int

// The kinds of plan.
const (
	Plain  Kind = iota // one scenario: its arms × seeds
	Sweep              // a sweep's points: the scenario with each combination of swept values
	Robust             // the scenario as written, then sets of its uncertain keys
)

// Plan is a batch of any kind as one list of points (a plain batch is one
// point, a robust check the scenario as written and then its drawn sets),
// so that running it (Run), gathering it from shards' stores (Gather) and
// handing it to the writers (Results, Points) is one path for every kind.
type Plan struct {
	Kind     Kind
	Scenario *scenario.Scenario // the scenario as given (for a sweep, with its sweeps)
	Points   []Point
	Every    int    // a sweep's sweep_timeseries.csv: months between rows (0: none)
	Tables   Format // the tables' format (CSV when empty)

	// Each, when set, is given each point's results as the point
	// completes (a robust check judges its claims there).
	Each func(i int, rs []Result) error
}

// NewPlan returns a plain plan of sc; a sweep's or a robust check's when
// points are given (a robust check's first point is sc itself).
func NewPlan(kind Kind, sc *scenario.Scenario, points []Point) *Plan {
	if kind == Plain {
		points = []Point{{Scenario: sc}}
	}
	return &Plan{Kind: kind, Scenario: sc, Points: points}
}

// Runs returns how many runs the plan holds, or, with a shard, how many
// are the shard's.
func (p *Plan) Runs(shard Shard) int {
	n := 0
	for _, pt := range p.Points {
		n += len(pt.Scenario.Arms) * pt.Scenario.Run().Seeds
	}
	if shard.Of > 0 {
		return (n - shard.I + shard.Of) / shard.Of
	}
	return n
}

// Largest returns the point whose worlds are largest, for the memory
// guard.
func (p *Plan) Largest() *scenario.Scenario {
	big := p.Points[0].Scenario
	for _, pt := range p.Points {
		if pt.Scenario.Run().People > big.Run().People {
			big = pt.Scenario
		}
	}
	return big
}

// Results returns the runs of the scenario itself: a plain batch's, or a
// robust check's scenario as written.
func (p *Plan) Results() []Result { return p.Points[0].Results }

// keep holds a point's results — all of a sweep's, only the first of a
// robust check's, which needs no more than one set's runs at a time — and
// hands them to Each.
func (p *Plan) keep(i int, rs []Result) error {
	if p.Kind != Robust || i == 0 {
		p.Points[i].Results = rs
	}
	if p.Each != nil {
		return p.Each(i, rs)
	}
	return nil
}

// Run runs every point of the plan (with a Shard, its share of them), the
// runs going to the store as they end.
func (p *Plan) Run(ctx context.Context, opt Options) error {
	return RunPoints(ctx, p.Points, opt, p.keep)
}

// Gather collects every run of every point from the stores (the runs/
// folders of shards), naming any missing.
func (p *Plan) Gather(stores []*Store) error {
	for i := range p.Points {
		rs, err := Gather(p.Points[i].Scenario, stores)
		if err != nil {
			return err
		}
		if err := p.keep(i, rs); err != nil {
			return err
		}
	}
	return nil
}
