package metrics

import (
	"math"
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
	s         *economy.Snapshot
	wealth    []int64 // sorted
	income    []int64 // sorted
	wealthSum float64 // the total of wealth, summed once
	spent     []int64 // sorted consumption spending, with automation
	scratch   sortScratch
}

// All is every metric, in CSV column order.
var All = []Metric{
	{"gini_wealth", "0..1", "Gini coefficient of wealth (in the production economy, of net worth: above 1 where many are in net debt)", false, false, func(v *view) float64 { return Gini(v.wealth) }},
	{"gini_income", "0..1", "Gini coefficient of the month's income (all money received)", false, false, func(v *view) float64 { return Gini(v.income) }},
	{"top1_share", "0..1", "share of wealth held by the richest 1%", false, false, func(v *view) float64 { return topShare(v.wealth, 0.01, v.wealthSum) }},
	{"top10_share", "0..1", "share of wealth held by the richest 10%", false, false, func(v *view) float64 { return topShare(v.wealth, 0.10, v.wealthSum) }},
	{"bottom50_share", "0..1", "share of wealth held by the poorest 50%", false, false, func(v *view) float64 { return bottomShare(v.wealth, 0.50, v.wealthSum) }},
	{"richest_share", "0..1", "share of wealth held by the single richest person (the condensate)", false, false, func(v *view) float64 { return topShare(v.wealth, 0, v.wealthSum) }},
	{"broke_share", "0..1", "share of people holding no money", false, false, broke},
	{"workers_share", "0..1", "share of people employed by someone", true, false, func(v *view) float64 { return frac(v.s.Workers, v) }},
	{"capitalists_share", "0..1", "share of people employing someone", true, false, func(v *view) float64 { return frac(v.s.Capitalists, v) }},
	{"unemployed_share", "0..1", "share of people neither employed nor employing", true, false, func(v *view) float64 { return frac(v.s.Unemployed, v) }},
	{"wage_share", "0..1", "wages paid over firms' revenue in the month", true, false, func(v *view) float64 { return ratio(v.s.Wages, v.s.Revenue) }},
	{"profit_share", "0..1", "capitalist profit over value added in the month; without automation, revenue less wages over revenue (1 − wage_share)", true, false, func(v *view) float64 {
		if v.s.AI != nil {
			return ratio(v.s.AI.Profit, v.s.AI.ValueAdded)
		}
		return ratio(v.s.Revenue-v.s.Wages, v.s.Revenue)
	}},
	{"mean_wage", "units/month", "wages paid in the month per worker", true, false, func(v *view) float64 { return ratio(v.s.Wages, int64(v.s.Workers)) }},
	{"firms", "count", "number of firms (capitalists)", true, false, func(v *view) float64 { return float64(len(v.s.FirmSizes)) }},
	{"largest_firm_share", "0..1", "employees of the largest firm over all people", true, false, largestFirm},
	{"automation_units", "units", "automation units rented", true, true, func(v *view) float64 { return float64(v.s.AI.Units) }},
	{"automation_share", "0..1", "share of the month's goods made by automation units", true, true, func(v *view) float64 { return v.s.AI.UnitShare }},
	{"ai_productivity", "goods per unit a month", "π: goods one automation unit makes a month (a worker at full skill makes one)", true, true, func(v *view) float64 { return v.s.AI.Productivity }},
	{"compute_price", "money per compute unit", "price of compute this month", true, true, func(v *view) float64 { return v.s.AI.ComputePrice }},
	{"compute_capacity", "compute units a month", "compute supplied by ready data centres", true, true, func(v *view) float64 { return v.s.AI.Capacity }},
	{"capacity_shortfall", "0..1", "compute firms wanted this month and could not get, over what they wanted", true, true, func(v *view) float64 {
		a := v.s.AI
		if a.ComputeDemand <= a.Capacity {
			return 0
		}
		return (a.ComputeDemand - a.Capacity) / a.ComputeDemand
	}},
	{"datacenters", "count", "data centres, ready or being built", true, true, func(v *view) float64 { return float64(v.s.AI.Datacenters) }},
	{"datacenters_built", "count", "data centres approved since the start", true, true, func(v *view) float64 { return float64(v.s.AI.Built) }},
	{"datacenters_blocked", "count", "data centre proposals refused since the start", true, true, func(v *view) float64 { return float64(v.s.AI.Blocked) }},
	{"datacenters_retired", "count", "data centres retired since the start (end of life, or an owner who could not pay to run them)", true, true, func(v *view) float64 { return float64(v.s.AI.Retired) }},
	{"output", "goods per person a month", "real output: goods made in the month per person", true, true, func(v *view) float64 { return v.s.AI.Output / float64(len(v.wealth)) }},
	{"price_level", "money per good", "the month's sales over the month's goods", true, true, func(v *view) float64 { return v.s.AI.PriceLevel }},
	{"real_wage", "goods a month", "wages paid in the month per worker, over the price level", true, true, func(v *view) float64 {
		return ratio(v.s.Wages, int64(v.s.Workers)) / nonZero(v.s.AI.PriceLevel)
	}},
	{"consumption", "goods per person a month", "real consumption: people's spending in the month over the price level, per person", true, true, func(v *view) float64 {
		return float64(v.s.AI.Consumption) / nonZero(v.s.AI.PriceLevel) / float64(len(v.wealth))
	}},
	{"consumption_gini", "0..1", "Gini coefficient of the month's consumption spending", true, true, func(v *view) float64 { return Gini(v.spent) }},
	{"labour_share", "0..1", "labour income over value added: wages, and in cooperatives all the members keep", true, true, func(v *view) float64 {
		return ratio(v.s.AI.LabourIncome, v.s.AI.ValueAdded)
	}},
	{"rent_share", "0..1", "compute rent less operating costs over value added", true, true, func(v *view) float64 { return ratio(v.s.AI.NetRent, v.s.AI.ValueAdded) }},
	{"return_on_wealth", "per year", "households' capital income (dividends and the funds' payouts, less the interest they pay) over their net worth, a year", true, true, func(v *view) float64 {
		return 12 * float64(v.s.AI.HouseholdCapitalIncome) / nonZero(v.wealthSum)
	}},
	{"units_dropped_price", "units a month", "automation units dropped in the month because compute cost more than the labour they replace", true, true, func(v *view) float64 { return float64(v.s.AI.UnitsDropped) }},
	{"reinstated_tasks", "tasks a month", "new labour tasks filled in the month (reinstatement)", true, true, func(v *view) float64 { return float64(v.s.AI.Reinstated) }},
	{"operating_cost", "money units a month", "what the data centres' owners paid in the month to run them", true, true, func(v *view) float64 { return float64(v.s.AI.Operating) }},
	{"data_stock", "data units", "the training data stock everyone produced", true, true, func(v *view) float64 { return v.s.AI.DataStock }},
	{"data_value_appropriated", "money units a month", "compute rent received in the month by persons who own data centres (zero where the commons own them)", true, true, func(v *view) float64 {
		return float64(v.s.AI.PrivateRent)
	}},
	{"data_dividend_paid", "money units a month", "data dividends paid in the month", true, true, func(v *view) float64 { return float64(v.s.AI.Dividends) }},
	{"commons_fund", "money units", "money in the commons fund", true, true, func(v *view) float64 { return float64(v.s.AI.CommonsFund) }},
	{"commons_paid", "money units a month", "paid out of the commons fund in the month", true, true, func(v *view) float64 { return float64(v.s.AI.CommonsPaid) }},
	{"commons_invested", "money units a month", "spent by the commons fund on data centres in the month", true, true, func(v *view) float64 { return float64(v.s.AI.CommonsInvested) }},
	{"poverty_rate", "0..1", "share of people whose consumption in the month, in goods, fell short of their need", true, true, poverty},
	{"mean_skill", "0.2..1", "mean skill (a worker's goods and wage scale with it)", true, true, func(v *view) float64 { return v.s.AI.MeanSkill }},
	{"skill_wage_loss", "0..1", "share of their pay workers lose to lost skill (1 − their mean skill)", true, true, func(v *view) float64 { return v.s.AI.SkillWageLoss }},
	{"hours", "0..1", "mean share of full time worked by those in work (cooperatives shorten hours as automation works)", true, true, func(v *view) float64 { return v.s.AI.Hours }},
	{"leisure", "0..1", "mean share of full time freed from work for those in work (1 − hours)", true, true, func(v *view) float64 { return 1 - v.s.AI.Hours }},
	{"effort", "ratio", "mean effort of those in work (capitalist firms' workers work harder as automation takes over)", true, true, func(v *view) float64 { return v.s.AI.Effort }},
	{"burden_bottom20_share", "0..1", "share of the environmental burden borne by the poorest fifth", true, true, burdenBottom20},
	{"local_spending_share", "0..1", "share of the month's consumption spent at firms in the buyer's own community", true, true, func(v *view) float64 {
		return ratio(v.s.AI.LocalSpending, v.s.AI.Consumption)
	}},
	{"poorest_community_wealth", "ratio", "money per person of the poorest community over the mean (1: communities equal)", true, true, poorestCommunity},
	{"net_worth_gini", "0..1", "Gini coefficient of households' net worth (deposits, shares and pension units at book value, less debt); the same as gini_wealth in the production economy, where wealth is net worth (above 1 when many are in net debt)", true, true, func(v *view) float64 { return Gini(v.wealth) }},
	{"debt_share", "0..1", "share of households whose net worth is below zero", true, true, func(v *view) float64 {
		k, _ := slices.BinarySearch(v.wealth, 0)
		return frac(k, v)
	}},
	{"household_debt_to_income", "years of income", "what households owe the bank over their income of a year (all money received in the month, times 12)", true, true, func(v *view) float64 {
		return float64(v.s.AI.HouseholdDebt) / nonZero(12*sumOf(v.income))
	}},
	{"bank_loans", "money units", "the bank's loans to households, firms, data centres and funds", true, true, func(v *view) float64 { return float64(v.s.AI.BankLoans) }},
	{"new_loans", "money units a month", "what the bank lent in the month (new deposits it created)", true, true, func(v *view) float64 { return float64(v.s.AI.Lent) }},
	{"unemployment_duration", "months", "how long those hired in the month had been without work, on average (completed spells; 0 when nobody was hired)", true, true, func(v *view) float64 {
		return ratio(v.s.AI.SpellMonths, v.s.AI.Hires)
	}},
	{"vacancies", "vacancies", "vacancies open at the month's end: jobs firms would fill at the wage the market bargains, and new tasks for labour", true, true, func(v *view) float64 { return float64(v.s.AI.Vacancies) }},
	{"vacancy_rate", "0..1", "vacancies over vacancies and people at work (JOLTS's job openings rate)", true, true, func(v *view) float64 {
		return float64(v.s.AI.Vacancies) / nonZero(float64(v.s.AI.Vacancies)+float64(len(v.wealth)-v.s.Unemployed))
	}},
	{"job_finding_rate", "chance a month", "the share of the unemployed at the month's start hired in the month", true, true, func(v *view) float64 {
		return ratio(v.s.AI.PooledHires, v.s.AI.Searchers)
	}},
	{"layoffs", "workers a month", "workers their firm let go in the month because it could not pay its wage bill, their goods sold for less than their wage, or renegotiating, their work added no more than their search was worth (displacement and closures apart)", true, true, func(v *view) float64 { return float64(v.s.AI.Layoffs) }},
	{"quits", "workers a month", "workers who left their job in the month for reasons of their own (labour.separation's chance a month)", true, true, func(v *view) float64 { return float64(v.s.AI.Quits) }},
	{"displacement", "full-time workers a month", "the labour units rented in the month took over: workers let go, and in cooperatives members' hours shortened, in full-time workers (Acemoglu and Restrepo's displacement effect; in capitalist firms the same count as displaced_workers)", true, true, func(v *view) float64 { return v.s.AI.Displacement }},
	{"reinstatement", "tasks a month", "new tasks for labour created in the month, each a vacancy until filled (Acemoglu and Restrepo's reinstatement effect; reinstated_tasks counts those filled)", true, true, func(v *view) float64 { return v.s.AI.NewTasks }},
	{"productivity_effect", "workers a month", "the month's change in labour demanded (the hours of people at work, full time = 1, and vacancies) less reinstatement plus displacement: a residual — labour demanded because goods sell more, automation's lower costs among every other move of demand; read it over a window beside a world without automation", true, true, func(v *view) float64 { return v.s.AI.ProductivityEffect }},
	{"displaced_workers", "workers a month", "workers automation displaced in the month (task displacement)", true, true, func(v *view) float64 { return float64(v.s.AI.Displaced) }},
	{"displaced_earnings_loss", "share", "what workers displaced by automation two to five years ago earn now (nothing out of work) below workers drawn at work when they were displaced and never displaced, as a share of the latter's pay (Jacobson, LaLonde and Sullivan 1993: about 0.25)", true, true, func(v *view) float64 { return v.s.AI.DisplacedLoss }},
	{"policy_rate", "per year", "the policy rate", true, true, func(v *view) float64 { return v.s.AI.PolicyRate }},
	{"loan_rate", "per year", "the rate the bank lends at: the policy rate plus its spread", true, true, func(v *view) float64 { return v.s.AI.LoanRate }},
	{"firm_births", "firms a month", "firms founded in the month", true, true, func(v *view) float64 { return float64(v.s.AI.FirmBirths) }},
	{"bankruptcies", "firms a month", "firms wound up in the month owing the bank more than their money (the bank wrote off the rest)", true, true, func(v *view) float64 { return float64(v.s.AI.Bankruptcies) }},
	{"firm_closures", "firms a month", "firms wound up in the month, bankrupt or not (their last worker gone)", true, true, func(v *view) float64 { return float64(v.s.AI.Closures) }},
	{"household_defaults", "households a month", "households a year behind on their payments whose debt the bank wrote off in the month", true, true, func(v *view) float64 { return float64(v.s.AI.Defaults) }},
	{"loans_written_off", "money units a month", "what the bank wrote off in the month (bankrupt firms, defaulting households, retired data centres' debts)", true, true, func(v *view) float64 { return float64(v.s.AI.WrittenOff) }},
	{"interest_paid", "money units a month", "interest paid to the bank in the month", true, true, func(v *view) float64 { return float64(v.s.AI.InterestPaid) }},
	{"bank_equity", "money units", "the bank's net worth: its reserves and loans less the deposits it owes", true, true, func(v *view) float64 { return float64(v.s.AI.BankEquity) }},
	{"equity_share_top1", "0..1", "share of the equity households hold (shares and pension units at book value) held by the 1% with the most net worth", true, true, equityTop1},
	{"commons_equity_share", "0..1", "the commons fund's share of all equity in firms and data centres, at book value", true, true, func(v *view) float64 { return v.s.AI.CommonsEquityShare }},
	{"wage_fund_equity_share", "0..1", "the wage-earner fund's share of firms' equity, at book value", true, true, func(v *view) float64 { return v.s.AI.WageFundShare }},
	{"largest_firm_employment_share", "0..1", "people working in the largest firm, its founder included, over all people", true, true, func(v *view) float64 {
		if len(v.s.FirmSizes) == 0 {
			return 0
		}
		return frac(int(slices.Max(v.s.FirmSizes))+1, v)
	}},
	{"net_lending_households", "share of value added", "households' financial balance in the month: what they received less what they paid, loans, repayments and shares apart (negative: they borrowed); the six sectors' balances sum to zero", true, true, netLending(economy.Households)},
	{"net_lending_firms", "share of value added", "firms' financial balance in the month (see net_lending_households)", true, true, netLending(economy.Firms)},
	{"net_lending_datacenters", "share of value added", "the data centres' financial balance in the month: rent less operating costs, interest, dividends and construction", true, true, netLending(economy.Datacenters)},
	{"net_lending_commons", "share of value added", "the commons fund's financial balance in the month", true, true, netLending(economy.CommonsFund)},
	{"net_lending_funds", "share of value added", "the pension, wage-earner and data funds' financial balance in the month", true, true, netLending(economy.OtherFunds)},
	{"net_lending_bank", "share of value added", "the bank's financial balance in the month: interest less the dividends it paid", true, true, netLending(economy.Bank)},
	{"burden_gap", "ratio", "burden on the poorest fifth over the burden on the average person (1: an even share)", true, true, func(v *view) float64 {
		return 5 * burdenBottom20(v)
	}},
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
	sortMoney(m.v.wealth, &m.v.scratch)
	m.v.wealthSum = sumOf(m.v.wealth)
	m.v.income = append(m.v.income[:0], s.Income...)
	sortMoney(m.v.income, &m.v.scratch)
	if s.AI != nil {
		m.v.spent = append(m.v.spent[:0], s.AI.Spent...)
		sortMoney(m.v.spent, &m.v.scratch)
	}
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

// netLending is the metric of a sector's financial balance: its column of
// the month's transactions-flow matrix over the current and capital
// transactions (new loans, repayments and shares are how it is financed),
// over value added.
func netLending(s economy.Sector) func(v *view) float64 {
	return func(v *view) float64 {
		var b int64
		for r, row := range v.s.AI.Flows {
			switch economy.Row(r) {
			case economy.RowLoans, economy.RowRepayments, economy.RowShares:
			default:
				b += row[s]
			}
		}
		return ratio(b, v.s.AI.ValueAdded)
	}
}

// equityTop1 is the share of the equity households hold that the 1% with
// the most net worth hold (ties at the threshold in person order).
func equityTop1(v *view) float64 {
	eq := v.s.AI.DirectEquity
	n := len(v.wealth)
	k := ceilCount(0.01, n)
	thr := v.wealth[n-k]
	var top, all float64
	above := 0
	for _, w := range v.s.Wealth {
		if w > thr {
			above++
		}
	}
	atThr := k - above
	for i, w := range v.s.Wealth {
		e := float64(eq[i])
		all += e
		switch {
		case w > thr:
			top += e
		case w == thr && atThr > 0:
			top += e
			atThr--
		}
	}
	return top / nonZero(all)
}

// Sorted returns the wealth of the last snapshot measured, sorted. The
// slice belongs to the meter and changes with the next Measure.
func (m *Meter) Sorted() []int64 { return m.v.wealth }

// poverty is the share of people whose consumption in the month, in goods
// at the month's price level, fell short of their need.
func poverty(v *view) float64 {
	poor, p := 0, v.s.AI.PriceLevel
	for i, c := range v.s.AI.Spent {
		if float64(c) < float64(v.s.AI.Need[i])*p {
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

// poorestCommunity is the money per person of the poorest community over
// everyone's mean.
func poorestCommunity(v *view) float64 {
	var total float64
	least := math.Inf(1)
	for _, c := range v.s.AI.Communities {
		size := float64(max(c.End-c.First, 1))
		total += float64(c.Wealth)
		least = min(least, float64(c.Wealth)/size)
	}
	if total == 0 {
		return 1
	}
	return least / (total / float64(len(v.wealth)))
}

// lowerCount is how many of sorted are below x.
func lowerCount(sorted []int64, x int64) int {
	k, _ := slices.BinarySearch(sorted, x)
	return k
}

// MeanColumn is the mean of column col over rows of measurements.
func MeanColumn(rows [][]float64, col int) float64 {
	var sum float64
	for _, row := range rows {
		sum += row[col]
	}
	return sum / float64(len(rows))
}
