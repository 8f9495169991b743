// Package batch runs a scenario: every arm with every seed, on a pool of
// workers, each run an independent world, so that results do not depend on
// how many workers there are or in which order runs finish.
package batch

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
	"commonwealth/internal/scenario"
)

// Result is what one run (one arm, one seed) leaves behind.
type Result struct {
	Arm    int    // index into the scenario's arms
	Seed   uint64 // the world's seed
	Series Series // the metrics after each month, from month 0
	Final  economy.Snapshot
	Sheets []Sheet // with automation: the balance sheets at month 0, every 12 months and the last
	Exit   int     // the month the scenario's stop_when held, ending the run; 0 when it ran all its months
	People *People // with --every N --people: every person's quantities every N months; nil without
}

// Sheet is the balance-sheet matrix at the end of a month.
type Sheet struct {
	Month int
	Sheet economy.BalanceSheet
}

// Series is a table of metrics over time: a row per observed month.
type Series struct {
	Names  []string
	Months []int
	Rows   [][]float64
}

// Last returns the row of the last month observed.
func (s *Series) Last() []float64 { return s.Rows[len(s.Rows)-1] }

// Column returns the index of the metric named name, or -1.
func (s *Series) Column(name string) int {
	for i, n := range s.Names {
		if n == name {
			return i
		}
	}
	return -1
}

// Options say how to run a batch.
type Options struct {
	Workers    int    // runs at once; 0 means one per CPU
	CheckMoney bool   // check after every month that money is conserved
	Store      *Store // where finished runs are kept, or nil
	Resume     bool   // take finished runs from Store instead of running them again
	Done       func() // called as each run finishes (from any goroutine), or nil
	Reused     func() // with Resume, called for each run taken from Store rather than run (from any goroutine), or nil
	Shard      Shard  // run only this share of the runs (the zero Shard: all)
	offset     int    // index of this batch's first run within a sweep, for shards
}

// Shard is one of Of shares of a batch's runs: the runs whose index (arm
// by arm, seed by seed) is I−1 modulo Of. Shards split a batch across
// machines deterministically; Gather puts them back together.
type Shard struct{ I, Of int }

// has reports whether run j belongs to the shard.
func (sh Shard) has(j int) bool { return sh.Of == 0 || j%sh.Of == sh.I-1 }

// Run runs every arm of sc with every seed (or, with a Shard, its share of
// them) and returns the results ordered by arm, then seed. It stops early,
// with ctx's error, when ctx is done.
func Run(ctx context.Context, sc *scenario.Scenario, opt Options) ([]Result, error) {
	seeds := sc.Run().SeedList()
	results := make([]Result, len(sc.Arms)*len(seeds))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers(opt.Workers))
	for a := range sc.Arms {
		for s, seed := range seeds {
			if !opt.Shard.has(opt.offset + a*len(seeds) + s) {
				continue
			}
			slot := &results[a*len(seeds)+s]
			g.Go(func() error {
				job := NewJob(sc, a, seed)
				r, stored := Result{}, false
				if opt.Resume && opt.Store != nil {
					r, stored = opt.Store.Load(job)
				}
				if stored && opt.Reused != nil {
					opt.Reused()
				}
				if !stored {
					var err error
					if r, err = RunOne(ctx, job, opt.CheckMoney); err != nil {
						return err
					}
					if opt.Store != nil {
						if err := opt.Store.Save(job, r); err != nil {
							return err
						}
					}
				}
				r.Arm = a
				*slot = r
				if opt.Done != nil {
					opt.Done()
				}
				return nil
			})
		}
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if opt.Shard.Of > 0 {
		var mine []Result
		for j, r := range results {
			if opt.Shard.has(opt.offset + j) {
				mine = append(mine, r)
			}
		}
		return mine, nil
	}
	return results, nil
}

// Gather collects every run of sc from the stores (the runs/ folders of
// shards) and returns them ordered by arm, then seed, as Run does; it names
// the runs that no store holds.
func Gather(sc *scenario.Scenario, stores []*Store) ([]Result, error) {
	var rs []Result
	var missing []string
	for a, arm := range sc.Arms {
		for _, seed := range sc.Run().SeedList() {
			found := false
			for _, st := range stores {
				if r, ok := st.Load(NewJob(sc, a, seed)); ok {
					r.Arm = a
					rs = append(rs, r)
					found = true
					break
				}
			}
			if !found {
				missing = append(missing, fmt.Sprintf("%s seed %d", arm.Name, seed))
			}
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%d run(s) missing from the shards: %s%s", len(missing), strings.Join(missing, ", "), rejectedNote(stores))
	}
	return rs, nil
}

// rejectedNote says which runs the stores hold but could not use.
func rejectedNote(stores []*Store) string {
	var notes []string
	for _, st := range stores {
		if why := st.Rejected(); why != "" {
			notes = append(notes, st.Dir+": "+why)
		}
	}
	if len(notes) == 0 {
		return ""
	}
	return " (files found but not used: " + strings.Join(notes, "; ") + ")"
}

func workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// Job is one run: an arm, the events that concern it, and a seed.
type Job struct {
	Arm    scenario.Arm
	Events []scenario.Event
	Seed   uint64
	People int // keep every person's quantities every People months (0: none)
}

// NewJob returns the job of arm a of sc with the given seed.
func NewJob(sc *scenario.Scenario, a int, seed uint64) Job {
	j := Job{Arm: sc.Arms[a], Seed: seed, People: sc.PeopleEvery}
	for _, e := range sc.Events {
		if e.AppliesTo(j.Arm.Name) {
			j.Events = append(j.Events, e)
		}
	}
	return j
}

// RunOne runs one world for its arm's months, applying the events at the
// start of their months, and observes it at the start and after every
// month: the built-in metrics, then the scenario's own, and with
// job.People everyone's quantities every job.People months and at the end.
// It ends early,
// after the first month in which the scenario's stop_when holds. With
// checkMoney it also checks, after every month, that the accounts add up
// to the money the world started with.
func RunOne(ctx context.Context, job Job, checkMoney bool) (Result, error) {
	s, seed := job.Arm.Settings, job.Seed
	w, err := economy.New(s.Params, seed)
	if err != nil {
		return Result{}, err
	}
	var snap economy.Snapshot
	w.Observe(&snap)
	meter := metrics.Meter{Metrics: metrics.ForSnapshot(&snap)}
	builtin := metrics.Names(meter.Metrics)
	own := s.Custom.Observer(builtin)
	r := Result{Seed: seed, Series: Series{Names: metrics.Names(s.Metrics())}}
	if job.People > 0 {
		r.People = &People{Names: scenario.PersonVariables(s)}
	}
	record := func() (stop bool, err error) {
		row := meter.Measure(make([]float64, 0, len(r.Series.Names)), &snap)
		if row, err = own.Measure(row, &snap); err != nil {
			return false, fmt.Errorf("seed %d: %w", seed, err)
		}
		r.Series.Months = append(r.Series.Months, w.Month())
		r.Series.Rows = append(r.Series.Rows, row)
		m := w.Month()
		if m > 0 {
			if stop, err = own.Stop(); err != nil {
				return false, fmt.Errorf("seed %d: %w", seed, err)
			}
		}
		if snap.AI != nil && (m%12 == 0 || m == s.Months || stop) {
			r.Sheets = append(r.Sheets, Sheet{m, snap.AI.Sheet})
		}
		if keepPeople(job.People, m, s.Months, stop) {
			r.People.add(&snap)
		}
		return stop, nil
	}
	if _, err := record(); err != nil {
		return Result{}, err
	}
	events := job.Events
	for range s.Months {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		for len(events) > 0 && events[0].Month <= w.Month() {
			events[0].Apply(&s)
			if err := w.SetParams(s.Params); err != nil {
				return Result{}, fmt.Errorf("event at month %d: %w", events[0].Month, err)
			}
			events = events[1:]
		}
		w.StepMonth()
		if checkMoney {
			if err := w.CheckAccounts(); err != nil {
				return Result{}, fmt.Errorf("batch: seed %d: %w", seed, err)
			}
		}
		w.Observe(&snap)
		stop, err := record()
		if err != nil {
			return Result{}, err
		}
		if stop {
			r.Exit = w.Month()
			break
		}
	}
	r.Final = snap
	return r, nil
}
