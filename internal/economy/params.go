package economy

// Model families.
const (
	ModelExchange   = "exchange"
	ModelCapitalism = "capitalism"
)

// Exchange rules.
const (
	RuleRandom   = "random"
	RuleSaving   = "saving"
	RuleYardSale = "yardsale"
	RuleMesa     = "mesa"
)

// Params are the typed parameters of one world. The scenario package fills
// them from TOML and validates them; New checks only what would break a rule.
type Params struct {
	Model       string // ModelExchange or ModelCapitalism
	People      int    // number of persons N
	StartWealth int64  // money units each person holds at the start
	Exchange    ExchangeParams
	Capitalism  CapitalismParams
	AI          AIParams
}

// ExchangeParams are the parameters of the kinetic exchange model.
type ExchangeParams struct {
	Rule           string  // RuleRandom, RuleSaving, RuleYardSale or RuleMesa
	Amount         int64   // random: units moved by one trade
	Saving         float64 // saving: fraction λ each trader keeps, in [0, 1)
	Fraction       float64 // yardsale: fraction f of the poorer trader's wealth at stake
	Redistribution float64 // yardsale: χ, fraction of each person's distance to the mean redistributed a month
	Advantage      float64 // yardsale: ζ, wealth-attained advantage of the richer trader
}

// CapitalismParams are the parameters of Wright's model.
type CapitalismParams struct {
	WageMin int64 // lowest wage a month
	WageMax int64 // highest wage a month
}

// WorldBytes is the memory one person costs a world of p, with the meter
// that observes it (its sorted copies), measured at 200,000 and a million
// people by TestBytesPerPerson (docs/performance.md): an upper bound within
// 25% of the measure.
func WorldBytes(p Params) int64 {
	switch {
	case p.Model == ModelExchange:
		return 72 // measured 61
	case p.AI.Enabled:
		return 400 // measured 372
	}
	return 128 // measured 109
}

// WorldGrowth is how many bytes a person a world of p grows by a month: in
// the models with classes, an employer left with no one keeps their staff
// list's memory for their next hire (agents.Population.Fire). Measured at
// 100,000 people, the heap after a collection (docs/performance.md): Wright's
// model 0.46 bytes a person a month from month 100 to 1,200, 0.50–0.62 over
// months 20 to 320; the production economy 0.19 from month 20 to 170 and
// 0.05 from 170 to 320 (its firms live longer).
func WorldGrowth(p Params) float64 {
	switch {
	case p.Model == ModelExchange:
		return 0
	case p.AI.Enabled:
		return 0.12
	}
	return 0.5
}

// SnapshotBytes bounds the memory a finished run keeps of each person: its
// last snapshot (wealth, income, class, employer and, with automation,
// spending, need and burden), kept for wealth.csv and the plots.
func SnapshotBytes(p Params) int64 {
	switch {
	case p.Model == ModelExchange:
		return 20 // measured 17
	case p.AI.Enabled:
		return 64 // measured 53
	}
	return 28 // measured 24
}

// SnapshotSize is the memory a snapshot's arrays hold.
func SnapshotSize(s *Snapshot) int64 {
	n := int64(cap(s.Wealth)+cap(s.Income))*8 + int64(cap(s.ClassOf)) + int64(cap(s.Employer))*4 + int64(cap(s.FirmSizes))*4
	if a := s.AI; a != nil {
		n += int64(cap(a.Spent))*8 + int64(cap(a.Need))*4 + int64(cap(a.Burden))*8 + int64(cap(a.DirectEquity))*8
	}
	return n
}

// Ownership regimes and rules.
const (
	FirmsCapitalist   = "capitalist"
	FirmsCooperative  = "cooperative"
	AutomationPrivate = "private"
	AutomationCommons = "commons"
	DistributeEqual   = "equal"
	DistributeNeed    = "need"
	DistributeByData  = "contribution"
	SitingCheapest    = "cheapest"
	SitingRandom      = "random"
	SitingConsent     = "consent"
	InvestReturn      = "return"
	InvestSocial      = "social"
)

// AIParams switch on the production economy with automation as capital in
// the capitalism model: goods and a price level, spending from income and
// wealth, wages that answer the labour market, automation units rented from
// data centres that are owned assets, communities that bear their burden and
// may refuse them, and who owns all of it. With Enabled false the model is
// Wright's exactly. docs/model.md gives each parameter's source and range.
type AIParams struct {
	Enabled          bool
	Productivity     float64 // π₀: goods one automation unit produces a month at the reference data stock
	ComputePerUnit   float64 // c_u: compute units one unit needs a month
	Hurdle           float64 // a unit is rented when its cost × hurdle is below the wages of the labour it replaces
	DataElasticity   float64 // β: π = π₀·(data stock / reference)^β
	DataDepreciation float64 // δ: share of the data stock lost a month
	Variety          float64 // σ: elasticity of substitution between firms' goods

	Spending    SpendingParams
	Labour      LabourParams
	Compute     ComputeParams
	Siting      string // SitingCheapest, SitingRandom or SitingConsent
	Resistance  ResistanceParams
	Burden      BurdenParams
	Communities CommunityParams
	Dividend    float64 // share of compute rent paid back by data contributed
	Ownership   OwnershipParams
	Commons     CommonsParams
	Need        float64 // mean need of a person, goods a month
	Bank        BankParams
	Finance     FinanceParams
	Cooperative CooperativeParams
}

// CooperativeParams are how cooperatives' members decide (compute.go,
// labour.go).
type CooperativeParams struct {
	Leisure   float64 // what members value an hour freed by automation at, as a share of the pay it would earn
	Admission string  // AdmitAdvance or AdmitWard: when a cooperative takes on a member
}

// How cooperatives admit members.
const (
	AdmitAdvance = "advance" // when the newcomer adds more than their advance, as any firm hires
	AdmitWard    = "ward"    // only when the newcomer adds at least each member's income (Ward 1958)
)

// BankParams are the bank's lending rule (bank.go): loans create deposits
// and repayments destroy them.
type BankParams struct {
	PolicyRate     float64 // the policy rate, a year
	Spread         float64 // the loan rate's spread over the policy rate, a year
	CapitalRatio   float64 // the least equity the bank keeps against its loans
	Capital        float64 // the bank's starting equity, as a share of the money households start with
	Coverage       float64 // a borrower's expected cash flow must be this many times the debt service
	Term           int     // months over which a loan is repaid
	HouseholdLimit float64 // months of the mean wage a household may owe
	LoanToValue    float64 // the share of a data centre's cost the bank lends on it
}

// FinanceParams are how firms and households hold and finance claims
// (firms.go, households.go).
type FinanceParams struct {
	FounderStake float64 // share of their deposits a founder puts into a new firm
	Leverage     float64 // a founder may borrow this many times their stake
	CashMonths   float64 // months of costs a firm keeps as cash before paying dividends
	Pension      float64 // share of wages paid into the pension fund
	PensionShare float64 // the share of every private firm the pension fund buys over time
}

// SpendingParams are the consumption function: a person spends a month
// α_y(m)·y + α_w(m)·m of last month's income y and their wealth m, each
// propensity falling from its value at no wealth to its value for the rich
// as α(m) = α_rich + (α_poor − α_rich)·h/(h + m).
type SpendingParams struct {
	IncomePoor, IncomeRich float64 // α_y at no wealth and for the rich
	WealthPoor, WealthRich float64 // α_w at no wealth and for the rich, per month
	HalfWealth             float64 // h: the wealth at which each propensity is half way, money units
}

// LabourParams are the labour market and the labour process.
type LabourParams struct {
	WageCurve          float64 // ε: elasticity of the outside option to unemployment (b ∝ u^−ε)
	RefUnemployed      float64 // the unemployment at which the outside option is ρ times the mean wage
	Bargaining         float64 // β: workers' share of the match's surplus over their outside option
	OutsideOption      float64 // ρ: a worker's outside option as a share of the mean wage, at the reference unemployment
	Separation         float64 // chance a month that a worker leaves their job for reasons of their own (quits)
	Matching           float64 // μ: matching efficiency, M = μ·U^η·V^(1−η) a month
	MatchingElasticity float64 // η: the elasticity of matches to the unemployed
	Renegotiation      float64 // chance a month that a contract's wage is bargained again
	VacancyCost        float64 // c: the cost of keeping a vacancy open a month, as a share of the mean wage
	Reinstatement      float64 // new labour tasks a month per automation unit
	Deskilling         float64 // skill lost a month out of work
	Reskilling         float64 // skill regained a month at work
	TaskDeskilling     float64 // skill lost a month by workers of a fully automated firm
	DisplacedSkill     float64 // skill specific to the tasks automated, lost off the ceiling of a worker displaced
	Relearning         float64 // the ceiling of skill regained a month at work
	DurationDiscount   float64 // δ: the outside option's fall a month of an unemployment spell, b ∝ e^(−δ·months)
	Intensify          float64 // extra effort of a capitalist firm's workers when automation does all its work
}

// ComputeParams describe the compute market and data centres as assets.
type ComputeParams struct {
	Capacity      float64 // compute units one data centre supplies a month
	Datacenters   int     // data centres at the start
	PriceBase     float64 // p₀: the price of a compute unit when compute is plentiful (its floor)
	Scarcity      float64 // κ: how fast the price moves with excess demand, per month
	BuildCost     int64   // money a data centre costs, spent into the market
	BuildMonths   int     // months from approval to supply
	OperatingCost int64   // money a month a ready data centre costs to run (power, water), paid from its rent into the market
	Lifetime      int     // months a data centre supplies before it retires
	HurdleRate    float64 // yearly return an investor requires to build
}

// ResistanceParams describe communities' resistance to data centres: an
// organisation with memory (communities.go).
type ResistanceParams struct {
	Base       float64 // organisation at rest: the chance that a community of average wealth, bearing nothing, refuses
	Growth     float64 // organisation gained a month per unit of burden its people bear
	Decay      float64 // share of its organisation above rest a community loses a month
	Win        float64 // organisation a refusal adds
	Moratorium int     // months a refusal keeps proposals away from the community
	Power      float64 // ρ: refusal scales with (community wealth / mean wealth)^ρ
	SunkCost   float64 // share of the building cost a blocked proposal loses
}

// BurdenParams are the environmental burden of data centres and what it costs.
type BurdenParams struct {
	PerDatacenter float64 // burden on each resident a month per data centre per 1,000 residents
	HealthCost    float64 // money a month a resident spends on health per unit of burden
	SkillLoss     float64 // skill a resident loses a month per unit of burden
}

// CommunityParams describe the K communities people live in.
type CommunityParams struct {
	Count  int     // K
	Spread float64 // 0: all start equal; s: community k starts with (1 + s·(2k/(K−1) − 1)) × start_wealth
	Local  float64 // share of hiring and shopping done within one's own community
}

// OwnershipParams are who holds the claims on firms and data centres, and
// how the commons fund pays out. The same firms and machines exist whoever
// holds them.
type OwnershipParams struct {
	Firms        string  // FirmsCapitalist or FirmsCooperative: who holds the part of a firm the commons does not
	Automation   string  // AutomationPrivate or AutomationCommons (the commons holds every data centre)
	Distribution string  // DistributeEqual, DistributeNeed or DistributeByData
	CommonsFirms float64 // the commons fund's share of every firm's equity
	CommonsDC    float64 // the commons fund's share of every data centre's equity (1 with Automation commons)
	WageFund     float64 // share of a firm's yearly profit issued as new shares to the wage-earner fund (Meidner)
	Transfer     string  // TransferBuyout or TransferExpropriate: how a rise in the commons' shares in a running world takes them
}

// Transfers of claims to the commons in a running world.
const (
	TransferBuyout      = "buyout"
	TransferExpropriate = "expropriate"
)

// dcCommonsShare is the commons fund's share of every data centre.
func (o OwnershipParams) dcCommonsShare() float64 {
	if o.Automation == AutomationCommons {
		return 1
	}
	return o.CommonsDC
}

// CommonsParams are how the commons fund invests.
type CommonsParams struct {
	Retain float64 // share of the fund's income kept to invest
	Invest string  // InvestReturn or InvestSocial
}
