package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/memory"
	"commonwealth/internal/metrics/interval"
	"commonwealth/internal/plots"
	"commonwealth/internal/report"
	"commonwealth/internal/scenario"
)

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return execute(ctx, "run", args, stdout, stderr)
}

// checkCmd runs a scenario like run, then judges its claims: exit status 0
// when every claim is supported, 1 otherwise.
func checkCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return execute(ctx, "check", args, stdout, stderr)
}

// execute runs a scenario and writes its outputs; for "check" it also
// judges the claims.
func execute(ctx context.Context, name string, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet(name, "[SCENARIO] [flags]", stderr)
	var sf scenarioFlags
	sf.register(fs)
	out := fs.String("o", "out-"+name, "write the outputs into `DIR` (created if missing)")
	force := fs.Bool("force", false, "replace the results of another kind of command in DIR (files this program did not write are never touched)")
	format := fs.String("format", "png", "plot file format: png, svg or pdf")
	workers := fs.Int("workers", 0, "runs at once (default: one per CPU; results do not depend on it)")
	check := fs.Bool("check-money", false, "check after every month that money is conserved (slower)")
	resume := fs.Bool("resume", false, "take up an interrupted batch: reuse the finished runs kept in DIR/runs")
	shardText := fs.String("shard", "", "run only share `i/n` of the runs, to merge later with headless merge")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the whole command to `FILE` (go tool pprof reads it)")
	var sweepSpecs, sweepMetrics sets
	var design scenario.Design
	every, robust := new(int), new(int)
	if name == "check" {
		robust = fs.Int("robust", 0, "also judge the claims at `N` sets of the scenario's [[uncertain]] keys, drawn by a Latin hypercube, and say how robust each verdict is")
	}
	if name == "sweep" {
		fs.Var(&sweepSpecs, "sweep", "vary a key: `key=from:to:step`, key=v1,v2,... or key=from:to with --lhs (repeatable: every combination; replaces the scenario's [[sweep]])")
		fs.Var(&sweepMetrics, "metric", "plot this `metric` against the swept values (repeatable)")
		fs.IntVar(&design.LHS, "lhs", 0, "instead of every combination, draw `N` points of a Latin hypercube over the swept ranges")
		every = fs.Int("every", 12, "keep the time series every `MONTHS` months in sweep_timeseries.csv (0: none)")
	}
	pos, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if !slices.Contains(plots.Formats, *format) {
		return badInput(stderr, fmt.Errorf("--format %s: expected one of %s", *format, strings.Join(plots.Formats, ", ")))
	}
	stopProfile, err := startProfile(*profile)
	if err != nil {
		return badInput(stderr, fmt.Errorf("--cpuprofile: %w", err))
	}
	defer stopProfile()
	if *workers < 0 {
		return badInput(stderr, fmt.Errorf("--workers %d: expected 0 (one per CPU) or more", *workers))
	}
	var shard batch.Shard
	if *shardText != "" {
		if name == "check" && *robust == 0 {
			return badInput(stderr, fmt.Errorf("--shard: check judges the whole batch; shard a robust check (--robust N), or run the shards, merge them, then check"))
		}
		if shard, err = parseShard(*shardText); err != nil {
			return badInput(stderr, err)
		}
	}
	sc, err := sf.load(ctx, pos)
	if err != nil {
		return badInput(stderr, err)
	}
	if name == "check" {
		if len(sc.Claims) == 0 {
			return badInput(stderr, fmt.Errorf("%s: no claims to check; add [[claim]] blocks (see README)", sc.File))
		}
		if err := sc.CheckClaims(); err != nil {
			return badInput(stderr, err)
		}
	}
	if *robust < 0 {
		return badInput(stderr, fmt.Errorf("--robust %d: expected 0 (none) or more sets", *robust))
	}
	var rr *robustRun
	plan := batch.NewPlan(batch.Plain, sc, nil)
	held := 1 // the points whose runs are held at once
	switch {
	case *robust > 0:
		if rr, err = newRobust(sc, *robust, shard.Of > 0); err != nil {
			return badInput(stderr, err)
		}
		plan = rr.plan
	case name == "sweep":
		if design.LHS < 0 || *every < 0 {
			return badInput(stderr, fmt.Errorf("--lhs and --every take 0 or more"))
		}
		points, err := sweepPoints(sc, sweepSpecs, sweepMetrics, design)
		if err != nil {
			return badInput(stderr, err)
		}
		plan = batch.NewPlan(batch.Sweep, sc, points)
		plan.Every, held = *every, len(points)
	}
	if err := memory.GuardBatch(plan.Largest(), batchWorkers(*workers), held); err != nil {
		return badInput(stderr, err)
	}
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	command := name
	if shard.Of > 0 {
		command = "shard"
	}
	folder, err := batch.OpenFolder(ctx, *out, command, *force)
	if err != nil {
		return badInput(stderr, err)
	}
	defer folder.Close()
	if err := folder.Refuse(outputNames(*format)); err != nil {
		return badInput(stderr, err)
	}
	store, err := folder.Runs()
	if err == nil && !*resume {
		err = store.Clear()
	}
	var aside string
	if err == nil {
		aside, err = store.SetAside(plan.Points, shard)
	}
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	if aside != "" {
		fmt.Fprintln(stderr, "note:", aside)
	}
	run := sc.Run()
	fmt.Fprintf(stdout, "%s: %d arm(s) × %d seed(s) × %d months, %d people (%s)\n",
		sc.Name, len(sc.Arms), run.Seeds, run.Months, run.People, sc.File)
	if rr != nil {
		fmt.Fprintf(stdout, "robust check: the scenario as written, then %d sets of %d uncertain key(s)\n", *robust, len(rr.keys))
	}
	total := plan.Runs(shard)
	tick, finish := newProgress(stderr, total, 0)
	start := time.Now()
	err = plan.Run(ctx, batch.Options{Workers: *workers, CheckMoney: *check, Store: store, Resume: *resume, Done: tick, Shard: shard})
	finish()
	if why := store.Rejected(); why != "" {
		fmt.Fprintf(stderr, "note: saved runs computed again, not used: %s\n", why)
	}
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "headless: interrupted; %d of %d runs are saved in %s: run the same command with --resume to finish\n", store.Count(), total, store.Dir)
		} else {
			fmt.Fprintln(stderr, "headless:", err)
		}
		return exitFailed
	}
	fmt.Fprintf(stdout, "ran in %.1f s\n", time.Since(start).Seconds())
	if shard.Of > 0 {
		if err := writeShard(folder, sc, shard, plan.Kind == batch.Sweep, plan.Every, *robust); err != nil {
			fmt.Fprintln(stderr, "headless:", err)
			return exitFailed
		}
		fmt.Fprintf(stdout, "shard %d/%d: %d runs saved in %s; combine the shards with headless merge\n", shard.I, shard.Of, store.Count(), store.Dir)
		return exitOK
	}
	files, vs, err := writePlan(folder, *format, plan, rr, name == "check")
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	return tell(stdout, plan, rr, vs, fmt.Sprintf("wrote %s into %s", strings.Join(files, ", "), *out))
}

// writePlan writes a plan's outputs: a sweep's tables, plots and report,
// or the scenario's with, when judge is set, the claims' verdicts (and a
// robust check's robustness), which it returns.
func writePlan(out *batch.Folder, format string, plan *batch.Plan, rr *robustRun, judge bool) ([]string, []claims.Verdict, error) {
	sc := plan.Scenario
	if plan.Kind == batch.Sweep {
		files, err := writeSweepOutputs(out, format, sc, plan.Points, plan.Every)
		return files, nil, err
	}
	var vs []claims.Verdict
	if judge {
		var err error
		if vs, err = claims.Judge(sc, plan.Results()); err != nil {
			return nil, nil, err
		}
	}
	files, err := writeOutputs(out, format, sc, plan.Results(), vs, rr)
	return files, vs, err
}

// tell prints what a plan found — a sweep's size, or the scenario's end
// values with its claims' verdicts when judged — and the line saying what
// was written; it returns the exit status.
func tell(w io.Writer, plan *batch.Plan, rr *robustRun, vs []claims.Verdict, wrote string) int {
	sc := plan.Scenario
	if plan.Kind == batch.Sweep {
		fmt.Fprintf(w, "%d points × %d arm(s) × %d seed(s); %s\n", len(plan.Points), len(sc.Arms), sc.Run().Seeds, wrote)
		return exitOK
	}
	printSummary(w, sc, plan.Results())
	fmt.Fprintln(w, wrote)
	if vs != nil {
		return printVerdicts(w, vs, rr)
	}
	return exitOK
}

// printVerdicts prints each claim's verdict and evidence, and returns the
// exit status: 0 when every claim is supported.
func printVerdicts(w io.Writer, vs []claims.Verdict, rr *robustRun) int {
	status := exitOK
	count := map[claims.Outcome]int{}
	fmt.Fprintln(w, "\nclaims (SUPPORTED: the interval on the claimed side; CONTRADICTED: on the other side; INCONCLUSIVE: neither):")
	for i, v := range vs {
		count[v.Outcome]++
		if !v.Supported() {
			status = exitFailed
		}
		fmt.Fprintf(w, "%2d. %-13s %s\n    %s\n    (%s)\n", v.Claim.Number, v.Outcome, v.Claim.Text, v.Evidence, v.Test)
		if rr != nil {
			fmt.Fprintf(w, "    robustness: %s\n", rr.rob[i].Summary())
		}
	}
	fmt.Fprintf(w, "%d supported, %d contradicted, %d inconclusive\n", count[claims.Supported], count[claims.Contradicted], count[claims.Inconclusive])
	return status
}

// writeOutputs writes the tables, the plots, the claims' verdicts when
// there are any, the report and, last, the manifest.
func writeOutputs(out *batch.Folder, format string, sc *scenario.Scenario, rs []batch.Result, vs []claims.Verdict, rr *robustRun) ([]string, error) {
	type table struct {
		name  string
		write func(io.Writer, *scenario.Scenario, []batch.Result) error
	}
	tables := []table{
		{"summary.csv", batch.WriteSummary},
		{"timeseries.csv", batch.WriteTimeseries},
		{"wealth.csv", batch.WriteWealth},
	}
	if rs[0].Final.Classes {
		tables = append(tables, table{"firms.csv", batch.WriteFirms})
	}
	// The tables are written while the plots are drawn.
	var files []string
	var g errgroup.Group
	for _, t := range tables {
		files = append(files, t.name)
		g.Go(func() error {
			return out.Write(t.name, func(w io.Writer) error { return t.write(w, sc, rs) })
		})
	}
	figs, err := plots.Write(out, format, sc, rs)
	files = append(files, figs...)
	if err := errors.Join(err, g.Wait()); err != nil {
		return files, err
	}
	if vs != nil {
		var rob []claims.Robustness
		if rr != nil {
			rob = rr.rob
		}
		if err := out.Write("claims.csv", func(w io.Writer) error { return claims.WriteCSV(w, vs, rob) }); err != nil {
			return files, err
		}
		files = append(files, "claims.csv")
		figs, err := plots.WriteClaims(out, format, vs)
		files = append(files, figs...)
		if err != nil {
			return files, err
		}
		if rr != nil {
			figs, err := rr.write(out, format, sc)
			files = append(files, figs...)
			if err != nil {
				return files, err
			}
		}
	}
	files = append(files, "report.html")
	m := out.Manifest(sc, files)
	page := report.New(sc, rs, vs, m, files)
	if rr != nil {
		page.AddRobustness(vs, rr.rob, files)
	}
	if err := out.Write("report.html", func(w io.Writer) error { return page.Write(w, out.Read) }); err != nil {
		return files, err
	}
	return append(files, batch.ManifestFile), out.Commit(m)
}

// outputNames lists every fixed name a command may write in the format:
// a folder holding a file of one of these names that this program did not
// write is refused before a batch starts.
func outputNames(format string) []string {
	names := []string{"summary.csv", "timeseries.csv", "wealth.csv", "firms.csv", "claims.csv", "robust.csv", "sweep.csv", "sweep_timeseries.csv", shardFile, "report.html"}
	for _, f := range plots.FigureNames() {
		names = append(names, f+"."+format)
	}
	return names
}

// interrupted reports a command stopped by a signal before it finished.
func interrupted(stderr io.Writer) int {
	fmt.Fprintln(stderr, "headless: interrupted; nothing in the output folder was changed")
	return exitFailed
}

// summaryMetrics are the end values printed after a run, when present.
var summaryMetrics = []string{"gini_wealth", "top10_share", "bottom50_share", "unemployed_share", "wage_share"}

// printSummary prints, per arm, the mean and 95% interval over seeds of a
// few metrics at the end and, for every arm after the first, its paired
// difference from the first, seed by seed.
func printSummary(w io.Writer, sc *scenario.Scenario, rs []batch.Result) {
	cols := rs[0].Series
	var shown []int
	for _, m := range summaryMetrics {
		if c := cols.Column(m); c >= 0 {
			shown = append(shown, c)
		}
	}
	seeds := sc.Run().Seeds
	end := func(a, col int) []float64 { return batch.EndValues(rs, seeds, a, col) }
	table := func(title string, row func(a, col int) string, arms []int) {
		fmt.Fprintf(w, "\n%-22s", title)
		for _, c := range shown {
			fmt.Fprintf(w, " %-36s", cols.Names[c])
		}
		fmt.Fprintln(w)
		for _, a := range arms {
			fmt.Fprintf(w, "%-22s", sc.Arms[a].Name)
			for _, c := range shown {
				fmt.Fprintf(w, " %-36s", row(a, c))
			}
			fmt.Fprintln(w)
		}
	}
	all := make([]int, len(sc.Arms))
	for a := range all {
		all[a] = a
	}
	table("at the end (last year)", func(a, c int) string {
		mean, lo, hi := interval.MeanCI(end(a, c), 0.95)
		return fmt.Sprintf("%.3f [%.3f, %.3f]", mean, lo, hi)
	}, all)
	if len(sc.Arms) > 1 {
		table("minus "+sc.Arms[0].Name+", paired", func(a, c int) string {
			p := batch.Compare(end(a, c), end(0, c))
			return fmt.Sprintf("%+.3f [%+.3f, %+.3f] %d/%d lower", p.Mean, p.Lo, p.Hi, p.Lower, p.Seeds)
		}, all[1:])
	}
	fmt.Fprintf(w, "(mean over %d seeds [95%% t interval]; paired: each arm minus the first in the same seed)\n\n", seeds)
}
