package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
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

func csvBytes(t *testing.T, write func(io.Writer, Format, *scenario.Scenario, []Result) error, sc *scenario.Scenario, rs []Result) []byte {
	t.Helper()
	return tableBytes(t, write, CSV, sc, rs)
}

// tableBytes returns the table write writes of rs in format f.
func tableBytes(t *testing.T, write func(io.Writer, Format, *scenario.Scenario, []Result) error, f Format, sc *scenario.Scenario, rs []Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, f, sc, rs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// records parses a CSV table.
func records(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
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
			for _, w := range []func(io.Writer, Format, *scenario.Scenario, []Result) error{WriteSummary, WriteTimeseries, WriteWealth, WriteFirms} {
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

// TestSummaryColumns checks summary.csv's columns — the keys that differ
// between arms beside the arm's name, then those --set gave (here months
// and people) — and that its numbers are the means
// of the last 12 months, as the claims read them.
func TestSummaryColumns(t *testing.T) {
	sc := load(t, "trade", "months=30", "people=50", "seeds=2")
	rs, _ := Run(context.Background(), sc, Options{})
	rows, err := csv.NewReader(bytes.NewReader(csvBytes(t, WriteSummary, sc, rs))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "arm,exchange.rule,months,people,seed,first_month,last_month,gini_wealth,gini_income,top1_share,top10_share,bottom50_share,richest_share,broke_share"
	if got := strings.Join(rows[0], ","); got != want {
		t.Fatalf("header\n%s\nwant\n%s", got, want)
	}
	if r := rows[1]; r[0] != "random" || r[1] != "random" || r[2] != "30" || r[3] != "50" || r[5] != "19" || r[6] != "30" {
		t.Fatalf("first row %v", r)
	}
	var mean float64
	for _, row := range rs[0].Series.Rows[19:] {
		mean += row[0] / 12
	}
	if got, _ := strconv.ParseFloat(rows[1][7], 64); math.Abs(got-mean) > 1e-12 {
		t.Fatalf("gini_wealth %v, want the last year's mean %v", got, mean)
	}
}
