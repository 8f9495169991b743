package economy

// Snapshot is what the driver sees of a world when it observes it: plain
// data that metrics are computed from. Flows (income, wages, revenue) are
// those of the month in progress or, between months, of the month just
// completed.
type Snapshot struct {
	Month  int     // months completed
	Wealth []int64 // money held by each person
	Income []int64 // money received by each person this month

	// Classes is true for models with classes; the fields below are set only then.
	Classes     bool
	Workers     int
	Capitalists int
	Unemployed  int
	Wages       int64   // wages paid this month
	Revenue     int64   // revenue firms received from the market this month
	FirmSizes   []int32 // employees of each capitalist
	ClassOf     []uint8 // agents.Class of each person
	Employer    []int32 // each person's employer, or -1

	// AI is set only when automation is enabled.
	AI *AISnapshot
}

// AISnapshot is what is observed of automation as capital.
type AISnapshot struct {
	Units         int64   // automation units rented
	UnitSamples   int64   // market samples the units performed this month
	WorkerSamples int64   // market samples workers and working owners performed this month
	Price         float64 // of a compute unit
	Capacity      float64 // compute supplied by ready data centres
	Productivity  float64 // π: market samples a unit performs a month
	Datacenters   int     // data centres, ready or being built
	Built         int     // data centres approved since the start
	Blocked       int     // proposals refused since the start
	Rent          int64   // compute rent paid this month
	Dividends     int64   // data dividends paid this month
	CommonsPaid   int64   // paid out of the commons fund this month
	UnitRevenue   int64   // revenue the units realised this month
	CommonsFund   int64   // money in the commons fund
	DataStock     float64 // the training data stock
	MeanSkill     float64
	Workload      float64   // market samples of the firms' production per worker this month
	Hours         float64   // share of full time members work (cooperatives shorten hours)
	Need          []int64   // each person's need
	Burden        []float64 // environmental burden on each person this month
	Communities   []CommunityState
}

// CommunityState is one community's data centres and burden.
type CommunityState struct {
	Datacenters int     // ready
	Building    int     // approved, not yet supplying
	Burden      float64 // burden a month on each of its people
	Wealth      int64   // money its people hold
}
