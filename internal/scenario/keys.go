package scenario

import (
	"fmt"
	"math"
	"strconv"

	"commonwealth/internal/economy"
)

// Kind is the type of a key's value.
type Kind int

// Kinds of key values.
const (
	Int Kind = iota
	Float
	String
	Bool
)

func (k Kind) String() string {
	return [...]string{"an integer", "a number", "a string", "true or false"}[k]
}

// Key describes one scenario key: its path, type, default, unit, range and
// meaning. The registry Keys is the single source of the scenario format: the
// loader, --set, the manifest and the generated reference all read it.
type Key struct {
	Path    string
	Kind    Kind
	Unit    string
	Doc     string
	Choices []string // for enumerations: the allowed values
	Min     float64  // lowest allowed value (numbers)
	Max     float64  // highest allowed value (numbers)
	MaxOpen bool     // Max itself is not allowed
	Why     string   // why the range is what it is, shown when a value is outside it
	Shared  bool     // the same in every arm: arms may not override it
	Live    bool     // can change in a running world (events, the window's sliders)

	check func(v value) (msg, hint string) // a further check, or nil

	set func(s *Settings, v value)
	get func(s *Settings) any
}

// value is a checked value of a key's kind.
type value struct {
	i int64
	f float64
	s string
	b bool
}

// maxPeople bounds the population so person indices fit in 32 bits and one
// world fits in the memory of an ordinary machine.
const maxPeople = 50_000_000

// checkPeople refuses populations too large for memory, saying how much
// memory they would take.
func checkPeople(v value) (string, string) {
	if v.i <= maxPeople {
		return "", ""
	}
	per := economy.WorldBytes(economy.Params{Model: economy.ModelCapitalism, AI: economy.AIParams{Enabled: true}})
	return fmt.Sprintf("%d people are too many for memory: one world needs up to %s (%d bytes a person), and a run holds one world per worker",
			v.i, Bytes(float64(v.i)*float64(per)), per),
		fmt.Sprintf("at most %d people; use fewer people and more seeds", maxPeople)
}

// Bytes writes a byte count in decimal units, for messages.
func Bytes(b float64) string {
	units := []string{"B", "kB", "MB", "GB", "TB", "PB", "EB"}
	i := 0
	for ; b >= 1000 && i < len(units)-1; i++ {
		b /= 1000
	}
	return strconv.FormatFloat(b, 'f', 1, 64) + " " + units[i]
}

// Keys is every key a scenario may set, in the order of the reference.
var Keys = []Key{
	{Path: "name", Kind: String, Unit: "text", Doc: "the scenario's name, shown on plots and in reports (default: the file name)", Shared: true,
		set: func(s *Settings, v value) {}, get: func(*Settings) any { return nil }},
	{Path: "description", Kind: String, Unit: "text", Doc: "what the scenario asks, in a sentence or a paragraph", Shared: true,
		set: func(s *Settings, v value) {}, get: func(*Settings) any { return nil }},
	{Path: "model", Kind: String, Unit: "", Doc: "model family: kinetic exchange or Wright's capitalism", Shared: true,
		Choices: []string{economy.ModelExchange, economy.ModelCapitalism},
		set:     func(s *Settings, v value) { s.Model = v.s }, get: func(s *Settings) any { return s.Model }},
	{Path: "people", Kind: Int, Unit: "persons", Doc: "number of persons N (at most 50,000,000: a world must fit in memory)", Shared: true, Min: 2, Max: math.MaxInt64,
		check: checkPeople,
		set:   func(s *Settings, v value) { s.People = int(v.i) }, get: func(s *Settings) any { return s.People }},
	{Path: "start_wealth", Kind: Int, Unit: "money units per person", Doc: "money each person holds at the start (everyone starts equal)", Min: 0, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.StartWealth = v.i }, get: func(s *Settings) any { return s.StartWealth }},
	{Path: "months", Kind: Int, Unit: "months", Doc: "length of each run; a month is `people` activations", Shared: true, Min: 1, Max: 1_000_000,
		set: func(s *Settings, v value) { s.Months = int(v.i) }, get: func(s *Settings) any { return s.Months }},
	{Path: "seeds", Kind: Int, Unit: "runs per arm", Doc: "how many seeds each arm runs (replicates; every arm runs the same seeds)", Shared: true, Min: 1, Max: 100_000,
		set: func(s *Settings, v value) { s.Seeds = int(v.i) }, get: func(s *Settings) any { return s.Seeds }},
	{Path: "seed", Kind: Int, Unit: "", Doc: "the first seed; the others are seed+1, seed+2, ...", Shared: true, Min: 0, Max: math.MaxInt64,
		set: func(s *Settings, v value) { s.Seed = uint64(v.i) }, get: func(s *Settings) any { return s.Seed }},

	{Path: "exchange.rule", Kind: String, Doc: "trading rule of the exchange model",
		Choices: []string{economy.RuleRandom, economy.RuleSaving, economy.RuleYardSale, economy.RuleMesa},
		set:     func(s *Settings, v value) { s.Exchange.Rule = v.s }, get: func(s *Settings) any { return s.Exchange.Rule }},
	{Path: "exchange.amount", Live: true, Kind: Int, Unit: "money units", Doc: "random and mesa: units moved by one trade", Min: 1, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.Exchange.Amount = v.i }, get: func(s *Settings) any { return s.Exchange.Amount }},
	{Path: "exchange.saving", Live: true, Kind: Float, Unit: "fraction", Doc: "saving: fraction λ of their money each trader keeps out of the trade", Min: 0, Max: 1, MaxOpen: true,
		Why: "a saver who keeps everything never trades",
		set: func(s *Settings, v value) { s.Exchange.Saving = v.f }, get: func(s *Settings) any { return s.Exchange.Saving }},
	{Path: "exchange.fraction", Live: true, Kind: Float, Unit: "fraction", Doc: "yardsale: fraction f of the poorer trader's wealth at stake in a trade", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.Exchange.Fraction = v.f }, get: func(s *Settings) any { return s.Exchange.Fraction }},
	{Path: "exchange.redistribution", Live: true, Kind: Float, Unit: "fraction per month", Doc: "χ: each month everyone pays this fraction of their wealth into a fund shared equally (any rule; 0 = none)", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.Exchange.Redistribution = v.f }, get: func(s *Settings) any { return s.Exchange.Redistribution }},
	{Path: "exchange.advantage", Live: true, Kind: Float, Unit: "per month", Doc: "yardsale: ζ, wealth-attained advantage: how much the coin favours the richer trader (0 = a fair coin)", Min: 0, Max: 100,
		set: func(s *Settings, v value) { s.Exchange.Advantage = v.f }, get: func(s *Settings) any { return s.Exchange.Advantage }},

	{Path: "capitalism.wage_min", Live: true, Kind: Int, Unit: "money units per month", Doc: "lowest monthly wage an employer offers; with ai.enabled wages are bargained instead, and this only sets, with capitalism.wage_max, the mean wage at the start (their midpoint), before any is paid (a change during a run then does nothing)", Min: 0, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.Capitalism.WageMin = v.i }, get: func(s *Settings) any { return s.Capitalism.WageMin }},
	{Path: "capitalism.wage_max", Live: true, Kind: Int, Unit: "money units per month", Doc: "highest monthly wage an employer offers; with ai.enabled wages are bargained instead, and this only sets the start: the price of a good then, and with capitalism.wage_min the mean wage (a change during a run then does nothing)", Min: 0, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.Capitalism.WageMax = v.i }, get: func(s *Settings) any { return s.Capitalism.WageMax }},

	{Path: "ai.enabled", Kind: Bool, Shared: true, Doc: "automation as capital: units, compute, data centres, training data (false: Wright's model exactly)",
		set: func(s *Settings, v value) { s.AI.Enabled = v.b }, get: func(s *Settings) any { return s.AI.Enabled }},
	{Path: "ai.productivity", Kind: Float, Unit: "goods per unit a month", Doc: "π₀: the goods one automation unit makes a month at the reference data stock (a worker at full skill makes one)", Min: 0, Max: 1000, Live: true,
		set: func(s *Settings, v value) { s.AI.Productivity = v.f }, get: func(s *Settings) any { return s.AI.Productivity }},
	{Path: "ai.compute_per_unit", Kind: Float, Unit: "compute units a month", Doc: "c_u: compute one automation unit needs", Min: 0.001, Max: 1e6,
		set: func(s *Settings, v value) { s.AI.ComputePerUnit = v.f }, get: func(s *Settings) any { return s.AI.ComputePerUnit }},
	{Path: "ai.hurdle", Kind: Float, Unit: "ratio", Doc: "a unit is rented when its cost times this is below the wages of the work it does (Acemoglu–Restrepo)", Min: 0.1, Max: 100, Live: true,
		set: func(s *Settings, v value) { s.AI.Hurdle = v.f }, get: func(s *Settings) any { return s.AI.Hurdle }},
	{Path: "ai.data_elasticity", Kind: Float, Unit: "exponent", Doc: "β: productivity grows as the data stock to this power (diminishing returns below 1)", Min: 0, Max: 2,
		set: func(s *Settings, v value) { s.AI.DataElasticity = v.f }, get: func(s *Settings) any { return s.AI.DataElasticity }},
	{Path: "ai.data_depreciation", Kind: Float, Unit: "fraction a month", Doc: "δ: share of the data stock that goes stale each month", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.DataDepreciation = v.f }, get: func(s *Settings) any { return s.AI.DataDepreciation }},

	{Path: "goods.variety", Kind: Float, Unit: "elasticity", Doc: "σ: elasticity of substitution between firms' goods; buyers spread their spending over firms as (goods)^((σ−1)/σ), so a firm's price falls as it sells more (large: one good)", Min: 1.1, Max: 1000,
		set: func(s *Settings, v value) { s.AI.Variety = v.f }, get: func(s *Settings) any { return s.AI.Variety }},
	{Path: "spending.income_poor", Kind: Float, Unit: "fraction of income", Doc: "propensity to consume out of last month's income of a person with no wealth", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Spending.IncomePoor = v.f }, get: func(s *Settings) any { return s.AI.Spending.IncomePoor }},
	{Path: "spending.income_rich", Kind: Float, Unit: "fraction of income", Doc: "propensity to consume out of income of the very rich", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Spending.IncomeRich = v.f }, get: func(s *Settings) any { return s.AI.Spending.IncomeRich }},
	{Path: "spending.wealth_poor", Kind: Float, Unit: "fraction of wealth a month", Doc: "propensity to consume out of wealth of a person with little", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Spending.WealthPoor = v.f }, get: func(s *Settings) any { return s.AI.Spending.WealthPoor }},
	{Path: "spending.wealth_rich", Kind: Float, Unit: "fraction of wealth a month", Doc: "propensity to consume out of wealth of the very rich", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Spending.WealthRich = v.f }, get: func(s *Settings) any { return s.AI.Spending.WealthRich }},
	{Path: "spending.half_wealth", Kind: Float, Unit: "money units", Doc: "the wealth at which each propensity is half way from its value for the poor to its value for the rich", Min: 1, Max: 1e12, Live: true,
		set: func(s *Settings, v value) { s.AI.Spending.HalfWealth = v.f }, get: func(s *Settings) any { return s.AI.Spending.HalfWealth }},

	{Path: "labour.wage_curve", Kind: Float, Unit: "elasticity", Doc: "ε: a worker's outside option scales as (unemployment / labour.reference_unemployment)^−ε (the wage curve; about 0.1 measured). Tightness enters the bargain through labour.vacancy_cost as well (Pissarides); set ε = 0 to leave it there alone", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.WageCurve = v.f }, get: func(s *Settings) any { return s.AI.Labour.WageCurve }},
	{Path: "labour.reference_unemployment", Kind: Float, Unit: "share of people", Doc: "the unemployment at which the outside option is labour.outside_option of the mean wage", Min: 0.01, Max: 0.9, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.RefUnemployed = v.f }, get: func(s *Settings) any { return s.AI.Labour.RefUnemployed }},
	{Path: "labour.bargaining", Kind: Float, Unit: "share", Doc: "β: workers' bargaining power, their share of the match's surplus: of what their work adds to the firm's sales over their outside option (Nash bargaining)", Min: 0.05, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Bargaining = v.f }, get: func(s *Settings) any { return s.AI.Labour.Bargaining }},
	{Path: "labour.outside_option", Kind: Float, Unit: "share of the mean wage", Doc: "ρ: what a worker at full skill could get elsewhere, as a share of last month's mean wage, at the reference unemployment (it moves along the wage curve)", Min: 0, Max: 1.5, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.OutsideOption = v.f }, get: func(s *Settings) any { return s.AI.Labour.OutsideOption }},
	{Path: "labour.separation", Kind: Float, Unit: "chance a month", Doc: "the chance a month that a worker leaves their job for reasons of their own (counted as quits; firms' layoffs come on top, from their own decisions)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Separation = v.f }, get: func(s *Settings) any { return s.AI.Labour.Separation }},
	{Path: "labour.matching", Kind: Float, Unit: "matches a month per √(unemployed × vacancies)", Doc: "μ: the matching function's efficiency, matches a month M = μ·U^η·V^(1−η): the chance a month that a searcher meets a vacancy is μ·(V/U)^(1−η) (at most 1)", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Matching = v.f }, get: func(s *Settings) any { return s.AI.Labour.Matching }},
	{Path: "labour.matching_elasticity", Kind: Float, Unit: "elasticity", Doc: "η: the elasticity of matches to the unemployed (Petrongolo and Pissarides 2001: 0.5–0.7)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.MatchingElasticity = v.f }, get: func(s *Settings) any { return s.AI.Labour.MatchingElasticity }},
	{Path: "labour.vacancy_cost", Kind: Float, Unit: "share of the mean wage a month", Doc: "c: what keeping a vacancy open costs a firm a month (recruiting, in its decisions); a worker's bargain gets β of the hiring costs the match saves, c·θ·w̄, θ vacancies over the unemployed (Pissarides's wage), so wages rise as the market tightens", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.VacancyCost = v.f }, get: func(s *Settings) any { return s.AI.Labour.VacancyCost }},
	{Path: "labour.renegotiation", Kind: Float, Unit: "chance a month", Doc: "the chance a month that a contract's wage is bargained again, on what the worker now adds against their outside option (a match left with no surplus ends); 0 keeps every wage until the worker leaves", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Renegotiation = v.f }, get: func(s *Settings) any { return s.AI.Labour.Renegotiation }},
	{Path: "labour.reinstatement", Kind: Float, Unit: "tasks a month per unit", Doc: "new labour tasks each automation unit's firm gets a month (Acemoglu–Restrepo's reinstatement; 0 = none)", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Reinstatement = v.f }, get: func(s *Settings) any { return s.AI.Labour.Reinstatement }},
	{Path: "labour.deskilling", Kind: Float, Unit: "skill a month", Doc: "skill lost each month out of work (skill runs from 0.2 to 1; goods and wage offers scale with it)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Deskilling = v.f }, get: func(s *Settings) any { return s.AI.Labour.Deskilling }},
	{Path: "labour.reskilling", Kind: Float, Unit: "skill a month", Doc: "skill regained each month at work", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Reskilling = v.f }, get: func(s *Settings) any { return s.AI.Labour.Reskilling }},
	{Path: "labour.task_deskilling", Kind: Float, Unit: "skill a month", Doc: "skill a worker loses each month in a firm whose work automation does entirely (in proportion to the share it does)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.TaskDeskilling = v.f }, get: func(s *Settings) any { return s.AI.Labour.TaskDeskilling }},
	{Path: "labour.displaced_skill", Kind: Float, Unit: "skill", Doc: "skill specific to the tasks automated, lost by a worker automation displaces: it comes off the most skill they can have, which work raises again by labour.relearning a month", Min: 0, Max: 0.8, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.DisplacedSkill = v.f }, get: func(s *Settings) any { return s.AI.Labour.DisplacedSkill }},
	{Path: "labour.relearning", Kind: Float, Unit: "skill a month", Doc: "how fast work raises again the most skill a displaced worker can have (the skill of the new job's tasks, learned)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Relearning = v.f }, get: func(s *Settings) any { return s.AI.Labour.Relearning }},
	{Path: "labour.duration_discount", Kind: Float, Unit: "share a month", Doc: "δ: a worker's outside option falls as e^(−δ·months) over an unemployment spell (reservation wages fall 0.2–0.6% a month: Krueger and Mueller 2016)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.DurationDiscount = v.f }, get: func(s *Settings) any { return s.AI.Labour.DurationDiscount }},
	{Path: "labour.intensification", Kind: Float, Unit: "extra effort", Doc: "how much harder a capitalist firm's workers work when automation does all its work (in proportion to the share it does): more goods, the same pay", Min: 0, Max: 2, Live: true,
		set: func(s *Settings, v value) { s.AI.Labour.Intensify = v.f }, get: func(s *Settings) any { return s.AI.Labour.Intensify }},

	{Path: "compute.capacity", Kind: Float, Unit: "compute units a month", Doc: "compute one data centre supplies", Min: 1, Max: 1e9,
		set: func(s *Settings, v value) { s.AI.Compute.Capacity = v.f }, get: func(s *Settings) any { return s.AI.Compute.Capacity }},
	{Path: "compute.datacenters", Kind: Int, Unit: "data centres", Doc: "data centres at the start", Min: 0, Max: 10000,
		set: func(s *Settings, v value) { s.AI.Compute.Datacenters = int(v.i) }, get: func(s *Settings) any { return s.AI.Compute.Datacenters }},
	{Path: "compute.price", Kind: Float, Unit: "money per compute unit", Doc: "p₀: price of compute when it is plentiful, the floor its price falls to", Min: 0, Max: 1e6, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.PriceBase = v.f }, get: func(s *Settings) any { return s.AI.Compute.PriceBase }},
	{Path: "compute.scarcity", Kind: Float, Unit: "per month", Doc: "κ: the price is multiplied each month by exp(κ·(demand − supply)/max(demand, supply)); no ceiling", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.Scarcity = v.f }, get: func(s *Settings) any { return s.AI.Compute.Scarcity }},
	{Path: "compute.build_cost", Kind: Int, Unit: "money units", Doc: "cost of a data centre, spent into the market as construction", Min: 0, Max: math.MaxInt32, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.BuildCost = v.i }, get: func(s *Settings) any { return s.AI.Compute.BuildCost }},
	{Path: "compute.build_months", Kind: Int, Unit: "months", Doc: "months from approval to supply", Min: 0, Max: 1200,
		set: func(s *Settings, v value) { s.AI.Compute.BuildMonths = int(v.i) }, get: func(s *Settings) any { return s.AI.Compute.BuildMonths }},
	{Path: "compute.operating_cost", Kind: Int, Unit: "money units a month", Doc: "what a ready data centre costs its owner to run (power, water), spent into the market", Min: 0, Max: math.MaxInt32, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.OperatingCost = v.i }, get: func(s *Settings) any { return s.AI.Compute.OperatingCost }},
	{Path: "compute.lifetime", Kind: Int, Unit: "months", Doc: "months a data centre supplies before it retires", Min: 1, Max: 12000,
		set: func(s *Settings, v value) { s.AI.Compute.Lifetime = int(v.i) }, get: func(s *Settings) any { return s.AI.Compute.Lifetime }},
	{Path: "compute.hurdle_rate", Kind: Float, Unit: "return a year", Doc: "the yearly return on its cost an investor requires to build a data centre", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.HurdleRate = v.f }, get: func(s *Settings) any { return s.AI.Compute.HurdleRate }},

	{Path: "siting", Kind: String, Doc: "where data centres go: where land and power are cheapest (the poorest community), a random one, or only where residents consent",
		Choices: []string{economy.SitingCheapest, economy.SitingRandom, economy.SitingConsent},
		set:     func(s *Settings, v value) { s.AI.Siting = v.s }, get: func(s *Settings) any { return s.AI.Siting }},
	{Path: "resistance.base", Kind: Float, Unit: "probability", Doc: "organisation at rest: the chance that a community of average wealth, bearing no burden and with no recent fight, refuses a data centre", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Base = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Base }},
	{Path: "resistance.growth", Kind: Float, Unit: "probability a month per unit of burden", Doc: "organisation a community gains each month per unit of burden its people bear", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Growth = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Growth }},
	{Path: "resistance.decay", Kind: Float, Unit: "fraction a month", Doc: "share of its organisation above rest a community loses each month (0.02: half in about three years)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Decay = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Decay }},
	{Path: "resistance.win", Kind: Float, Unit: "probability", Doc: "organisation a community gains when it refuses a data centre (a win builds the movement)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Win = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Win }},
	{Path: "resistance.moratorium", Kind: Int, Unit: "months", Doc: "months a refusal keeps proposals away from the community (a moratorium won; 0: the next proposal may come the next month)", Min: 0, Max: 1200, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Moratorium = int(v.i) }, get: func(s *Settings) any { return s.AI.Resistance.Moratorium }},
	{Path: "resistance.power", Kind: Float, Unit: "exponent", Doc: "ρ: refusal scales with (the community's mean wealth / everyone's)^ρ: money buys the power to refuse (0 = it does not)", Min: 0, Max: 5, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Power = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Power }},
	{Path: "resistance.sunk_cost", Kind: Float, Unit: "fraction of build cost", Doc: "what a blocked proposal costs its investor (planning, spent into the market)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.SunkCost = v.f }, get: func(s *Settings) any { return s.AI.Resistance.SunkCost }},
	{Path: "burden.per_datacenter", Kind: Float, Unit: "index a month", Doc: "environmental burden (water, power, noise) one data centre puts on each resident of a community of 1,000 (more on a smaller one)", Min: 0, Max: 1e6, Live: true,
		set: func(s *Settings, v value) { s.AI.Burden.PerDatacenter = v.f }, get: func(s *Settings) any { return s.AI.Burden.PerDatacenter }},
	{Path: "burden.health_cost", Kind: Float, Unit: "money units per unit of burden", Doc: "what a resident spends on health a month per unit of burden", Min: 0, Max: 1e6, Live: true,
		set: func(s *Settings, v value) { s.AI.Burden.HealthCost = v.f }, get: func(s *Settings) any { return s.AI.Burden.HealthCost }},
	{Path: "burden.skill_loss", Kind: Float, Unit: "skill per unit of burden", Doc: "skill a resident loses a month per unit of burden", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Burden.SkillLoss = v.f }, get: func(s *Settings) any { return s.AI.Burden.SkillLoss }},
	{Path: "communities.count", Kind: Int, Unit: "communities", Doc: "K: communities people live in (equal sizes)", Min: 1, Max: 1000, Shared: true,
		set: func(s *Settings, v value) { s.AI.Communities.Count = int(v.i) }, get: func(s *Settings) any { return s.AI.Communities.Count }},
	{Path: "communities.spread", Kind: Float, Unit: "fraction", Doc: "0: every community starts equal; s: the poorest starts with (1 − s) and the richest (1 + s) times start_wealth", Min: 0, Max: 0.95, Shared: true,
		set: func(s *Settings, v value) { s.AI.Communities.Spread = v.f }, get: func(s *Settings) any { return s.AI.Communities.Spread }},
	{Path: "communities.local", Kind: Float, Unit: "share", Doc: "share of job searches and of shopping done within one's own community (0: anywhere)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Communities.Local = v.f }, get: func(s *Settings) any { return s.AI.Communities.Local }},
	{Path: "data.dividend", Kind: Float, Unit: "fraction of compute rent", Doc: "share of compute rent paid back to everyone in proportion to the data they produced", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Dividend = v.f }, get: func(s *Settings) any { return s.AI.Dividend }},
	{Path: "ownership.firms", Kind: String, Doc: "capitalist firms keep the profit and fire when they automate; cooperatives share the surplus among members and shorten hours instead",
		Choices: []string{economy.FirmsCapitalist, economy.FirmsCooperative},
		set:     func(s *Settings, v value) { s.AI.Ownership.Firms = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Firms }},
	{Path: "ownership.automation", Kind: String, Live: true, Doc: "who owns data centres and receives compute rent: their investors, or the commons fund (set to commons in a running world, it takes the existing data centres into common ownership)",
		Choices: []string{economy.AutomationPrivate, economy.AutomationCommons},
		set:     func(s *Settings, v value) { s.AI.Ownership.Automation = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Automation }},
	{Path: "ownership.distribution", Kind: String, Live: true, Doc: "how the commons fund pays out each month: equally, to those whose consumption fell short of their need first, or by data contributed",
		Choices: []string{economy.DistributeEqual, economy.DistributeNeed, economy.DistributeByData},
		set:     func(s *Settings, v value) { s.AI.Ownership.Distribution = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Distribution }},
	{Path: "commons.retain", Kind: Float, Unit: "fraction of income", Doc: "share of the commons fund's income it keeps to invest in data centres; the rest is paid out", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Commons.Retain = v.f }, get: func(s *Settings) any { return s.AI.Commons.Retain }},
	{Path: "commons.invest", Kind: String, Live: true, Doc: "how the commons fund decides to build: by expected return like a private investor, or by a social rule that also counts the health cost of the burden and sites where the burden is least",
		Choices: []string{economy.InvestReturn, economy.InvestSocial},
		set:     func(s *Settings, v value) { s.AI.Commons.Invest = v.s }, get: func(s *Settings) any { return s.AI.Commons.Invest }},
	{Path: "ownership.commons_firms", Kind: Float, Unit: "share of equity", Live: true, Doc: "the commons fund's share of every firm's equity: 0 none, 1 all (raised in a running world, it takes the shares by ownership.transfer)", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Ownership.CommonsFirms = v.f }, get: func(s *Settings) any { return s.AI.Ownership.CommonsFirms }},
	{Path: "ownership.commons_datacenters", Kind: Float, Unit: "share of equity", Live: true, Doc: "the commons fund's share of every data centre's equity (ownership.automation = \"commons\" makes it 1)", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Ownership.CommonsDC = v.f }, get: func(s *Settings) any { return s.AI.Ownership.CommonsDC }},
	{Path: "ownership.wage_fund", Kind: Float, Unit: "share of profit", Live: true, Doc: "share of each firm's yearly profit issued to the wage-earner fund as new shares (Meidner's plan proposed 0.2)", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Ownership.WageFund = v.f }, get: func(s *Settings) any { return s.AI.Ownership.WageFund }},
	{Path: "ownership.transfer", Kind: String, Live: true, Doc: "how the commons takes the shares a rise in its share gives it: bought at book value from their holders, or expropriated without compensation",
		Choices: []string{economy.TransferBuyout, economy.TransferExpropriate},
		set:     func(s *Settings, v value) { s.AI.Ownership.Transfer = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Transfer }},

	{Path: "bank.policy_rate", Kind: Float, Unit: "rate a year", Live: true, Doc: "the central bank's policy rate; the bank lends at it plus bank.spread", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Bank.PolicyRate = v.f }, get: func(s *Settings) any { return s.AI.Bank.PolicyRate }},
	{Path: "bank.spread", Kind: Float, Unit: "rate a year", Live: true, Doc: "the loan rate's spread over the policy rate", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Bank.Spread = v.f }, get: func(s *Settings) any { return s.AI.Bank.Spread }},
	{Path: "bank.capital_ratio", Kind: Float, Unit: "share of loans", Live: true, Doc: "the least equity the bank keeps against its loans (a leverage ratio: Basel III asks 0.03, banks hold about 0.08)", Min: 0.001, Max: 1,
		set: func(s *Settings, v value) { s.AI.Bank.CapitalRatio = v.f }, get: func(s *Settings) any { return s.AI.Bank.CapitalRatio }},
	{Path: "bank.capital", Kind: Float, Unit: "share of money", Doc: "the bank's equity at the start, as a share of the money people start with", Min: 0, Max: 10,
		set: func(s *Settings, v value) { s.AI.Bank.Capital = v.f }, get: func(s *Settings) any { return s.AI.Bank.Capital }},
	{Path: "bank.coverage", Kind: Float, Unit: "ratio", Live: true, Doc: "a borrower's expected cash flow must be this many times its debt service (lenders ask 1.2–1.5)", Min: 0.1, Max: 100,
		set: func(s *Settings, v value) { s.AI.Bank.Coverage = v.f }, get: func(s *Settings) any { return s.AI.Bank.Coverage }},
	{Path: "bank.term", Kind: Int, Unit: "months", Live: true, Doc: "months over which a loan is repaid (a month's principal is what is owed over this)", Min: 1, Max: 1200,
		set: func(s *Settings, v value) { s.AI.Bank.Term = int(v.i) }, get: func(s *Settings) any { return s.AI.Bank.Term }},
	{Path: "bank.household_limit", Kind: Float, Unit: "months of wage", Live: true, Doc: "the line of credit a household gets at work, in months of its wage (0: households cannot borrow)", Min: 0, Max: 120,
		set: func(s *Settings, v value) { s.AI.Bank.HouseholdLimit = v.f }, get: func(s *Settings) any { return s.AI.Bank.HouseholdLimit }},
	{Path: "bank.loan_to_value", Kind: Float, Unit: "share of cost", Live: true, Doc: "the share of a data centre's cost the bank lends on it, when its rent covers the debt", Min: 0, Max: 0.95,
		set: func(s *Settings, v value) { s.AI.Bank.LoanToValue = v.f }, get: func(s *Settings) any { return s.AI.Bank.LoanToValue }},
	{Path: "finance.founder_stake", Kind: Float, Unit: "share of money", Live: true, Doc: "the share of their money a founder puts into a new firm", Min: 0.01, Max: 1,
		set: func(s *Settings, v value) { s.AI.Finance.FounderStake = v.f }, get: func(s *Settings) any { return s.AI.Finance.FounderStake }},
	{Path: "finance.leverage", Kind: Float, Unit: "times the stake", Live: true, Doc: "a founder may borrow up to this many times their stake, when the bank's rule allows", Min: 0, Max: 100,
		set: func(s *Settings, v value) { s.AI.Finance.Leverage = v.f }, get: func(s *Settings) any { return s.AI.Finance.Leverage }},
	{Path: "finance.cash_months", Kind: Float, Unit: "months of costs", Live: true, Doc: "the cash a firm keeps (retained earnings) before paying the rest out as dividends", Min: 0, Max: 120,
		set: func(s *Settings, v value) { s.AI.Finance.CashMonths = v.f }, get: func(s *Settings) any { return s.AI.Finance.CashMonths }},
	{Path: "finance.pension", Kind: Float, Unit: "share of wages", Live: true, Doc: "the share of every wage paid into the pension fund, which invests it in private firms", Min: 0, Max: 0.5,
		set: func(s *Settings, v value) { s.AI.Finance.Pension = v.f }, get: func(s *Settings) any { return s.AI.Finance.Pension }},
	{Path: "finance.pension_share", Kind: Float, Unit: "share of equity", Live: true, Doc: "the share of every private firm's private equity the pension fund buys over time, at book value", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Finance.PensionShare = v.f }, get: func(s *Settings) any { return s.AI.Finance.PensionShare }},

	{Path: "cooperative.leisure", Kind: Float, Unit: "share of pay", Live: true, Doc: "what a cooperative's members value an hour that automation frees at, as a share of the pay the hour would earn (0: only income counts; 1: an hour off is worth its pay)", Min: 0, Max: 5,
		set: func(s *Settings, v value) { s.AI.Cooperative.Leisure = v.f }, get: func(s *Settings) any { return s.AI.Cooperative.Leisure }},
	{Path: "cooperative.admission", Kind: String, Live: true, Doc: "when a cooperative takes on a member: when they add more than their advance, as any firm hires; or, by Ward's rule, only when they add at least what each member takes home (which keeps cooperatives at a member or two)",
		Choices: []string{economy.AdmitAdvance, economy.AdmitWard},
		set:     func(s *Settings, v value) { s.AI.Cooperative.Admission = v.s }, get: func(s *Settings) any { return s.AI.Cooperative.Admission }},
	{Path: "need", Kind: Float, Unit: "goods a month", Doc: "mean need of a person (each needs between half and one and a half times it); consumption below it is poverty", Min: 0, Max: 1e6,
		set: func(s *Settings, v value) { s.AI.Need = v.f }, get: func(s *Settings) any { return s.AI.Need }},
}

// Defaults are the settings of a scenario that sets nothing: Wright's model
// with his parameters, one seed, a hundred years.
func Defaults() Settings {
	return Settings{
		Params: economy.Params{
			Model:       economy.ModelCapitalism,
			People:      1000,
			StartWealth: 100,
			Exchange:    economy.ExchangeParams{Rule: economy.RuleRandom, Amount: 1, Saving: 0.5, Fraction: 0.1},
			Capitalism:  economy.CapitalismParams{WageMin: 10, WageMax: 90},
			AI:          defaultAI(),
		},
		Months: 1200,
		Seeds:  1,
		Seed:   1,
	}
}

// lookup returns the key with the given path, or nil.
func lookup(path string) *Key {
	for i := range Keys {
		if Keys[i].Path == path {
			return &Keys[i]
		}
	}
	return nil
}

// Default returns the key's default value, formatted as in TOML.
func (k *Key) Default() string {
	d := Defaults()
	return formatValue(k.get(&d))
}

func formatValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strconv.Quote(v)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// Range describes the allowed values, for messages and the reference.
func (k *Key) Range() string {
	switch {
	case k.Choices != nil:
		return "one of " + quoteList(k.Choices)
	case k.Kind == String:
		return "any text"
	case k.Kind == Bool:
		return "true or false"
	case k.Max == math.MaxInt64:
		return "at least " + num(k.Min)
	case k.MaxOpen:
		return fmt.Sprintf("%s ≤ value < %s", num(k.Min), num(k.Max))
	}
	return fmt.Sprintf("%s ≤ value ≤ %s", num(k.Min), num(k.Max))
}

func num(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

func quoteList(xs []string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(x)
	}
	return s
}

// Values returns the value of every settable key in s, by path.
func Values(s Settings) map[string]any {
	vals := map[string]any{}
	for i := range Keys {
		if v := Keys[i].get(&s); v != nil {
			vals[Keys[i].Path] = v
		}
	}
	return vals
}

// defaultAI are the defaults of the production economy; docs/model.md says
// where each comes from and its plausible range.
func defaultAI() economy.AIParams {
	return economy.AIParams{
		Productivity:     4,
		ComputePerUnit:   10,
		Hurdle:           1.2,
		DataElasticity:   0.3,
		DataDepreciation: 0.01,
		Variety:          4,
		Spending:         economy.SpendingParams{IncomePoor: 0.95, IncomeRich: 0.7, WealthPoor: 0.06, WealthRich: 0.045, HalfWealth: 600},
		Labour: economy.LabourParams{WageCurve: 0.1, RefUnemployed: 0.06, Bargaining: 0.5, OutsideOption: 0.8, Separation: 0.03, Reinstatement: 0.005,
			Matching: 0.8, MatchingElasticity: 0.5, Renegotiation: 0.08, VacancyCost: 0.3,
			Deskilling: 0.01, Reskilling: 0.02, TaskDeskilling: 0.005, Intensify: 0.3,
			DisplacedSkill: 0.3, Relearning: 0.002, DurationDiscount: 0.004},
		Compute: economy.ComputeParams{
			Capacity: 100, Datacenters: 1, PriceBase: 15, Scarcity: 0.3,
			BuildCost: 20000, BuildMonths: 12, OperatingCost: 400, Lifetime: 240, HurdleRate: 0.1,
		},
		Siting:      economy.SitingCheapest,
		Resistance:  economy.ResistanceParams{Base: 0.2, Growth: 0.002, Decay: 0.02, Win: 0.1, Moratorium: 36, Power: 1, SunkCost: 0.1},
		Burden:      economy.BurdenParams{PerDatacenter: 0.2, HealthCost: 2, SkillLoss: 0.001},
		Communities: economy.CommunityParams{Count: 5, Local: 0.7},
		Ownership:   economy.OwnershipParams{Firms: economy.FirmsCapitalist, Automation: economy.AutomationPrivate, Distribution: economy.DistributeEqual, Transfer: economy.TransferBuyout},
		Bank:        economy.BankParams{PolicyRate: 0.03, Spread: 0.02, CapitalRatio: 0.08, Capital: 0.1, Coverage: 1.25, Term: 120, HouseholdLimit: 3, LoanToValue: 0.6},
		Cooperative: economy.CooperativeParams{Leisure: 1, Admission: economy.AdmitAdvance},
		Finance:     economy.FinanceParams{FounderStake: 0.5, Leverage: 1, CashMonths: 2, Pension: 0.05, PensionShare: 0.6},
		Commons:     economy.CommonsParams{Retain: 0.3, Invest: economy.InvestReturn},
		Need:        0.2,
	}
}
