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
}
