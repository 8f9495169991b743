package batch

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// The tables a run writes, each in either Format. In CSV, numbers are
// written in full (shortest exact decimal), so the same results give the
// same bytes; in Parquet every column has its type.

// WriteSummary writes summary.csv: a row per arm and seed with every metric
// at the end — the mean over the last scenario.EndMonths months, as the
// claims and the printed summary read it — and, as columns, the value of
// every key that differs between the arms or that --set gave.
func WriteSummary(w io.Writer, f Format, sc *scenario.Scenario, rs []Result) error {
	keys := KeyColumns(sc)
	lead := append(armLead(sc, keys), Column{"seed", Integer}, Column{"first_month", Integer}, Column{"last_month", Integer})
	end := scenario.Moment{Month: -1}
	ak := newArmKeys(sc, keys)
	return writeSeries(w, f, rs, lead, func(t table, r Result) {
		months := r.Series.Months
		first := months[max(len(months)-scenario.EndMonths, min(1, len(months)-1))]
		ak.cells(t, r.Arm)
		t.Int(int64(r.Seed))
		t.Int(int64(first))
		t.Int(int64(months[len(months)-1]))
		for _, name := range r.Series.Names {
			t.Float(At(&r, end, name))
		}
		t.End()
	})
}

// WriteTimeseries writes timeseries.csv: a row per arm, seed and month,
// with the value of every key that differs between the arms or that --set
// gave as columns.
func WriteTimeseries(w io.Writer, f Format, sc *scenario.Scenario, rs []Result) error {
	keys := KeyColumns(sc)
	lead := append(armLead(sc, keys), Column{"seed", Integer}, Column{"month", Integer})
	ak := newArmKeys(sc, keys)
	return writeSeries(w, f, rs, lead, func(t table, r Result) {
		for i, row := range r.Series.Rows {
			ak.cells(t, r.Arm)
			t.Int(int64(r.Seed))
			t.Int(int64(r.Series.Months[i]))
			for _, x := range row {
				t.Float(x)
			}
			t.End()
		}
	})
}

// KeyColumns returns the keys a run's tables carry as columns: those that
// differ between the arms, then those --set gave for every arm.
func KeyColumns(sc *scenario.Scenario) []string {
	keys := scenario.VaryingKeys(sc)
	for _, k := range setKeys(sc) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// setKeys returns the keys --set gave, in order, but the seed and the
// number of seeds (the tables have a seed column).
func setKeys(sc *scenario.Scenario) []string {
	var keys []string
	for _, s := range keySets(sc.Sets) {
		k, _, _ := strings.Cut(s, "=")
		k = strings.TrimSpace(k)
		known := slices.ContainsFunc(scenario.Keys, func(key scenario.Key) bool { return key.Path == k })
		if known && k != "seed" && k != "seeds" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// armLead returns the columns naming a run's arm: arm and keys, each key's
// kind that of its value in the first arm.
func armLead(sc *scenario.Scenario, keys []string) []Column {
	vals := scenario.Values(sc.Arms[0].Settings)
	cols := []Column{{"arm", Text}}
	for _, k := range keys {
		cols = append(cols, Column{k, kindOf(vals[k])})
	}
	return cols
}

// armKeys are every arm's name and values of the key columns, read once
// for all the rows of a table.
type armKeys struct {
	names []string
	texts [][]string // the values as CSV writes them
	vals  [][]any
}

// newArmKeys reads the arms' values of keys.
func newArmKeys(sc *scenario.Scenario, keys []string) armKeys {
	var ak armKeys
	for _, a := range sc.Arms {
		vals := scenario.Values(a.Settings)
		var texts []string
		var vs []any
		for _, k := range keys {
			texts, vs = append(texts, fmt.Sprint(vals[k])), append(vs, vals[k])
		}
		ak.names, ak.texts, ak.vals = append(ak.names, a.Name), append(ak.texts, texts), append(ak.vals, vs)
	}
	return ak
}

// cells writes arm a's name and its values of the keys.
func (ak armKeys) cells(t table, a int) {
	t.Text(ak.names[a])
	ak.values(t, a)
}

// values writes arm a's values of the keys.
func (ak armKeys) values(t table, a int) {
	for j, v := range ak.vals[a] {
		t.Key(ak.texts[a][j], v)
	}
}

// runCells writes the arm's name and the seed of run r.
func runCells(t table, sc *scenario.Scenario, r Result) {
	t.Text(sc.Arms[r.Arm].Name)
	t.Int(int64(r.Seed))
}

// WriteWealth writes wealth.csv: every person's final wealth, with their
// class in models that have classes.
func WriteWealth(w io.Writer, f Format, sc *scenario.Scenario, rs []Result) error {
	cols := []Column{{"arm", Text}, {"seed", Integer}, {"person", Integer}, {"wealth", Integer}}
	classes := len(rs) > 0 && rs[0].Final.Classes
	if classes {
		cols = append(cols, Column{"class", Text})
	}
	return writeTable(w, f, cols, func(t table) {
		for _, r := range rs {
			for p, m := range r.Final.Wealth {
				runCells(t, sc, r)
				t.Int(int64(p))
				t.Int(m)
				if classes {
					t.Text(agents.Class(r.Final.ClassOf[p]).String())
				}
				t.End()
			}
		}
	})
}

// WriteFirms writes firms.csv: the number of employees of every firm at the
// end of each run of a model with classes.
func WriteFirms(w io.Writer, f Format, sc *scenario.Scenario, rs []Result) error {
	cols := []Column{{"arm", Text}, {"seed", Integer}, {"firm", Integer}, {"employees", Integer}}
	return writeTable(w, f, cols, func(t table) {
		for _, r := range rs {
			for i, size := range r.Final.FirmSizes {
				runCells(t, sc, r)
				t.Int(int64(i))
				t.Int(int64(size))
				t.End()
			}
		}
	})
}

// WriteBalanceSheets writes balance_sheets.csv: with automation, a row per
// arm, seed, month (0, every 12 and the last), sector and item of the
// balance-sheet matrix, in money units at book value: positive an asset,
// negative a liability. Each financial item sums to zero over the sectors;
// each sector's items sum to its net worth (item net_worth).
func WriteBalanceSheets(w io.Writer, f Format, sc *scenario.Scenario, rs []Result) error {
	cols := []Column{{"arm", Text}, {"seed", Integer}, {"month", Integer}, {"sector", Text}, {"item", Text}, {"value", Integer}}
	return writeTable(w, f, cols, func(t table) {
		for _, r := range rs {
			for _, s := range r.Sheets {
				nw := s.Sheet.NetWorth()
				for c := range economy.NumSectors {
					cell := func(item string, v int64) {
						runCells(t, sc, r)
						t.Int(int64(s.Month))
						t.Text(economy.SectorNames[c])
						t.Text(item)
						t.Int(v)
						t.End()
					}
					for i := range economy.NumItems {
						cell(economy.ItemNames[i], s.Sheet.Items[i][c])
					}
					cell("net_worth", nw[c])
				}
			}
		}
	})
}

// writeSeries writes a table whose columns are lead, then the runs'
// metrics, a run at a time; nothing at all when there are no runs.
func writeSeries(w io.Writer, f Format, rs []Result, lead []Column, each func(t table, r Result)) error {
	if len(rs) == 0 {
		return nil
	}
	cols := lead
	for _, n := range rs[0].Series.Names {
		cols = append(cols, Column{n, Real})
	}
	return writeTable(w, f, cols, func(t table) {
		for _, r := range rs {
			each(t, r)
		}
	})
}

// writeTable writes a table of the columns in format f, its rows written
// by rows.
func writeTable(w io.Writer, f Format, cols []Column, rows func(t table)) error {
	t, err := newTable(w, f, cols)
	if err != nil {
		return err
	}
	rows(t)
	return t.Close()
}

func u(x uint64) string { return strconv.FormatUint(x, 10) }
