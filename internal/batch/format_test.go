package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"commonwealth/internal/scenario"
)

// readParquet reads a Parquet file with parquet-go: its columns' names and
// physical kinds in order, and its rows.
func readParquet(t *testing.T, b []byte) ([]string, []parquet.Kind, []parquet.Row) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var kinds []parquet.Kind
	for _, field := range f.Schema().Fields() {
		names = append(names, field.Name())
		kinds = append(kinds, field.Type().Kind())
	}
	for _, rg := range f.Metadata().RowGroups {
		for _, c := range rg.Columns {
			if c.MetaData.Codec != format.Zstd {
				t.Fatalf("column %v compressed with %v, want zstd", c.MetaData.PathInSchema, c.MetaData.Codec)
			}
		}
	}
	r := parquet.NewReader(f)
	defer r.Close()
	rows := make([]parquet.Row, f.NumRows())
	n, err := r.ReadRows(rows)
	if err != nil && err != io.EOF {
		t.Fatal(err)
	}
	if int64(n) != f.NumRows() {
		t.Fatalf("read %d rows of %d", n, f.NumRows())
	}
	return names, kinds, rows
}

// TestParquetTableRoundTrip writes a table of every kind of column in
// Parquet, more rows than one batch, and reads it back with parquet-go:
// the columns in the order written, each of its type, every value exactly
// (NaN, infinities and the extremes of int64 too).
func TestParquetTableRoundTrip(t *testing.T) {
	cols := []Column{{"arm", Text}, {"ai.enabled", Boolean}, {"seed", Integer}, {"gini_wealth", Real}, {"exchange.rule", Text}}
	type row struct {
		arm  string
		on   bool
		seed int64
		x    float64
		rule string
	}
	special := []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.0, math.SmallestNonzeroFloat64, 0.1 + 0.2}
	var want []row
	for i := range parquetBatch + 7 {
		x := float64(i) / 7
		if i < len(special) {
			x = special[i]
		}
		seed := int64(i)
		switch i {
		case 1:
			seed = math.MaxInt64
		case 2:
			seed = math.MinInt64
		}
		want = append(want, row{arm: []string{"private", "commons", "", "ünïcode, \"quoted\""}[i%4], on: i%3 == 0, seed: seed, x: x, rule: "yardsale"})
	}
	var b bytes.Buffer
	err := writeTable(&b, Parquet, cols, func(tb table) {
		for _, r := range want {
			tb.Text(r.arm)
			tb.Key("", r.on)
			tb.Int(r.seed)
			tb.Float(r.x)
			tb.Key(r.rule, r.rule)
			tb.End()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	names, kinds, rows := readParquet(t, b.Bytes())
	wantKinds := []parquet.Kind{parquet.ByteArray, parquet.Boolean, parquet.Int64, parquet.Double, parquet.ByteArray}
	for i, c := range cols {
		if names[i] != c.Name || kinds[i] != wantKinds[i] {
			t.Fatalf("column %d is %s of %v, want %s of %v", i, names[i], kinds[i], c.Name, wantKinds[i])
		}
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, r := range rows {
		w := want[i]
		got := row{string(r[0].ByteArray()), r[1].Boolean(), r[2].Int64(), r[3].Double(), string(r[4].ByteArray())}
		if got.arm != w.arm || got.on != w.on || got.seed != w.seed || math.Float64bits(got.x) != math.Float64bits(w.x) || got.rule != w.rule {
			t.Fatalf("row %d: got %+v, want %+v", i, got, w)
		}
	}
}

// TestParquetHoldsTheCSVValues writes a batch's summary, time series and
// per-person tables in both formats and checks that Parquet holds exactly
// what CSV says, cell by cell, with the key columns typed: a scenario's
// numbers as numbers, its words as text.
func TestParquetHoldsTheCSVValues(t *testing.T) {
	sc := load(t, "trade", "months=14", "seeds=2", "people=40", "exchange.amount=50")
	sc.PeopleEvery = 5
	rs, err := Run(context.Background(), sc, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]func(io.Writer, Format, *scenario.Scenario, []Result) error{
		"summary": WriteSummary, "timeseries": WriteTimeseries, "people": WritePeople, "wealth": WriteWealth,
	}
	for name, write := range writers {
		var c, p bytes.Buffer
		if err := write(&c, CSV, sc, rs); err != nil {
			t.Fatal(err)
		}
		if err := write(&p, Parquet, sc, rs); err != nil {
			t.Fatal(err)
		}
		names := sameTable(t, name, c.Bytes(), p.Bytes())
		if name != "wealth" && !(slices.Contains(names, "exchange.amount") && slices.Contains(names, "exchange.rule")) {
			t.Fatalf("%s: no column for the key --set gave or the one the arms differ in: %v", name, names)
		}
	}
}

// TestSweepParquet writes a sweep's tables, per-person rows too, in both
// formats: Parquet holds what CSV says, the swept key a typed column.
func TestSweepParquet(t *testing.T) {
	sc := load(t, "wright", "months=13", "seeds=2", "people=30")
	sw, err := scenario.ParseSweepFlag("capitalism.wage_max=60,90", sc, nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Sweeps, sc.PeopleEvery = []scenario.Sweep{sw}, 4
	plan, err := Points(sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := RunPoints(context.Background(), plan, Options{Workers: 1}, func(i int, rs []Result) error { plan[i].Results = rs; return nil }); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(io.Writer, Format) error{
		"sweep":            func(w io.Writer, f Format) error { return WriteSweep(w, f, sc, plan) },
		"sweep_timeseries": func(w io.Writer, f Format) error { return WriteSweepTimeseries(w, f, sc, plan, 6) },
		"sweep_people":     func(w io.Writer, f Format) error { return WriteSweepPeople(w, f, sc, plan) },
	} {
		var c, p bytes.Buffer
		if err := errors.Join(write(&c, CSV), write(&p, Parquet)); err != nil {
			t.Fatal(err)
		}
		if names := sameTable(t, name, c.Bytes(), p.Bytes()); names[0] != "capitalism.wage_max" {
			t.Fatalf("%s: columns %v", name, names)
		}
	}
}

// sameTable checks that a Parquet table holds what a CSV table says, cell
// by cell, with numbers typed: the integers of the key columns, seeds and
// months as INT64, metrics as DOUBLE. It returns the columns' names.
func sameTable(t *testing.T, name string, csvText, pq []byte) []string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names, kinds, rows := readParquet(t, pq)
	head := records[0]
	if len(names) != len(head) || len(rows) != len(records)-1 {
		t.Fatalf("%s: parquet has %d columns and %d rows, CSV %d and %d", name, len(names), len(rows), len(head), len(records)-1)
	}
	for j, h := range head {
		if names[j] != h {
			t.Fatalf("%s: column %d is %s in parquet, %s in CSV", name, j, names[j], h)
		}
	}
	for j, want := range map[string]parquet.Kind{"arm": parquet.ByteArray, "exchange.rule": parquet.ByteArray, "exchange.amount": parquet.Int64, "capitalism.wage_max": parquet.Int64, "seed": parquet.Int64, "month": parquet.Int64, "wealth": parquet.Int64, "gini_wealth": parquet.Double} {
		if k := slices.Index(names, j); k >= 0 && kinds[k] != want {
			t.Fatalf("%s: column %s is %v, want %v", name, j, kinds[k], want)
		}
	}
	for i, r := range rows {
		for j, v := range r {
			text := records[i+1][j]
			var got string
			switch kinds[j] {
			case parquet.ByteArray:
				got = string(v.ByteArray())
			case parquet.Int64:
				got = strconv.FormatInt(v.Int64(), 10)
			case parquet.Double:
				got = strconv.FormatFloat(v.Double(), 'g', -1, 64)
			}
			if got != text {
				t.Fatalf("%s row %d column %s: parquet %s, CSV %s", name, i, names[j], got, text)
			}
		}
	}
	return names
}
