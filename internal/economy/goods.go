package economy

import (
	"math"

	"commonwealth/internal/agents"
)

// goods is the goods market. Every firm makes goods at a rate — its
// workers' skill × hours × effort, its founder's work, and its units' π goods
// a month on the tasks they can do — and each firm's goods are a variety of
// their own. Buyers love variety (Dixit and Stiglitz, "Monopolistic
// competition and optimum product diversity", AER 67, 1977): a buyer draws
// a seller in proportion to g^θ, g the firm's goods a month and θ = (σ−1)/σ
// for an elasticity of substitution σ between firms' goods, kept in a
// Fenwick tree over persons (firm f is the one person f founded) so a draw
// costs O(log N).
// A firm's price per good falls as it sells more, which bounds how large a
// firm can profitably grow; with σ → ∞ the goods are one good. The month's
// spending buys the month's goods, and the price level is the month's sales
// over its goods, which clears the market instantly (docs/model.md says why
// instant rather than sticky).
type goods struct {
	demand          fenwick // per person: the demand weight of the firm they founded, (goods a month)^θ, in milli
	dweight         []int64 // per person: that weight: the tree's own weights (demand.w), read by this name
	labour          []int64 // per person: milli-goods a month made by the labour of the firm they founded
	units           []int64 // per person: units of the firm they founded × its automatability, in 1/taskScale
	labourTotal     int64
	unitsTotal      int64
	unitGoods       int64     // milli-goods a month one unit makes now on fully automatable work (π, rationed by compute)
	theta           float64   // θ = (σ−1)/σ
	produced        int64     // milli-goods made by labour this month, times N (each activation adds the rate)
	producedByUnits int64     // the same, by automation units
	price           float64   // P: money per good, last month's clearing price
	expected        float64   // the price level firms expect: adaptive, P̂ ← P̂ + (P − P̂)/expectMonths
	sales           float64   // the month's sales firms expect, adaptive like P̂
	commSales       []float64 // per community: its people's spending firms expect, adaptive like P̂
	commDemand      []int64   // per community: the demand weight of its firms
	comm            *communities
	commSpent       []int64 // per community: its people's spending this month
	output          float64 // goods made last month
	unitShare       float64 // the share of them the units made
}

// expectMonths is how many months firms' expectations take to catch up with
// a change (adaptive expectations: Cagan 1956, Nerlove 1958), so a firm
// hires and fires by what its workers' goods will sell for, not by one
// month's noise.
const expectMonths = 6

// milli is the unit of goods the trees count in: a thousandth of a good.
const milli = 1000

func (g *goods) init(n int, cm *communities, sigma float64) {
	communities := len(cm.first) - 1
	g.comm = cm
	g.commDemand = make([]int64, communities)
	g.commSales = make([]float64, communities)
	g.commSpent = make([]int64, communities)
	g.demand = newFenwick(n)
	g.dweight = g.demand.w
	g.labour = make([]int64, n)
	g.units = make([]int64, n)
	g.theta = (sigma - 1) / sigma
}

// rate is the milli-goods a month everyone makes now.
func (g *goods) rate() int64 { return g.labourTotal + g.unitRate(g.unitsTotal) }

// unitRate is the milli-goods a month made by units of a total weight.
func (g *goods) unitRate(weight int64) int64 {
	return moneyOf(float64(weight) * float64(g.unitGoods) / taskScale)
}

// firmRate is the milli-goods a month firm f makes now.
func (g *goods) firmRate(f int32) int64 { return g.labour[f] + g.unitRate(g.units[f]) }

// demandAt is the demand weight of firm f if it made rate milli-goods a
// month: its own weight when that is what it makes (kept by refresh and
// rebuild), so that a firm's decisions at its present rate cost no power.
func (g *goods) demandAt(f int32, rate int64) int64 {
	if rate == g.firmRate(f) {
		return g.dweight[f]
	}
	return g.demandOf(rate)
}

// demandOf is the demand weight of a firm making rate milli-goods a month.
func (g *goods) demandOf(rate int64) int64 {
	if rate <= 0 {
		return 0
	}
	return int64(milli * math.Pow(float64(rate)/milli, g.theta))
}

// refresh brings firm f's demand weight up to date with what it makes.
func (g *goods) refresh(f int32) {
	d := g.demandOf(g.firmRate(f)) - g.dweight[f]
	g.demand.add(int(f), d) // and so to dweight[f]
	g.commDemand[g.comm.of(nil, int(f))] += d
}

// addLabour changes the labour of firm f by d milli-goods a month.
func (g *goods) addLabour(f int32, d int64) {
	g.labour[f] += d
	g.labourTotal += d
	g.refresh(f)
}

// setUnits sets the unit weight of firm f (units × automatability).
func (g *goods) setUnits(f int32, weight int64) {
	g.unitsTotal += weight - g.units[f]
	g.units[f] = weight
	g.refresh(f)
}

// drawSeller draws the firm a buyer of community c (−1: of anywhere) buys
// from, in proportion to the demand for each firm's goods there; it returns
// −1 when none makes any.
func (g *goods) drawSeller(r *rng, c int) int32 {
	span, before := g.demand.total, int64(0)
	if c >= 0 {
		span = g.commDemand[c]
		for _, d := range g.commDemand[:c] {
			before += d
		}
	}
	if span <= 0 {
		return -1
	}
	i, _ := g.demand.find(before + int64(r.below(uint64(span))))
	return int32(i)
}

// firmPrice is what firm f's goods sell for, each, at the sales firms
// expect.
func (x *production) firmPrice(f int32) float64 {
	g := &x.goods
	rate := g.firmRate(f)
	if rate <= 0 {
		return g.expected
	}
	return min(x.salesOf(f, float64(g.dweight[f]), 0)/(float64(rate)/milli), g.dearest())
}

// gain is what the firm of owner f, making rate milli-goods a month, would
// sell more a month if it made add milli-goods more (add < 0: less), at most
// the dearest price times the goods.
func (x *production) gain(f int32, rate, add int64) float64 {
	g := &x.goods
	if add < 0 {
		d := float64(g.demandAt(f, rate+add) - g.demandAt(f, rate))
		return max(x.salesOf(f, d, 0), g.dearest()*float64(add)/milli)
	}
	return x.gainAbove(f, g.demandAt(f, rate), g.demandAt(f, rate+add), add)
}

// gainAbove is what the firm of owner f would sell more a month if its
// demand weight rose from lo to hi by making add > 0 milli-goods more (gain).
func (x *production) gainAbove(f int32, lo, hi, add int64) float64 {
	d := float64(hi - lo)
	return min(x.salesOf(f, d, d), x.goods.dearest()*float64(add)/milli)
}

// dearest is the most a firm expects to sell a good for: the monopolistic
// markup σ/(σ−1) over the price level firms expect. It matters when a firm
// would be nearly alone in its market (at the start, or in an empty
// community), where demand for its variety would otherwise promise any
// price.
func (g *goods) dearest() float64 { return g.expected / g.theta }

// salesOf is what demand weight d of a firm in owner f's community sells
// for a month, as firms expect, once the demand there has grown by grow:
// buyers spend the local share of their money in their own community and
// the rest anywhere, each in proportion to the demand for each firm's goods.
func (x *production) salesOf(f int32, d, grow float64) float64 {
	g := &x.goods
	local := x.p.Communities.Local
	c := x.comm.of(x, int(f))
	return (1-local)*g.sales*d/max(float64(g.demand.total)+grow, 1) +
		local*g.commSales[c]*d/max(float64(g.commDemand[c])+grow, 1)
}

// clear ends the month's goods market: the market pool (spending on goods
// that no one was yet making, construction, operating costs, health) is paid
// to the firms in proportion to the demand for their goods now, and the
// price level is the month's sales over the month's goods.
func (g *goods) clear(w *World, x *production) {
	pool := w.led.Special(Pool)
	if v, total := w.led.acc[pool].bal, g.demand.total; v > 0 && total > 0 {
		paid := int64(0)
		for f := range int32(x.n) {
			if g.dweight[f] == 0 {
				continue
			}
			amt := int64(float64(v) * float64(g.dweight[f]) / float64(total))
			if amt > 0 {
				x.book(w, RowConsumption, pool, w.led.Firm(f), amt)
				paid += amt
			}
		}
		x.flow.sales += paid
	}
	g.output = float64(g.produced+g.producedByUnits) / milli / float64(x.n)
	g.unitShare = 0
	if g.output > 0 {
		g.unitShare = float64(g.producedByUnits) / float64(g.produced+g.producedByUnits)
	}
	if g.output > 0 && x.flow.sales > 0 {
		g.price = float64(x.flow.sales) / g.output
	}
	g.expected += (g.price - g.expected) / expectMonths
	g.sales += (float64(x.flow.sales) - g.sales) / expectMonths
	for c, spent := range g.commSpent {
		g.commSales[c] += (float64(spent) - g.commSales[c]) / expectMonths
	}
}

// contribution is the milli-goods a month person i adds to their firm: a
// worker their skill × the firm's hours × its effort, an owner their skill
// × hours; nothing for the unemployed.
func (x *production) contribution(i int32) int64 { return x.contributionAt(i, x.automated) }

// contributionAt is contribution with the firms' automated shares given
// by auto.
func (x *production) contributionAt(i int32, auto func(f int32) float64) int64 {
	k := x.k
	switch k.people.Class(i) {
	case agents.Worker:
		hours, effort := x.pace(auto(k.people.Employer(i)))
		return int64(float64(milli) * float64(x.labour.skill[i]) * hours * effort)
	case agents.Capitalist:
		hours, _ := x.pace(auto(i))
		return int64(float64(milli) * float64(x.labour.skill[i]) * hours)
	}
	return 0
}

// rebuild recomputes every contribution, firm rate and demand weight from
// this month's skills, hours, effort and unit goods.
func (g *goods) rebuild(x *production) {
	clear(g.labour)
	g.labourTotal, g.unitsTotal = 0, 0
	cached := func(f int32) float64 { return float64(x.labour.auto[f]) }
	for i := range int32(x.n) {
		q := x.contributionAt(i, cached)
		x.labour.q[i] = int32(q)
		g.labourTotal += q
		switch x.k.people.Class(i) {
		case agents.Worker:
			g.labour[x.k.people.Employer(i)] += q
		case agents.Capitalist:
			g.labour[i] += q
		}
	}
	clear(g.commDemand)
	for i := range int32(x.n) {
		g.unitsTotal += g.units[i]
		g.dweight[i] = g.demandOf(g.firmRate(i))
		g.commDemand[x.comm.of(x, int(i))] += g.dweight[i]
	}
	g.demand.rebuild(g.dweight)
}

// join adds person i's work to the firm they now belong to (f, which may
// be i as its founder).
func (x *production) join(i, f int32) {
	q := x.contribution(i)
	x.labour.q[i] = int32(q)
	x.goods.addLabour(f, q)
}

// leave takes person i's work away from firm f.
func (x *production) leave(i, f int32) {
	x.goods.addLabour(f, -int64(x.labour.q[i]))
	x.labour.q[i] = 0
}
