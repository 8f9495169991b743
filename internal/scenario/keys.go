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
	per := economy.BytesPerPerson
	return fmt.Sprintf("%d people are too many for memory: one world needs about %s (%d bytes a person), and a run holds one world per worker",
			v.i, bytesText(float64(v.i)*float64(per)), per),
		fmt.Sprintf("at most %d people; use fewer people and more seeds", maxPeople)
}

// bytesText writes a byte count in decimal units.
func bytesText(b float64) string {
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

	{Path: "capitalism.wage_min", Live: true, Kind: Int, Unit: "money units per month", Doc: "lowest monthly wage an employer offers", Min: 0, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.Capitalism.WageMin = v.i }, get: func(s *Settings) any { return s.Capitalism.WageMin }},
	{Path: "capitalism.wage_max", Live: true, Kind: Int, Unit: "money units per month", Doc: "highest monthly wage an employer offers", Min: 0, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.Capitalism.WageMax = v.i }, get: func(s *Settings) any { return s.Capitalism.WageMax }},

	{Path: "ai.enabled", Kind: Bool, Shared: true, Doc: "automation as capital: units, compute, data centres, training data (false: Wright's model exactly)",
		set: func(s *Settings, v value) { s.AI.Enabled = v.b }, get: func(s *Settings) any { return s.AI.Enabled }},
	{Path: "ai.productivity", Kind: Float, Unit: "market samples per unit a month", Doc: "π₀: the work of one automation unit at the reference data stock, in workers' market samples", Min: 0, Max: 1000, Live: true,
		set: func(s *Settings, v value) { s.AI.Productivity = v.f }, get: func(s *Settings) any { return s.AI.Productivity }},
	{Path: "ai.compute_per_unit", Kind: Float, Unit: "compute units a month", Doc: "c_u: compute one automation unit needs", Min: 0.001, Max: 1e6,
		set: func(s *Settings, v value) { s.AI.ComputePerUnit = v.f }, get: func(s *Settings) any { return s.AI.ComputePerUnit }},
	{Path: "ai.hurdle", Kind: Float, Unit: "ratio", Doc: "a unit is rented when its cost times this is below the wages of the workers it replaces (Acemoglu–Restrepo)", Min: 0.1, Max: 100, Live: true,
		set: func(s *Settings, v value) { s.AI.Hurdle = v.f }, get: func(s *Settings) any { return s.AI.Hurdle }},
	{Path: "ai.data_elasticity", Kind: Float, Unit: "exponent", Doc: "β: productivity grows as the data stock to this power (diminishing returns below 1)", Min: 0, Max: 2,
		set: func(s *Settings, v value) { s.AI.DataElasticity = v.f }, get: func(s *Settings) any { return s.AI.DataElasticity }},
	{Path: "ai.data_depreciation", Kind: Float, Unit: "fraction a month", Doc: "δ: share of the data stock that goes stale each month", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.DataDepreciation = v.f }, get: func(s *Settings) any { return s.AI.DataDepreciation }},
	{Path: "compute.capacity", Kind: Float, Unit: "compute units a month", Doc: "compute one data centre supplies", Min: 1, Max: 1e9,
		set: func(s *Settings, v value) { s.AI.Compute.Capacity = v.f }, get: func(s *Settings) any { return s.AI.Compute.Capacity }},
	{Path: "compute.datacenters", Kind: Int, Unit: "data centres", Doc: "data centres at the start", Min: 0, Max: 10000,
		set: func(s *Settings, v value) { s.AI.Compute.Datacenters = int(v.i) }, get: func(s *Settings) any { return s.AI.Compute.Datacenters }},
	{Path: "compute.price", Kind: Float, Unit: "money per compute unit", Doc: "p₀: price of compute when it is plentiful", Min: 0, Max: 1e6, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.PriceBase = v.f }, get: func(s *Settings) any { return s.AI.Compute.PriceBase }},
	{Path: "compute.scarcity", Kind: Float, Unit: "ratio", Doc: "ε: price = p₀·(1 + ε·u/(1 − u + 0.05)) at utilisation u", Min: 0, Max: 100, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.PriceElasticity = v.f }, get: func(s *Settings) any { return s.AI.Compute.PriceElasticity }},
	{Path: "compute.build_cost", Kind: Int, Unit: "money units", Doc: "cost of a data centre, spent into the market as construction", Min: 0, Max: math.MaxInt32, Live: true,
		set: func(s *Settings, v value) { s.AI.Compute.BuildCost = v.i }, get: func(s *Settings) any { return s.AI.Compute.BuildCost }},
	{Path: "compute.build_months", Kind: Int, Unit: "months", Doc: "months from approval to supply", Min: 0, Max: 1200,
		set: func(s *Settings, v value) { s.AI.Compute.BuildMonths = int(v.i) }, get: func(s *Settings) any { return s.AI.Compute.BuildMonths }},
	{Path: "compute.propose_at", Kind: Float, Unit: "utilisation", Doc: "a new data centre is proposed when demand exceeds this share of capacity", Min: 0, Max: 1,
		set: func(s *Settings, v value) { s.AI.Compute.ProposeAt = v.f }, get: func(s *Settings) any { return s.AI.Compute.ProposeAt }},
	{Path: "siting", Kind: String, Doc: "where data centres go: the poorest community, a random one, or only where residents consent",
		Choices: []string{economy.SitingCheapest, economy.SitingRandom, economy.SitingConsent},
		set:     func(s *Settings, v value) { s.AI.Siting = v.s }, get: func(s *Settings) any { return s.AI.Siting }},
	{Path: "resistance.base", Kind: Float, Unit: "probability", Doc: "chance that a community refuses a proposed data centre", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Base = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Base }},
	{Path: "resistance.growth", Kind: Float, Unit: "probability per unit of burden", Doc: "how much the chance of refusal grows with the burden a community's people already bear", Min: 0, Max: 10, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.Growth = v.f }, get: func(s *Settings) any { return s.AI.Resistance.Growth }},
	{Path: "resistance.sunk_cost", Kind: Float, Unit: "fraction of build cost", Doc: "what a blocked proposal costs its investor (planning, spent into the market)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Resistance.SunkCost = v.f }, get: func(s *Settings) any { return s.AI.Resistance.SunkCost }},
	{Path: "burden", Kind: Float, Unit: "index a month", Doc: "environmental burden (water, power, noise) a data centre puts on its community, shared by its people", Min: 0, Max: 1e6, Live: true,
		set: func(s *Settings, v value) { s.AI.Burden = v.f }, get: func(s *Settings) any { return s.AI.Burden }},
	{Path: "communities.count", Kind: Int, Unit: "communities", Doc: "K: communities people live in (equal sizes)", Min: 1, Max: 1000, Shared: true,
		set: func(s *Settings, v value) { s.AI.Communities.Count = int(v.i) }, get: func(s *Settings) any { return s.AI.Communities.Count }},
	{Path: "communities.spread", Kind: Float, Unit: "fraction", Doc: "0: every community starts equal; s: the poorest starts with (1 − s) and the richest (1 + s) times start_wealth", Min: 0, Max: 0.95, Shared: true,
		set: func(s *Settings, v value) { s.AI.Communities.Spread = v.f }, get: func(s *Settings) any { return s.AI.Communities.Spread }},
	{Path: "data.dividend", Kind: Float, Unit: "fraction of compute rent", Doc: "share of compute rent paid back to everyone in proportion to the data they produced", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Dividend = v.f }, get: func(s *Settings) any { return s.AI.Dividend }},
	{Path: "ownership.firms", Kind: String, Doc: "capitalist firms hire, fire and keep the surplus; cooperatives share the surplus and shorten hours instead of firing",
		Choices: []string{economy.FirmsCapitalist, economy.FirmsCooperative},
		set:     func(s *Settings, v value) { s.AI.Ownership.Firms = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Firms }},
	{Path: "ownership.automation", Kind: String, Live: true, Doc: "who owns data centres and receives compute rent: their investors, or the commons fund (set to commons in a running world, it takes the existing data centres into common ownership)",
		Choices: []string{economy.AutomationPrivate, economy.AutomationCommons},
		set:     func(s *Settings, v value) { s.AI.Ownership.Automation = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Automation }},
	{Path: "ownership.distribution", Kind: String, Live: true, Doc: "how the commons fund pays out each month: equally, to those below their need first, or by data contributed",
		Choices: []string{economy.DistributeEqual, economy.DistributeNeed, economy.DistributeByData},
		set:     func(s *Settings, v value) { s.AI.Ownership.Distribution = v.s }, get: func(s *Settings) any { return s.AI.Ownership.Distribution }},
	{Path: "need", Kind: Int, Unit: "money units a month", Doc: "mean need of a person (each needs between half and one and a half times it); below it a person is poor", Min: 0, Max: math.MaxInt32,
		set: func(s *Settings, v value) { s.AI.Need = v.i }, get: func(s *Settings) any { return s.AI.Need }},
	{Path: "labour.deskilling", Kind: Float, Unit: "skill a month", Doc: "skill lost each month out of work (skill runs from 0.2 to 1; wages scale with it)", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Deskilling = v.f }, get: func(s *Settings) any { return s.AI.Deskilling }},
	{Path: "labour.reskilling", Kind: Float, Unit: "skill a month", Doc: "skill regained each month at work", Min: 0, Max: 1, Live: true,
		set: func(s *Settings, v value) { s.AI.Reskilling = v.f }, get: func(s *Settings) any { return s.AI.Reskilling }},
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

// defaultAI are the defaults of the AI-capital mechanisms; docs/model.md
// says where each comes from.
func defaultAI() economy.AIParams {
	return economy.AIParams{
		Productivity:     4,
		ComputePerUnit:   10,
		Hurdle:           1.2,
		DataElasticity:   0.3,
		DataDepreciation: 0.01,
		Compute: economy.ComputeParams{
			Capacity: 400, Datacenters: 1, PriceBase: 2, PriceElasticity: 1,
			BuildCost: 5000, BuildMonths: 12, ProposeAt: 0.8,
		},
		Siting:      economy.SitingCheapest,
		Resistance:  economy.ResistanceParams{Base: 0.2, Growth: 0.5, SunkCost: 0.1},
		Burden:      1,
		Communities: economy.CommunityParams{Count: 5},
		Ownership:   economy.OwnershipParams{Firms: economy.FirmsCapitalist, Automation: economy.AutomationPrivate, Distribution: economy.DistributeEqual},
		Need:        40,
		Deskilling:  0.01,
		Reskilling:  0.02,
	}
}
