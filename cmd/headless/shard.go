package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"commonwealth/internal/batch"
	"commonwealth/internal/claims"
	"commonwealth/internal/memory"
	"commonwealth/internal/scenario"
)

// shardFile is what a shard leaves beside its runs: enough to rebuild the
// scenario when the shards are merged.
const shardFile = "shard.json"

type shardInfo struct {
	File   string           `json:"file"`
	Source string           `json:"source"`
	Sets   []string         `json:"sets"`
	Sweeps []scenario.Sweep `json:"sweeps,omitempty"` // as swept, --sweep flags applied
	Design scenario.Design  `json:"design,omitempty"`
	Every  int              `json:"every,omitempty"`  // sweep_timeseries.csv's thinning
	Robust int              `json:"robust,omitempty"` // the sets of a robust check
	People int              `json:"people,omitempty"` // --every N --people: months between per-person rows
	Shard  int              `json:"shard"`
	Of     int              `json:"of"`
}

// parseShard reads "i/n" with 1 ≤ i ≤ n.
func parseShard(text string) (batch.Shard, error) {
	is, ns, ok := strings.Cut(text, "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return batch.Shard{}, fmt.Errorf("--shard %s: expected i/n with 1 ≤ i ≤ n, such as --shard 3/8", text)
	}
	return batch.Shard{I: i, Of: n}, nil
}

// writeShard records the scenario beside a shard's runs.
func writeShard(out *batch.Folder, sc *scenario.Scenario, sh batch.Shard, sweep bool, every, robust int) error {
	info := shardInfo{File: sc.File, Source: sc.Source, Sets: sc.Sets, Robust: robust, People: sc.PeopleEvery, Shard: sh.I, Of: sh.Of}
	if sweep {
		info.Sweeps, info.Design, info.Every = sc.Sweeps, sc.Design, every
	}
	err := out.Write(shardFile, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(info)
	})
	if err != nil {
		return err
	}
	return out.Commit(out.Manifest(sc, []string{shardFile}))
}

// mergeFlags are merge's flags.
type mergeFlags struct {
	out     string
	force   bool
	figures figureFlags
}

// mergeCommand returns merge, which combines the folders of shards into the
// outputs of the whole batch, identical to a run without shards; line is
// the whole command line.
func mergeCommand(line []string) *cobra.Command {
	var f mergeFlags
	c := &cobra.Command{
		Use:   "merge SHARD_DIR... -o DIR",
		Short: "combine the folders of --shard runs into the whole batch's outputs",
		Args:  cobra.MinimumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
	c.RunE = runE(func(ctx context.Context, dirs []string, stdout, stderr io.Writer) int {
		return merge(ctx, &f, afterName(line, "merge"), dirs, stdout, stderr)
	})
	c.Flags().StringVarP(&f.out, "output", "o", "out-merge", "write the merged outputs into `DIR`")
	c.Flags().BoolVar(&f.force, "force", false, "replace the results of another kind of command in DIR (files this program did not write are never touched)")
	f.figures.register(c)
	return c
}

// merge merges the shards in dirs; line is what follows the command's name
// on the command line.
func merge(ctx context.Context, f *mergeFlags, line, dirs []string, stdout, stderr io.Writer) int {
	style, tables, err := f.figures.style()
	if err != nil {
		return badInput(stderr, err)
	}
	var first shardInfo
	var stores []*batch.Store
	for i, d := range dirs {
		b, err := readShardFile(filepath.Join(d, shardFile))
		var info shardInfo
		if err == nil {
			err = json.Unmarshal(b, &info)
		}
		switch {
		case errors.Is(err, os.ErrNotExist):
			return badInput(stderr, fmt.Errorf("%s: not a shard folder: it has no %s; make one with headless run --shard i/n -o %s", d, shardFile, d))
		case err != nil:
			return badInput(stderr, fmt.Errorf("%s: not a shard folder (%v); make one with headless run --shard i/n -o %s", d, err, d))
		}
		if i == 0 {
			first = info
		} else if info.Source != first.Source || !slices.Equal(info.Sets, first.Sets) || info.Of != first.Of || !sameSweeps(info.Sweeps, first.Sweeps) || info.Design != first.Design || info.Robust != first.Robust || info.People != first.People {
			return badInput(stderr, fmt.Errorf("%s: a shard of another scenario, other --set flags or another shard count than %s", d, dirs[0]))
		}
		stores = append(stores, batch.OpenStore(filepath.Join(d, "runs")))
	}
	sc, err := scenario.Parse(first.File, []byte(first.Source), first.Sets)
	if err != nil {
		return badInput(stderr, err)
	}
	sc.PeopleEvery = first.People
	points := 1
	for _, sw := range first.Sweeps {
		points = min(points*max(len(sw.Values), 1), math.MaxInt32) // a shard file's sweeps hold at most 2,500 points
	}
	// No world runs here, but every run of every shard is held at once.
	if err := memory.GuardBatch(sc, 0, points); err != nil {
		return badInput(stderr, err)
	}
	folder, err := batch.OpenFolder(ctx, f.out, "merge", f.force)
	if err != nil {
		return badInput(stderr, err)
	}
	defer folder.Close()
	var rr *robustRun
	plan := batch.NewPlan(batch.Plain, sc, nil)
	switch {
	case first.Robust > 0:
		if rr, err = newRobust(sc, first.Robust, false); err == nil {
			plan = rr.plan
		}
	case len(first.Sweeps) > 0:
		sc.Sweeps, sc.Design = first.Sweeps, first.Design
		var ps []batch.Point
		ps, err = batch.Points(sc)
		plan = batch.NewPlan(batch.Sweep, sc, ps)
		plan.Every = first.Every
	}
	plan.Tables = tables
	if err == nil {
		err = plan.Gather(stores)
	}
	var files []string
	var vs []claims.Verdict
	if err == nil {
		folder.Args, folder.Design = append([]string{"merge"}, line...), plan.Design()
		files, vs, err = writePlan(folder, style, plan, rr, plan.Kind == batch.Robust)
	}
	if err != nil {
		fmt.Fprintln(stderr, "headless:", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "merged %d shard(s)\n", len(dirs))
	return tell(stdout, plan, rr, vs, files, f.out)
}

// readShardFile reads a shard's shard.json, refusing one too long to be
// one.
func readShardFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0) // a pipe must not hang
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, 4*scenario.MaxFileBytes+1))
	if err == nil && len(b) > 4*scenario.MaxFileBytes {
		err = fmt.Errorf("%s is too long to be a shard's record", path)
	}
	return b, err
}

func sameSweeps(a, b []scenario.Sweep) bool {
	return slices.EqualFunc(a, b, func(x, y scenario.Sweep) bool {
		return x.Key == y.Key && slices.Equal(x.Values, y.Values) && slices.Equal(x.Metrics, y.Metrics) && x.Moment == y.Moment
	})
}
