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

// BytesPerPerson bounds the memory one person costs a world, with the
// buffers used to observe it (measured by TestBytesPerPerson).
const BytesPerPerson = 200

// Ownership regimes.
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
)

// AIParams switch on automation as capital in the capitalism model and set
// its mechanisms. With Enabled false the model is Wright's exactly.
type AIParams struct {
	Enabled          bool
	Productivity     float64 // π₀: market samples one unit performs a month, at the reference data stock
	ComputePerUnit   float64 // c_u: compute units one unit needs a month
	Hurdle           float64 // a unit is rented when price·c_u·hurdle < π·mean wage
	DataElasticity   float64 // β: π = π₀·(data stock / reference)^β
	DataDepreciation float64 // δ: share of the data stock lost a month

	Compute     ComputeParams
	Siting      string // SitingCheapest, SitingRandom or SitingConsent
	Resistance  ResistanceParams
	Burden      float64 // environmental burden a data centre puts on its community a month
	Communities CommunityParams
	Dividend    float64 // share of compute rent paid back by data contributed
	Ownership   OwnershipParams
	Need        int64   // mean need of a person, money a month
	Deskilling  float64 // skill lost a month out of work
	Reskilling  float64 // skill regained a month at work
}

// ComputeParams describe the compute market and data centres.
type ComputeParams struct {
	Capacity        float64 // compute units one data centre supplies a month
	Datacenters     int     // data centres at the start
	PriceBase       float64 // price of a compute unit when compute is plentiful
	PriceElasticity float64 // how steeply the price rises with utilisation
	BuildCost       int64   // money a data centre costs
	BuildMonths     int     // months from approval to supply
	ProposeAt       float64 // utilisation above which a new data centre is proposed
}

// ResistanceParams describe communities' resistance to data centres.
type ResistanceParams struct {
	Base     float64 // probability that a community refuses a data centre
	Growth   float64 // added probability per unit of burden a person of the community already bears
	SunkCost float64 // share of the building cost a blocked proposal loses
}

// CommunityParams describe the K communities people live in.
type CommunityParams struct {
	Count  int     // K
	Spread float64 // 0: all start equal; s: community k starts with (1 + s·(2k/(K−1) − 1)) × start_wealth
}

// OwnershipParams are who owns firms and automation, and how the commons
// fund pays out.
type OwnershipParams struct {
	Firms        string // FirmsCapitalist or FirmsCooperative
	Automation   string // AutomationPrivate or AutomationCommons
	Distribution string // DistributeEqual, DistributeNeed or DistributeByData
}
