package batch

import (
	"context"
	"io"
	"slices"

	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// Point is one combination of swept values, its scenario and its results.
type Point struct {
	Values   []string // one per sweep, in the order of sc.Sweeps
	Scenario *scenario.Scenario
	Results  []Result // ordered by arm, then seed
}

// Points lists the sweep's points, each with the scenario it runs: the
// original with the values set for every arm, as --set would. A full grid
// has every combination of the sweeps' values (the first sweep varying
// slowest); a Latin hypercube design draws its points from the sweeps'
// ranges (or lists), the same for the same scenario.
func Points(sc *scenario.Scenario) ([]Point, error) {
	if err := scenario.CheckSweeps(sc.Sweeps, sc.Design); err != nil {
		return nil, err
	}
	combos := [][]string{nil}
	if n := sc.Design.LHS; n > 0 {
		combos = nil
		for _, row := range UnitHypercube(n, len(sc.Sweeps), sc.Run().Seed) {
			var c []string
			for j := range sc.Sweeps {
				c = append(c, sc.Sweeps[j].Value(scenario.Lookup(sc.Sweeps[j].Key), row[j]))
			}
			combos = append(combos, c)
		}
	}
	for _, sw := range sc.Sweeps {
		if sc.Design.LHS > 0 {
			break
		}
		var next [][]string
		for _, c := range combos {
			for _, v := range sw.Values {
				next = append(next, append(append([]string(nil), c...), v))
			}
		}
		combos = next
	}
	var ps []Point
	for _, vals := range combos {
		sets := append([]string(nil), sc.Sets...)
		for i, sw := range sc.Sweeps {
			sets = append(sets, sw.Key+"="+vals[i])
		}
		psc, err := scenario.Parse(sc.File, []byte(sc.Source), sets)
		if err != nil {
			return nil, err
		}
		psc.PeopleEvery = sc.PeopleEvery
		ps = append(ps, Point{Values: vals, Scenario: psc})
	}
	return ps, nil
}

// RunPoints runs the points one after another, each on every worker, and
// hands each point's results to each as it ends — so that a caller who
// needs only what it makes of them (a robust check's verdicts) holds one
// point's runs at a time. Runs go to the store as they end; a Shard runs
// its share of the runs of all the points.
func RunPoints(ctx context.Context, ps []Point, opt Options, each func(i int, rs []Result) error) error {
	offset := 0
	for i := range ps {
		sc := ps[i].Scenario
		opt.offset = offset
		offset += len(sc.Arms) * sc.Run().Seeds
		rs, err := Run(ctx, sc, opt)
		if err != nil {
			return err
		}
		if err := each(i, rs); err != nil {
			return err
		}
	}
	return nil
}

// At returns a metric of a run at a moment: at one month, or the mean over
// the moment's months (scenario.Moment.Rows).
func At(r *Result, m scenario.Moment, metric string) float64 {
	from, to := m.Rows(len(r.Series.Rows))
	return metrics.MeanColumn(r.Series.Rows[from:to], r.Series.Column(metric))
}

// WriteSweep writes sweep.csv: a row per point, arm and seed with every
// metric at the sweep's moment, the swept keys' values and those of the
// keys --set gave as columns.
func WriteSweep(w io.Writer, f Format, sc *scenario.Scenario, ps []Point) error {
	moment := sc.Sweeps[0].Moment
	return writePoints(w, f, sc, ps, metricColumns(ps), func(t table, lead func(), r *Result) {
		lead()
		for _, n := range r.Series.Names {
			t.Float(At(r, moment, n))
		}
		t.End()
	})
}

// WriteSweepTimeseries writes sweep_timeseries.csv in long format: a row
// per point, arm, seed and kept month — month 0, every `every` months, and
// the last — with the swept values and the --set keys as columns.
func WriteSweepTimeseries(w io.Writer, f Format, sc *scenario.Scenario, ps []Point, every int) error {
	tail := append([]Column{{"month", Integer}}, metricColumns(ps)...)
	return writePoints(w, f, sc, ps, tail, func(t table, lead func(), r *Result) {
		last := len(r.Series.Months) - 1
		for i, row := range r.Series.Rows {
			if r.Series.Months[i]%every != 0 && i != last {
				continue
			}
			lead()
			t.Int(int64(r.Series.Months[i]))
			for _, x := range row {
				t.Float(x)
			}
			t.End()
		}
	})
}

// WriteSweepPeople writes sweep_people.csv: with --people, people.csv's
// rows for every point, with the swept values and the --set keys as
// columns. Nothing when the runs kept no per-person series.
func WriteSweepPeople(w io.Writer, f Format, sc *scenario.Scenario, ps []Point) error {
	if ps[0].Results[0].People == nil {
		return nil
	}
	return writePoints(w, f, sc, ps, personColumns(ps[0].Results[0].People.Names), func(t table, lead func(), r *Result) {
		personRows(t, r, lead)
	})
}

// metricColumns are the columns of the metrics the points' runs measured.
func metricColumns(ps []Point) []Column {
	var cols []Column
	for _, n := range ps[0].Results[0].Series.Names {
		cols = append(cols, Column{n, Real})
	}
	return cols
}

// writePoints writes a sweep's table: the swept keys, the --set keys, arm,
// seed, then the columns tail; each writes a run's rows, calling lead to
// write the cells before tail.
func writePoints(w io.Writer, f Format, sc *scenario.Scenario, ps []Point, tail []Column, each func(t table, lead func(), r *Result)) error {
	var keys []string
	for _, sw := range sc.Sweeps {
		keys = append(keys, sw.Key)
	}
	for _, k := range setKeys(sc) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	cols := armLead(ps[0].Scenario, keys)[1:]
	cols = append(append(cols, Column{"arm", Text}, Column{"seed", Integer}), tail...)
	return writeTable(w, f, cols, func(t table) {
		for _, p := range ps {
			ak := newArmKeys(p.Scenario, keys)
			for j := range p.Values { // the swept values as given
				for a := range ak.texts {
					ak.texts[a][j] = p.Values[j]
				}
			}
			for i := range p.Results {
				r := &p.Results[i]
				lead := func() {
					ak.values(t, r.Arm)
					t.Text(ak.names[r.Arm])
					t.Int(int64(r.Seed))
				}
				each(t, lead, r)
			}
		}
	})
}
