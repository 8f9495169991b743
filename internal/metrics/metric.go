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
	AI      bool // only with automation enabled
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
	{"gini_wealth", "0..1", "Gini coefficient of wealth", false, false, func(v *view) float64 { return Gini(v.wealth) }},
	{"gini_income", "0..1", "Gini coefficient of the month's income (all money received)", false, false, func(v *view) float64 { return Gini(v.income) }},
	{"top1_share", "0..1", "share of wealth held by the richest 1%", false, false, func(v *view) float64 { return TopShare(v.wealth, 0.01) }},
	{"top10_share", "0..1", "share of wealth held by the richest 10%", false, false, func(v *view) float64 { return TopShare(v.wealth, 0.10) }},
	{"bottom50_share", "0..1", "share of wealth held by the poorest 50%", false, false, func(v *view) float64 { return BottomShare(v.wealth, 0.50) }},
	{"richest_share", "0..1", "share of wealth held by the single richest person (the condensate)", false, false, func(v *view) float64 { return TopShare(v.wealth, 0) }},
	{"broke_share", "0..1", "share of people holding no money", false, false, broke},
	{"workers_share", "0..1", "share of people employed by someone", true, false, func(v *view) float64 { return frac(v.s.Workers, v) }},
	{"capitalists_share", "0..1", "share of people employing someone", true, false, func(v *view) float64 { return frac(v.s.Capitalists, v) }},
	{"unemployed_share", "0..1", "share of people neither employed nor employing", true, false, func(v *view) float64 { return frac(v.s.Unemployed, v) }},
	{"wage_share", "0..1", "wages paid over firms' revenue in the month", true, false, func(v *view) float64 { return ratio(v.s.Wages, v.s.Revenue) }},
	{"profit_share", "0..1", "revenue less wages over revenue in the month (1 − wage_share)", true, false, func(v *view) float64 { return ratio(v.s.Revenue-v.s.Wages, v.s.Revenue) }},
	{"mean_wage", "units/month", "wages paid in the month per worker", true, false, func(v *view) float64 { return ratio(v.s.Wages, int64(v.s.Workers)) }},
	{"firms", "count", "number of firms (capitalists)", true, false, func(v *view) float64 { return float64(len(v.s.FirmSizes)) }},
	{"largest_firm_share", "0..1", "employees of the largest firm over all people", true, false, largestFirm},
	{"automation_units", "units", "automation units rented", true, true, func(v *view) float64 { return float64(v.s.AI.Units) }},
	{"automation_share", "0..1", "share of the month's market samples performed by automation units", true, true, func(v *view) float64 {
		return ratio(v.s.AI.UnitSamples, v.s.AI.UnitSamples+v.s.AI.WorkerSamples)
	}},
	{"ai_productivity", "samples per unit a month", "π: market samples one unit performs a month", true, true, func(v *view) float64 { return v.s.AI.Productivity }},
	{"compute_price", "money per compute unit", "price of compute this month", true, true, func(v *view) float64 { return v.s.AI.Price }},
	{"compute_capacity", "compute units", "compute supplied by ready data centres", true, true, func(v *view) float64 { return v.s.AI.Capacity }},
	{"datacenters", "count", "data centres, ready or being built", true, true, func(v *view) float64 { return float64(v.s.AI.Datacenters) }},
	{"datacenters_built", "count", "data centres approved since the start", true, true, func(v *view) float64 { return float64(v.s.AI.Built) }},
	{"datacenters_blocked", "count", "data centre proposals refused since the start", true, true, func(v *view) float64 { return float64(v.s.AI.Blocked) }},
	{"rent_share", "0..1", "compute rent over firms' revenue in the month", true, true, func(v *view) float64 { return ratio(v.s.AI.Rent, v.s.Revenue) }},
	{"output", "money units per person", "firms' revenue in the month per person (workers' and units' market samples)", true, true, func(v *view) float64 {
		return float64(v.s.Revenue) / float64(len(v.wealth))
	}},
	{"data_stock", "data units", "the training data stock everyone produced", true, true, func(v *view) float64 { return v.s.AI.DataStock }},
	{"data_value_appropriated", "money units", "revenue the units realised in the month (built from everyone's data) less the data dividends paid back", true, true, func(v *view) float64 {
		return float64(v.s.AI.UnitRevenue - v.s.AI.Dividends)
	}},
	{"data_dividend_paid", "money units", "data dividends paid in the month", true, true, func(v *view) float64 { return float64(v.s.AI.Dividends) }},
	{"commons_fund", "money units", "money in the commons fund", true, true, func(v *view) float64 { return float64(v.s.AI.CommonsFund) }},
	{"commons_paid", "money units", "paid out of the commons fund in the month", true, true, func(v *view) float64 { return float64(v.s.AI.CommonsPaid) }},
	{"poverty_rate", "0..1", "share of people holding less than their need", true, true, poverty},
	{"mean_skill", "0.2..1", "mean skill (wages scale with it)", true, true, func(v *view) float64 { return v.s.AI.MeanSkill }},
	{"workload", "samples per worker", "market samples of the firms' production in the month per worker", true, true, func(v *view) float64 { return v.s.AI.Workload }},
	{"hours", "0..1", "share of full time cooperative members work (automation shortens hours)", true, true, func(v *view) float64 { return v.s.AI.Hours }},
	{"burden_bottom20_share", "0..1", "share of the environmental burden borne by the poorest fifth", true, true, burdenBottom20},
}

// For returns the metrics that apply to a model: those about classes only
// when it has them, those about automation only when it is enabled.
func For(classes, ai bool) []Metric {
	var ms []Metric
	for _, m := range All {
		if (classes || !m.Classes) && (ai || !m.AI) {
			ms = append(ms, m)
		}
	}
	return ms
}

// ForSnapshot returns the metrics that apply to the world s was taken of.
func ForSnapshot(s *economy.Snapshot) []Metric { return For(s.Classes, s.AI != nil) }

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

func poverty(v *view) float64 {
	poor := 0
	for i, m := range v.s.Wealth {
		if m < v.s.AI.Need[i] {
			poor++
		}
	}
	return frac(poor, v)
}

// burdenBottom20 is the share of the burden on the poorest fifth: the
// persons below the 20th percentile of wealth, and those at it in person
// order until there are a fifth.
func burdenBottom20(v *view) float64 {
	n := len(v.wealth)
	k := n / 5
	if k == 0 {
		return 0
	}
	cut := v.wealth[k-1]
	atCut := k - lowerCount(v.wealth, cut)
	var bottom, total float64
	for i, m := range v.s.Wealth {
		b := v.s.AI.Burden[i]
		total += b
		if m < cut || (m == cut && atCut > 0) {
			if m == cut {
				atCut--
			}
			bottom += b
		}
	}
	if total == 0 {
		return 0
	}
	return bottom / total
}

// lowerCount is how many of sorted are below x.
func lowerCount(sorted []int64, x int64) int {
	k, _ := slices.BinarySearch(sorted, x)
	return k
}
