package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"commonwealth/internal/batch"
	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/plots"
	"commonwealth/internal/report"
	"commonwealth/internal/scenario"
)

// sweepPoints applies the --sweep and --metric flags (which replace the
// scenario's [[sweep]] blocks) and lists the points to run.
func sweepPoints(sc *scenario.Scenario, specs, ms []string, d scenario.Design) ([]batch.Point, error) {
	sc.Design = d
	if len(specs) > 0 {
		sc.Sweeps = nil
		for _, spec := range specs {
			sw, err := scenario.ParseSweepFlag(spec, sc, ms)
			if err != nil {
				return nil, err
			}
			sc.Sweeps = append(sc.Sweeps, sw)
		}
	} else if len(ms) > 0 {
		for i := range sc.Sweeps {
			sc.Sweeps[i].Metrics = ms
		}
	}
	if len(sc.Sweeps) == 0 {
		return nil, fmt.Errorf("%s: nothing to sweep; add a [[sweep]] block or --sweep key=from:to:step", sc.File)
	}
	for i := range sc.Sweeps {
		for j := range i {
			if sc.Sweeps[i].Key == sc.Sweeps[j].Key {
				return nil, fmt.Errorf("--sweep: %s is swept twice", sc.Sweeps[i].Key)
			}
		}
	}
	if err := sc.CheckSweepTimes(); err != nil {
		return nil, err
	}
	return batch.Points(sc)
}

// writeSweepOutputs writes sweep.csv, sweep_timeseries.csv (every `every`
// months; none for 0), with --people sweep_people.csv — .parquet in that
// format —, the sweep's plots, the report and the manifest.
func writeSweepOutputs(out *batch.Folder, st plots.Style, format batch.Format, sc *scenario.Scenario, ps []batch.Point, every int) ([]string, error) {
	name := format.File("sweep")
	if err := out.Write(name, func(w io.Writer) error { return batch.WriteSweep(w, format, sc, ps) }); err != nil {
		return nil, err
	}
	files := []string{name}
	if every > 0 {
		name := format.File("sweep_timeseries")
		err := out.Write(name, func(w io.Writer) error { return batch.WriteSweepTimeseries(w, format, sc, ps, every) })
		if err != nil {
			return nil, err
		}
		files = append(files, name)
	}
	if ps[0].Results[0].People != nil {
		name := format.File("sweep_people")
		if err := out.Write(name, func(w io.Writer) error { return batch.WriteSweepPeople(w, format, sc, ps) }); err != nil {
			return nil, err
		}
		files = append(files, name)
	}
	figs, err := plots.WriteSweep(out, st, sc, ps)
	files = append(files, figs...)
	if err != nil {
		return files, err
	}
	files = append(files, "report.html")
	m := out.Manifest(sc, files)
	for _, p := range ps {
		m.Stopped = append(m.Stopped, batch.Stops(p.Scenario, p.Values, p.Results)...)
	}
	page := report.New(sc, nil, nil, m, nil)
	page.AddFigures(figs, func(f string) string {
		return fmt.Sprintf("%s against %s.", strings.TrimSuffix(strings.TrimPrefix(f, "sweep_"), filepath.Ext(f)), sweptKeys(sc))
	})
	page.Tables = sweepTables(sc, ps)
	if err := out.Write("report.html", func(w io.Writer) error { return page.Write(w, out.Read) }); err != nil {
		return files, err
	}
	return append(files, batch.ManifestFile), out.Commit(m)
}

func sweptKeys(sc *scenario.Scenario) string {
	var keys []string
	for _, sw := range sc.Sweeps {
		keys = append(keys, sw.Key)
	}
	return strings.Join(keys, " and ")
}

// sweepTables gives, per metric, the mean and 95% interval at every point
// for every arm.
func sweepTables(sc *scenario.Scenario, ps []batch.Point) []report.Table {
	var tables []report.Table
	sw0 := sc.Sweeps[0]
	for _, metric := range sw0.Metrics {
		t := report.Table{Caption: fmt.Sprintf("%s %s: mean over %d seeds [95%% interval]", metric, sw0.When(), sc.Run().Seeds)}
		for _, sw := range sc.Sweeps {
			t.Head = append(t.Head, sw.Key)
		}
		for _, a := range sc.Arms {
			t.Head = append(t.Head, a.Name)
		}
		for i := range ps {
			row := append([]string(nil), ps[i].Values...)
			for a := range sc.Arms {
				mean, lo, hi := interval.MeanCI(ps[i].Metric(a, sw0.Moment, metric), 0.95)
				row = append(row, fmt.Sprintf("%.4g [%.4g, %.4g]", mean, lo, hi))
			}
			t.Rows = append(t.Rows, row)
		}
		tables = append(tables, t)
	}
	return tables
}
