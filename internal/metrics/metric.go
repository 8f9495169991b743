package metrics

import (
	"slices"

	"commonwealth/internal/economy"
)

// Metric is one number measured on a world at a moment. Its Name is the CSV
// column header and never changes once published.
type Metric struct {
	Name    string
	Unit    string
	Doc     string
	Classes bool // only for models with classes
	value   func(v *view) float64
}

// view is a snapshot with its distributions sorted, shared by the metrics.
type view struct {
	s      *economy.Snapshot
	wealth []int64 // sorted
	income []int64 // sorted
	tmp    []int64 // scratch for sorting
}

// All is every metric, in CSV column order.
var All = []Metric{
	{"gini_wealth", "0..1", "Gini coefficient of wealth", false, func(v *view) float64 { return Gini(v.wealth) }},
	{"gini_income", "0..1", "Gini coefficient of the month's income (all money received)", false, func(v *view) float64 { return Gini(v.income) }},
	{"top1_share", "0..1", "share of wealth held by the richest 1%", false, func(v *view) float64 { return TopShare(v.wealth, 0.01) }},
	{"top10_share", "0..1", "share of wealth held by the richest 10%", false, func(v *view) float64 { return TopShare(v.wealth, 0.10) }},
	{"bottom50_share", "0..1", "share of wealth held by the poorest 50%", false, func(v *view) float64 { return BottomShare(v.wealth, 0.50) }},
	{"richest_share", "0..1", "share of wealth held by the single richest person (the condensate)", false, func(v *view) float64 { return TopShare(v.wealth, 0) }},
	{"broke_share", "0..1", "share of people holding no money", false, broke},
	{"workers_share", "0..1", "share of people employed by someone", true, func(v *view) float64 { return frac(v.s.Workers, v) }},
	{"capitalists_share", "0..1", "share of people employing someone", true, func(v *view) float64 { return frac(v.s.Capitalists, v) }},
	{"unemployed_share", "0..1", "share of people neither employed nor employing", true, func(v *view) float64 { return frac(v.s.Unemployed, v) }},
	{"wage_share", "0..1", "wages paid over firms' revenue in the month", true, func(v *view) float64 { return ratio(v.s.Wages, v.s.Revenue) }},
	{"profit_share", "0..1", "revenue less wages over revenue in the month (1 − wage_share)", true, func(v *view) float64 { return ratio(v.s.Revenue-v.s.Wages, v.s.Revenue) }},
	{"mean_wage", "units/month", "wages paid in the month per worker", true, func(v *view) float64 { return ratio(v.s.Wages, int64(v.s.Workers)) }},
	{"firms", "count", "number of firms (capitalists)", true, func(v *view) float64 { return float64(len(v.s.FirmSizes)) }},
	{"largest_firm_share", "0..1", "employees of the largest firm over all people", true, largestFirm},
}

// For returns the metrics that apply to a model: those about classes only
// when it has them.
func For(classes bool) []Metric {
	var ms []Metric
	for _, m := range All {
		if classes || !m.Classes {
			ms = append(ms, m)
		}
	}
	return ms
}

// Names returns the names of ms, in order.
func Names(ms []Metric) []string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	return names
}

// Meter measures snapshots, reusing its buffers between calls.
type Meter struct {
	Metrics []Metric
	v       view
}

// Measure appends the value of each of m.Metrics on s to dst and returns it.
func (m *Meter) Measure(dst []float64, s *economy.Snapshot) []float64 {
	m.v.s = s
	m.v.wealth = append(m.v.wealth[:0], s.Wealth...)
	m.v.tmp = sortMoney(m.v.wealth, m.v.tmp)
	m.v.income = append(m.v.income[:0], s.Income...)
	m.v.tmp = sortMoney(m.v.income, m.v.tmp)
	for _, metric := range m.Metrics {
		dst = append(dst, metric.value(&m.v))
	}
	return dst
}

func frac(k int, v *view) float64 { return float64(k) / float64(len(v.wealth)) }

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func broke(v *view) float64 {
	k, _ := slices.BinarySearch(v.wealth, 1)
	return frac(k, v)
}

func largestFirm(v *view) float64 {
	if len(v.s.FirmSizes) == 0 {
		return 0
	}
	return frac(int(slices.Max(v.s.FirmSizes)), v)
}

// Sorted returns the wealth of the last snapshot measured, sorted. The
// slice belongs to the meter and changes with the next Measure.
func (m *Meter) Sorted() []int64 { return m.v.wealth }
