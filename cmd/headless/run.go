package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/sync/errgroup"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/memory"
	"commonwealth/internal/plots"
	"commonwealth/internal/report"
	"commonwealth/internal/scenario"
)

// batchFlags are the flags of run, check and sweep.
type batchFlags struct {
	scenario                  scenarioFlags
	figures                   figureFlags
	out, shard, profile       string
	progress, expect          string
	force, checkMoney, resume bool
	people                    bool
	workers, every, robust    int
	sweeps, metrics           []string
	design                    scenario.Design
}

// batchCommand returns run, check or sweep; line is the whole command line.
func batchCommand(name, summary string, line []string) *cobra.Command {
	var f batchFlags
	c := &cobra.Command{Use: name + " [SCENARIO]", Short: summary}
	c.RunE = runE(func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		return execute(ctx, name, &f, afterName(line, name), args, stdout, stderr)
	})
	fs := c.Flags()
	f.scenario.register(c)
	fs.StringVarP(&f.out, "output", "o", "out-"+name, "write the outputs into `DIR` (created if missing)")
	fs.BoolVar(&f.force, "force", false, "replace the results of another kind of command in DIR (files this program did not write are never touched)")
	f.figures.register(c)
	fs.IntVar(&f.workers, "workers", 0, "runs at once (default: one per CPU; results do not depend on it)")
	fs.BoolVar(&f.checkMoney, "check-money", false, "check after every month that money is conserved (slower)")
	fs.BoolVar(&f.resume, "resume", false, "take up an interrupted batch: reuse the finished runs kept in DIR/runs")
	fs.StringVar(&f.shard, "shard", "", "run only share `i/n` of the runs, to merge later with headless merge")
	fs.StringVar(&f.profile, "cpuprofile", "", "write a CPU profile of the whole command to `FILE` (go tool pprof reads it)")
	fs.StringVar(&f.progress, "progress", "auto", "how to show progress on stderr: `MODE` bar, plain (a line now and then, for logs), none, or auto (a bar on a terminal, else plain)")
	c.RegisterFlagCompletionFunc("progress", cobra.FixedCompletions(progressModes, cobra.ShellCompDirectiveNoFileComp))
	switch name {
	case "check":
		fs.IntVar(&f.robust, "robust", 0, "also judge the claims at `N` sets of the scenario's [[uncertain]] keys, drawn by a Latin hypercube, and say how robust each verdict is")
		fs.StringVar(&f.expect, "expect", "", "exit 0 when the verdicts are the ones `FILE` gives (lines such as \"- SUPPORTED — text\" or \"2. INCONCLUSIVE\": a lesson's page, or check's own output), 1 when one differs")
	case "sweep":
		fs.StringArrayVar(&f.sweeps, "sweep", nil, "vary a key: `key=from:to:step`, key=v1,v2,... or key=from:to with --lhs (repeatable: every combination; replaces the scenario's [[sweep]])")
		fs.StringArrayVar(&f.metrics, "metric", nil, "plot this `metric` against the swept values (repeatable)")
		fs.IntVar(&f.design.LHS, "lhs", 0, "instead of every combination, draw `N` points of a Latin hypercube over the swept ranges")
		fs.IntVar(&f.every, "every", 12, "keep the time series (and with --people everyone's quantities) every `MONTHS` months in sweep_timeseries.csv and sweep_people.csv (0: no time series)")
		fs.BoolVar(&f.people, "people", false, "also write sweep_people.csv: every person's wealth, income and the model's other per-person quantities at month 0, every --every months and the last, at every point")
		return c
	}
	fs.BoolVar(&f.people, "people", false, "also write people.csv: every person's wealth, income and the model's other per-person quantities at month 0, every --every months and the last")
	fs.IntVar(&f.every, "every", 12, "with --people: `MONTHS` between the per-person rows, 1 or more")
	return c
}

// afterName returns the arguments that follow the command's name in the
// command line, as typed.
func afterName(line []string, name string) []string {
	return line[slices.Index(line, name)+1:]
}

// execute runs a scenario and writes its outputs; for "check" it also
// judges the claims. line is what follows the command's name on the
// command line, pos the positional arguments.
func execute(ctx context.Context, name string, f *batchFlags, line, pos []string, stdout, stderr io.Writer) int {
	if !slices.Contains(progressModes, f.progress) {
		return badInput(stderr, fmt.Errorf("--progress %s: expected one of %s", f.progress, strings.Join(progressModes, ", ")))
	}
	style, tables, err := f.figures.style()
	if err != nil {
		return badInput(stderr, err)
	}
	if err := peopleFlags(f.scenario.fs, name, f.people, f.every); err != nil {
		return badInput(stderr, err)
	}
	stopProfile, err := startProfile(f.profile)
	if err != nil {
		return badInput(stderr, fmt.Errorf("--cpuprofile: %w", err))
	}
	defer stopProfile()
	if f.workers < 0 {
		return badInput(stderr, fmt.Errorf("--workers %d: expected 0 (one per CPU) or more", f.workers))
	}
	var shard batch.Shard
	if f.shard != "" {
		if name == "check" && f.robust == 0 {
			return badInput(stderr, fmt.Errorf("--shard: check judges the whole batch; shard a robust check (--robust N), or run the shards, merge them, then check"))
		}
		if shard, err = parseShard(f.shard); err != nil {
			return badInput(stderr, err)
		}
	}
	sc, err := f.scenario.load(ctx, pos, stderr)
	if err != nil {
		return badInput(stderr, err)
	}
	if f.people {
		sc.PeopleEvery = f.every
	}
	if name == "check" {
		if len(sc.Claims) == 0 {
			return badInput(stderr, fmt.Errorf("%s: no claims to check; add [[claim]] blocks (see README)", sc.File))
		}
		if err := sc.CheckClaims(); err != nil {
			return badInput(stderr, err)
		}
	}
	var expected []claims.Expected
	if f.expect != "" {
		if expected, err = readExpect(f.expect, sc); err != nil {
			return badInput(stderr, err)
		}
	}
	if f.robust < 0 {
		return badInput(stderr, fmt.Errorf("--robust %d: expected 0 (none) or more sets", f.robust))
	}
	var rr *robustRun
	plan := batch.NewPlan(batch.Plain, sc, nil)
	held := 1 // the points whose runs are held at once
	switch {
	case f.robust > 0:
		if rr, err = newRobust(sc, f.robust, shard.Of > 0); err != nil {
			return badInput(stderr, err)
		}
		plan = rr.plan
	case name == "sweep":
		if f.design.LHS < 0 || f.every < 0 {
			return badInput(stderr, fmt.Errorf("--lhs and --every take 0 or more"))
		}
		points, err := sweepPoints(sc, f.sweeps, f.metrics, f.design)
		if err != nil {
			return badInput(stderr, err)
		}
		plan = batch.NewPlan(batch.Sweep, sc, points)
		plan.Every, held = f.every, len(points)
	}
	plan.Tables = tables
	if err := memory.GuardBatch(plan.Largest(), batchWorkers(f.workers), held); err != nil {
		return badInput(stderr, err)
	}
	if ctx.Err() != nil {
		return interrupted(stderr)
	}
	command := name
	if shard.Of > 0 {
		command = "shard"
	}
	folder, err := batch.OpenFolder(ctx, f.out, command, f.force)
	if err != nil {
		return badInput(stderr, err)
	}
	defer folder.Close()
	folder.Args, folder.Design = append([]string{name}, line...), plan.Design()
	if err := folder.Refuse(outputNames(style.Format, tables)); err != nil {
		return badInput(stderr, err)
	}
	store, err := folder.Runs()
	if err == nil && !f.resume {
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
		fmt.Fprintf(stdout, "robust check: the scenario as written, then %d sets of %d uncertain key(s)\n", f.robust, len(rr.keys))
	}
	total := plan.Runs(shard)
	tick, finish := newProgress(stderr, f.progress, total, 0)
	start := time.Now()
	var reused atomic.Int64
	err = plan.Run(ctx, batch.Options{Workers: f.workers, CheckMoney: f.checkMoney, Store: store, Resume: f.resume, Done: tick, Shard: shard,
		Reused: func() { reused.Add(1) }})
	finish()
	if f.resume {
		fmt.Fprintf(stderr, "resume: %d of %d runs taken from %s, the rest computed\n", reused.Load(), total, store.Dir)
	}
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
		if err := writeShard(folder, sc, shard, plan.Kind == batch.Sweep, plan.Every, f.robust); err != nil {
			fmt.Fprintln(stderr, "headless:", err)
			return exitFailed
		}
		fmt.Fprintf(stdout, "shard %d/%d: %d runs saved in %s; combine the shards with headless merge\n", shard.I, shard.Of, store.Count(), store.Dir)
		return exitOK
	}
	files, vs, err := writePlan(folder, style, plan, rr, name == "check")
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	status := tell(stdout, plan, rr, vs, files, f.out)
	switch {
	case vs != nil && expected != nil:
		return expectStatus(stdout, vs, expected, f.expect)
	case vs == nil && plan.Kind != batch.Sweep:
		checkHint(stdout, sc, checkArgs(line, f.scenario.fs))
	}
	return status
}

// writePlan writes a plan's outputs: a sweep's tables, plots and report,
// or the scenario's with, when judge is set, the claims' verdicts (and a
// robust check's robustness), which it returns.
func writePlan(out *batch.Folder, st plots.Style, plan *batch.Plan, rr *robustRun, judge bool) ([]string, []claims.Verdict, error) {
	sc := plan.Scenario
	if plan.Kind == batch.Sweep {
		files, err := writeSweepOutputs(out, st, plan.Tables, sc, plan.Points, plan.Every)
		return files, nil, err
	}
	var vs []claims.Verdict
	if judge {
		var err error
		if vs, err = claims.Judge(sc, plan.Results()); err != nil {
			return nil, nil, err
		}
	}
	files, err := writeOutputs(out, st, plan.Tables, sc, plan.Results(), vs, rr)
	return files, vs, err
}

// tell prints what a plan found — a sweep's size, or the scenario's end
// values with its claims' verdicts when judged — and the files written
// into dir; it returns the exit status.
func tell(w io.Writer, plan *batch.Plan, rr *robustRun, vs []claims.Verdict, files []string, dir string) int {
	sc := plan.Scenario
	if plan.Kind == batch.Sweep {
		fmt.Fprintf(w, "%d points × %d arm(s) × %d seed(s)\n", len(plan.Points), len(sc.Arms), sc.Run().Seeds)
		printWrote(w, files, dir)
		return exitOK
	}
	printSummary(w, sc, plan.Results())
	printWrote(w, files, dir)
	if vs != nil {
		return printVerdicts(w, vs, rr)
	}
	return exitOK
}

// printVerdicts prints each claim's verdict and evidence, and returns the
// exit status: 0 when every claim is supported (NOT APPLICABLE is not).
func printVerdicts(w io.Writer, vs []claims.Verdict, rr *robustRun) int {
	status := exitOK
	count := map[claims.Outcome]int{}
	fmt.Fprintln(w, "\nclaims (SUPPORTED: the interval on the claimed side; CONTRADICTED: on the other side; INCONCLUSIVE: neither; NOT APPLICABLE: the precondition failed):")
	for i, v := range vs {
		count[v.Outcome]++
		if !v.Supported() {
			status = exitFailed
		}
		fmt.Fprintf(w, "%2d. %-13s %s\n    %s\n    (%s)\n", v.Claim.Number, v.Outcome, v.Claim.Text, v.Evidence, v.Test)
		if g := v.Claim.Given; g != nil && v.Failed == 0 {
			fmt.Fprintf(w, "    (the precondition %q held in every seed)\n", g.Text)
		}
		if rr != nil {
			fmt.Fprintf(w, "    robustness: %s\n", rr.rob[i].Summary())
		}
	}
	fmt.Fprintf(w, "%d supported, %d contradicted, %d inconclusive", count[claims.Supported], count[claims.Contradicted], count[claims.Inconclusive])
	if n := count[claims.NotApplicable]; n > 0 {
		fmt.Fprintf(w, ", %d not applicable", n)
	}
	fmt.Fprintln(w)
	return status
}

// writeOutputs writes the tables, the plots, the claims' verdicts when
// there are any, the report and, last, the manifest.
func writeOutputs(out *batch.Folder, st plots.Style, format batch.Format, sc *scenario.Scenario, rs []batch.Result, vs []claims.Verdict, rr *robustRun) ([]string, error) {
	type table struct {
		name  string
		write func(io.Writer, batch.Format, *scenario.Scenario, []batch.Result) error
	}
	tables := []table{
		{"summary", batch.WriteSummary},
		{"timeseries", batch.WriteTimeseries},
		{"wealth", batch.WriteWealth},
	}
	if rs[0].Final.Classes {
		tables = append(tables, table{"firms", batch.WriteFirms})
	}
	if rs[0].Final.AI != nil {
		tables = append(tables, table{"balance_sheets", batch.WriteBalanceSheets})
	}
	if rs[0].People != nil {
		tables = append(tables, table{"people", batch.WritePeople})
	}
	// The tables are written while the plots are drawn.
	var files []string
	var g errgroup.Group
	for _, t := range tables {
		name := format.File(t.name)
		files = append(files, name)
		g.Go(func() error {
			return out.Write(name, func(w io.Writer) error { return t.write(w, format, sc, rs) })
		})
	}
	figs, err := plots.Write(out, st, sc, rs)
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
		figs, err := plots.WriteClaims(out, st, vs)
		files = append(files, figs...)
		if err != nil {
			return files, err
		}
		if rr != nil {
			figs, err := rr.write(out, st, sc)
			files = append(files, figs...)
			if err != nil {
				return files, err
			}
		}
	}
	files = append(files, "report.html")
	m := out.Manifest(sc, files)
	m.Stopped = batch.Stops(sc, nil, rs)
	page := report.New(sc, rs, vs, m, files)
	if rr != nil {
		page.AddRobustness(vs, rr.rob, files)
	}
	if err := out.Write("report.html", func(w io.Writer) error { return page.Write(w, out.Read) }); err != nil {
		return files, err
	}
	return append(files, batch.ManifestFile), out.Commit(m)
}

// outputNames lists every fixed name a command may write in the figures'
// format and the tables': a folder holding a file of one of these names
// that this program did not write is refused before a batch starts.
func outputNames(format string, tables batch.Format) []string {
	names := []string{"claims.csv", "robust.csv", shardFile, "report.html"}
	for _, t := range []string{"summary", "timeseries", "wealth", "firms", "balance_sheets", "people", "sweep", "sweep_timeseries", "sweep_people"} {
		names = append(names, tables.File(t))
	}
	for _, f := range plots.FigureNames() {
		names = append(names, f+"."+format)
	}
	return names
}

// peopleFlags checks --people and --every: with --people, --every counts
// the months between per-person rows, 1 or more; run and check take
// --every only with --people (a sweep's also thins its time series).
func peopleFlags(fs *pflag.FlagSet, name string, people bool, every int) error {
	switch {
	case fs.Changed("every") && !people && name != "sweep":
		return fmt.Errorf("--every %d: %s keeps its time series every month; --every says how often --people writes everyone's quantities: add --people", every, name)
	case people && every < 1:
		return fmt.Errorf("--every %d: expected 1 or more months between the per-person rows of --people", every)
	}
	return nil
}

// interrupted reports a command stopped by a signal before it finished.
func interrupted(stderr io.Writer) int {
	fmt.Fprintln(stderr, "headless: interrupted; nothing in the output folder was changed")
	return exitFailed
}
