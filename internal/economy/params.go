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
const BytesPerPerson = 120
