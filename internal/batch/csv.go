package batch

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// The CSV files a run writes. Numbers are written in full (shortest exact
// decimal), so the same results give the same bytes.

// WriteSummary writes summary.csv: a row per arm and seed with every metric
// at the end — the mean over the last scenario.EndMonths months, as the
// claims and the printed summary read it — and, as columns, the value of
// every key that differs between the arms.
func WriteSummary(w io.Writer, sc *scenario.Scenario, rs []Result) error {
	keys := scenario.VaryingKeys(sc)
	lead := append(append([]string{"arm"}, keys...), "seed", "first_month", "last_month")
	end := scenario.Moment{Month: -1}
	return writeRows(w, rs, lead, func(emit func([]string, []float64), r Result) {
		months := r.Series.Months
		first := months[max(len(months)-scenario.EndMonths, min(1, len(months)-1))]
		row := make([]float64, len(r.Series.Names))
		for i, name := range r.Series.Names {
			row[i] = At(&r, end, name)
		}
		emit(append(armColumns(sc, r.Arm, keys), u(r.Seed), strconv.Itoa(first), strconv.Itoa(months[len(months)-1])), row)
	})
}

// WriteTimeseries writes timeseries.csv: a row per arm, seed and month,
// with the value of every key that differs between the arms as columns.
func WriteTimeseries(w io.Writer, sc *scenario.Scenario, rs []Result) error {
	keys := scenario.VaryingKeys(sc)
	lead := append(append([]string{"arm"}, keys...), "seed", "month")
	return writeRows(w, rs, lead, func(emit func([]string, []float64), r Result) {
		cols := armColumns(sc, r.Arm, keys)
		for i, row := range r.Series.Rows {
			emit(append(append(cols[:len(cols):len(cols)], u(r.Seed)), strconv.Itoa(r.Series.Months[i])), row)
		}
	})
}

// armColumns are an arm's name and its values of keys.
func armColumns(sc *scenario.Scenario, a int, keys []string) []string {
	vals := scenario.Values(sc.Arms[a].Settings)
	cols := []string{sc.Arms[a].Name}
	for _, k := range keys {
		cols = append(cols, fmt.Sprint(vals[k]))
	}
	return cols
}

// WriteWealth writes wealth.csv: every person's final wealth, with their
// class in models that have classes.
func WriteWealth(w io.Writer, sc *scenario.Scenario, rs []Result) error {
	cw := csv.NewWriter(w)
	head := []string{"arm", "seed", "person", "wealth"}
	classes := len(rs) > 0 && rs[0].Final.Classes
	if classes {
		head = append(head, "class")
	}
	cw.Write(head)
	rec := make([]string, len(head))
	for _, r := range rs {
		rec[0], rec[1] = sc.Arms[r.Arm].Name, u(r.Seed)
		for p, m := range r.Final.Wealth {
			rec[2], rec[3] = strconv.Itoa(p), strconv.FormatInt(m, 10)
			if classes {
				rec[4] = agents.Class(r.Final.ClassOf[p]).String()
			}
			cw.Write(rec)
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteFirms writes firms.csv: the number of employees of every firm at the
// end of each run of a model with classes.
func WriteFirms(w io.Writer, sc *scenario.Scenario, rs []Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"arm", "seed", "firm", "employees"})
	for _, r := range rs {
		for i, size := range r.Final.FirmSizes {
			cw.Write([]string{sc.Arms[r.Arm].Name, u(r.Seed), strconv.Itoa(i), strconv.Itoa(int(size))})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteBalanceSheets writes balance_sheets.csv: with automation, a row per
// arm, seed, month (0, every 12 and the last), sector and item of the
// balance-sheet matrix, in money units at book value: positive an asset,
// negative a liability. Each financial item sums to zero over the sectors;
// each sector's items sum to its net worth (item net_worth).
func WriteBalanceSheets(w io.Writer, sc *scenario.Scenario, rs []Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"arm", "seed", "month", "sector", "item", "value"})
	for _, r := range rs {
		for _, s := range r.Sheets {
			nw := s.Sheet.NetWorth()
			for c := range economy.NumSectors {
				head := []string{sc.Arms[r.Arm].Name, u(r.Seed), strconv.Itoa(s.Month), economy.SectorNames[c]}
				for i := range economy.NumItems {
					cw.Write(append(head[:4:4], economy.ItemNames[i], strconv.FormatInt(s.Sheet.Items[i][c], 10)))
				}
				cw.Write(append(head[:4:4], "net_worth", strconv.FormatInt(nw[c], 10)))
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeRows(w io.Writer, rs []Result, lead []string, each func(emit func([]string, []float64), r Result)) error {
	cw := csv.NewWriter(w)
	if len(rs) > 0 {
		cw.Write(append(lead, rs[0].Series.Names...))
	}
	var rec []string
	emit := func(keys []string, row []float64) {
		rec = append(rec[:0], keys...)
		for _, x := range row {
			rec = append(rec, strconv.FormatFloat(x, 'g', -1, 64))
		}
		cw.Write(rec)
	}
	for _, r := range rs {
		each(emit, r)
	}
	cw.Flush()
	return cw.Error()
}

func u(x uint64) string { return strconv.FormatUint(x, 10) }
