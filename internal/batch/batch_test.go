package batch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"commonwealth/internal/scenario"
)

func load(t *testing.T, ref string, sets ...string) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Load(ref, sets)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func csvBytes(t *testing.T, write func(io.Writer, *scenario.Scenario, []Result) error, sc *scenario.Scenario, rs []Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, sc, rs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWorkersDoNotChangeResults runs every shipped model with one worker
// and with four, and compares the CSV files byte for byte.
func TestWorkersDoNotChangeResults(t *testing.T) {
	for _, ref := range []string{"trade", "wright", "boltzmann"} {
		t.Run(ref, func(t *testing.T) {
			sc := load(t, ref, "months=30", "seeds=5", "people=200")
			one, err := Run(context.Background(), sc, Options{Workers: 1, CheckMoney: true})
			if err != nil {
				t.Fatal(err)
			}
			four, err := Run(context.Background(), sc, Options{Workers: 4, CheckMoney: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []func(io.Writer, *scenario.Scenario, []Result) error{WriteSummary, WriteTimeseries, WriteWealth, WriteFirms} {
				a, b := csvBytes(t, w, sc, one), csvBytes(t, w, sc, four)
				if !bytes.Equal(a, b) {
					t.Fatalf("1 worker and 4 workers wrote different files:\n%.300s\n---\n%.300s", a, b)
				}
			}
			if len(one) != len(sc.Arms)*5 {
				t.Fatalf("%d results, want %d", len(one), len(sc.Arms)*5)
			}
		})
	}
}

// TestArmsShareSeeds checks common random numbers: every arm runs the same
// seeds, in order.
func TestArmsShareSeeds(t *testing.T) {
	sc := load(t, "trade", "months=2", "seeds=3", "seed=40")
	rs, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		if r.Arm != i/3 || r.Seed != uint64(40+i%3) {
			t.Fatalf("result %d is arm %d seed %d", i, r.Arm, r.Seed)
		}
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, load(t, "wright"), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

func TestSummaryHeader(t *testing.T) {
	sc := load(t, "wright", "months=3", "people=50")
	rs, _ := Run(context.Background(), sc, Options{})
	head, _, _ := bytes.Cut(csvBytes(t, WriteSummary, sc, rs), []byte("\n"))
	want := "arm,seed,month,gini_wealth,gini_income,top1_share,top10_share,bottom50_share,richest_share,broke_share," +
		"workers_share,capitalists_share,unemployed_share,wage_share,profit_share,mean_wage,firms,largest_firm_share"
	if string(head) != want {
		t.Fatalf("header\n%s\nwant\n%s", head, want)
	}
}
