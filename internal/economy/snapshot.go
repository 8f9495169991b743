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

// AISnapshot is what is observed of the production economy: flows are the
// month's, stocks are at its end.
type AISnapshot struct {
	Output          float64 // goods made this month
	PriceLevel      float64 // P: money per good
	Sales           int64   // firms' sales this month (consumption, and the market pool's construction, operating costs, health)
	Consumption     int64   // people's consumption spending this month
	Health          int64   // health spending the burden caused this month
	LocalSpending   int64   // consumption spent at firms of the buyer's own community this month
	ValueAdded      int64   // sales less operating costs
	LabourIncome    int64   // wages; in cooperatives all the members keep
	Profit          int64   // capitalist firms' sales less wages and rent
	NetRent         int64   // compute rent less operating costs
	Rent            int64   // compute rent paid this month
	PrivateRent     int64   // rent received by persons owning data centres
	Operating       int64   // operating costs paid this month
	Units           int64   // automation units rented
	UnitShare       float64 // the share of this month's goods the units made
	Productivity    float64 // π: goods a unit makes a month
	ComputePrice    float64 // money per compute unit
	Capacity        float64 // compute supplied by ready data centres
	ComputeDemand   float64 // compute firms wanted this month
	UnitsWanted     int64   // unit requests refused for want of compute this month
	UnitsDropped    int64   // units dropped because compute cost more than labour, this month
	Reinstated      int64   // new labour tasks filled this month
	Datacenters     int     // data centres, ready or being built
	Built           int     // approved since the start
	Blocked         int     // proposals refused since the start
	Retired         int     // retired since the start
	Dividends       int64   // data dividends paid this month
	CommonsPaid     int64   // paid out of the commons fund this month
	CommonsInvested int64   // the commons fund's spending on data centres this month
	CommonsFund     int64   // money in the commons fund
	DataStock       float64 // the training data stock
	MeanSkill       float64
	Hours           float64   // mean share of full time worked by those in work
	Effort          float64   // mean effort of those in work
	SkillWageLoss   float64   // share of pay workers lose to lost skill
	Spent           []int64   // each person's consumption spending this month
	Need            []float32 // each person's need, goods a month
	Skill           []float32 // each person's skill, 0.2..1
	Burden          []float64 // environmental burden on each person this month
	Communities     []CommunityState

	Sheet                  BalanceSheet               // the balance-sheet matrix at the month's end
	Flows                  [NumRows][NumSectors]int64 // the month's transactions-flow matrix
	BankLoans, BankEquity  int64
	PolicyRate, LoanRate   float64 // a year
	FirmBirths, Closures   int     // firms founded and wound up this month
	Bankruptcies, Defaults int     // firms wound up owing the bank, households that defaulted, this month
	HouseholdDebt          int64   // what households owe the bank
	InterestPaid           int64   // interest paid to the bank this month
	Lent                   int64   // new loans this month
	Hires, SpellMonths     int64   // people hired this month, and the months they had been without work
	Displaced              int64   // workers automation displaced this month
	Vacancies              int64   // vacancies open at the month's end (new tasks among them)
	Searchers              int64   // the unemployed at the month's start
	PooledHires            int64   // hires this month of people unemployed at its start
	Quits, Layoffs         int64   // workers who left for reasons of their own, workers their firm let go, this month
	Displacement           float64 // full-time workers' work that units rented this month took over
	NewTasks               float64 // new tasks for labour this month
	ProductivityEffect     float64 // the month's change in labour demanded not due to displacement or new tasks
	DisplacedLoss          float64 // what workers displaced two to five years ago have lost in pay against those never displaced, a share
	WrittenOff             int64   // loans the bank wrote off this month
	HouseholdCapitalIncome int64   // dividends and fund payouts households received this month, less the interest they paid
	CommonsEquityShare     float64 // the commons fund's share of all equity at book value
	WageFundShare          float64 // the wage-earner fund's share of firms' equity at book value
	DirectEquity           []int64 // each person's shares and pension units at book value
}

// CommunityState is one community's data centres, burden and money.
type CommunityState struct {
	First, End  int     // its persons are First..End−1
	Datacenters int     // ready
	Building    int     // approved, not yet supplying
	Burden      float64 // burden a month on each of its people
	Refusal     float64 // the chance it would refuse a data centre now
	Refused     int     // proposals it refused since the start
	Wealth      int64   // money its people hold
}
