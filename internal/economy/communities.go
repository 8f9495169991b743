package economy

import (
	"cmp"
	"math"
	"slices"
)

// communities are the K places people live in, blocks of persons of nearly
// equal size (to a block of the hiring tree). People look for work and
// shop mostly within their own (communities.local), so differences between
// communities persist unless something changes them. Data centres are sited
// in them: `cheapest` where land and power are cheapest, which is the
// poorest community; `random`; or `consent`, asking communities in random
// order. A community refuses with probability
//
//	min(1, organisation × (its mean wealth / the mean wealth)^power),
//
// its power growing with money, and its organisation a state with memory
// (McAdam, Political Process and the Development of Black Insurgency, 1982):
// it grows each month with the burden its people bear (growth × burden),
// grows with each win (a refusal adds resistance.win), and decays toward its
// level at rest (resistance.base) by resistance.decay a month. A refusal
// wins a moratorium: no proposal comes to the community for
// resistance.moratorium months, and siting passes it over. A data centre
// burdens each resident of its community (water, power, noise), costing
// them health spending and skill.
type communities struct {
	org     []float64 // each community's organisation: its chance of refusing, before power
	until   []int     // the month each community's moratorium ends (0: none)
	first   []int     // community c holds persons first[c]..first[c+1]−1
	block   []uint16  // the community of each block of hireBlock persons
	refused []int     // proposals each community refused since the start
	voice   []float64 // the chance a class's residents give of refusing, a community; NaN where they have not said (Voice)
	decides bool      // the voice is the chance of refusal (otherwise it is averaged with the model's)
	decider Decider   // decides a proposal in place of the draw where it has something to say (SetDecider); nil: the model's rule
}

// init splits n persons into k communities of nearly equal size whose
// bounds fall on the blocks of the hiring tree, so that the money of a
// community's employers is a difference of two of the tree's sums.
func (cm *communities) init(n, k int) {
	blocks := (n + hireBlock - 1) / hireBlock
	cm.first = make([]int, k+1)
	for c := range k + 1 {
		cm.first[c] = min(c*blocks/k*hireBlock, n)
	}
	cm.block = make([]uint16, blocks)
	cm.refused = make([]int, k)
	cm.org = make([]float64, k)
	cm.until = make([]int, k)
	for c := range k {
		for b := cm.first[c] / hireBlock; b*hireBlock < cm.first[c+1]; b++ {
			cm.block[b] = uint16(c)
		}
	}
}

// of returns the community person i lives in.
func (cm communities) of(_ *production, i int) int { return int(cm.block[i/hireBlock]) }

// bounds returns the persons [lo, hi) of community c.
func (cm communities) bounds(_ *production, c int) (int, int) { return cm.first[c], cm.first[c+1] }

// span returns the persons [lo, hi) of person i's community.
func (cm communities) span(x *production, i int) (int, int) { return cm.bounds(x, cm.of(x, i)) }

// spreadWealth moves money from the richer communities' people to the
// poorer's through the market pool, so community c starts with
// (1 + s(2c/(K−1) − 1)) × start_wealth a person; rounding stays in the pool.
func (cm communities) spreadWealth(w *World, x *production) {
	count, s := x.p.Communities.Count, x.p.Communities.Spread
	if s == 0 || count < 2 {
		return
	}
	target := func(i int) int64 {
		c := float64(cm.of(x, i))
		return int64(float64(w.p.StartWealth) * (1 + s*(2*c/float64(count-1)-1)))
	}
	pool := w.led.Special(Pool)
	for i := range x.n {
		if d := w.p.StartWealth - target(i); d > 0 {
			x.book(w, RowTransfers, Account(i), pool, d)
		}
	}
	for i := range x.n {
		if d := target(i) - w.p.StartWealth; d > 0 {
			x.book(w, RowTransfers, pool, Account(i), min(d, w.led.acc[pool].bal))
		}
	}
}

// wealth returns the money held in each community, into dst.
func (cm communities) wealth(w *World, x *production, dst []int64) []int64 {
	dst = append(dst[:0], make([]int64, x.p.Communities.Count)...)
	for i, a := range w.led.acc[:x.n] {
		dst[cm.of(x, i)] += a.bal
	}
	return dst
}

// burden is the burden a month on each resident of community c: the
// burden of a data centre per 1,000 residents, times its ready data centres,
// per 1,000 of its residents.
func (cm communities) burden(w *World, x *production, c int) float64 {
	n := 0
	for _, dc := range x.capital.dcs {
		if dc.community == c && dc.ready <= w.month {
			n++
		}
	}
	lo, hi := cm.bounds(x, c)
	return x.p.Burden.PerDatacenter * float64(n) * 1000 / float64(max(hi-lo, 1))
}

// burdenOf is the burden on person i this month (as last set by bearBurden).
func (communities) burdenOf(x *production, i int) float64 {
	return x.data.burden[x.comm.of(x, i)]
}

// setBurden sets each community's burden for the month.
func (cm communities) setBurden(w *World, x *production) {
	b := x.data.burden[:0]
	for c := range x.p.Communities.Count {
		b = append(b, cm.burden(w, x, c))
	}
	x.data.burden = b
}

// organise moves each community's organisation a month on: up with the
// burden its people bear, down toward its level at rest.
func (cm communities) organise(x *production) {
	p := x.p.Resistance
	for c := range cm.org {
		cm.org[c] += p.Growth*x.data.burden[c] - p.Decay*(cm.org[c]-p.Base)
		cm.org[c] = min(1, max(0, cm.org[c]))
	}
}

// open reports whether community c may be asked about a data centre this
// month: no moratorium holds there.
func (cm communities) open(w *World, c int) bool { return w.month >= cm.until[c] }

// bearBurden sets each community's burden for the month, moves its
// organisation on, and charges its residents the health spending the burden
// causes (into the market).
func (cm communities) bearBurden(w *World, x *production) {
	cm.setBurden(w, x)
	cm.organise(x)
	b := x.data.burden
	if x.p.Burden.HealthCost == 0 {
		return
	}
	pool := w.led.Special(Pool)
	for i := range x.n {
		cost := moneyOf(x.atPrices(x.p.Burden.HealthCost) * b[cm.of(x, i)])
		if cost = min(cost, w.led.acc[i].bal); cost > 0 {
			x.book(w, RowHealth, Account(i), pool, cost)
			x.flow.health += cost
		}
	}
}

// refusal is the chance that community c refuses a data centre.
func (cm communities) refusal(w *World, x *production, c int, wealth []int64) float64 {
	p := x.p.Resistance
	var total int64
	for _, v := range wealth {
		total += v
	}
	lo, hi := cm.bounds(x, c)
	rel := 1.0
	if total > 0 {
		rel = float64(wealth[c]) / float64(hi-lo) / (float64(total) / float64(x.n))
	}
	model := min(1, cm.org[c]*math.Pow(rel, p.Power))
	if c < len(cm.voice) && !math.IsNaN(cm.voice[c]) {
		if cm.decides {
			return cm.voice[c]
		}
		return (model + cm.voice[c]) / 2
	}
	return model
}

// site chooses the community of a proposed data centre and asks it; social
// investment asks the least burdened communities first, each in turn.
// Communities under a moratorium are passed over; it returns −1 when none
// could be asked (no proposal is made).
func (cm communities) site(w *World, x *production, social bool) (int, bool) {
	k := x.p.Communities.Count
	wealth := cm.wealth(w, x, x.data.commWealth)
	x.data.commWealth = wealth
	r := x.rs.of(streamResistance)
	refuses := func(c int) bool {
		no := r.float64() < cm.refusal(w, x, c, wealth)
		if cm.decider != nil { // asked after the draw, so that the stream is the same whatever it decides
			if refuse, decided := cm.decider.RefusesDatacentre(w.month, c); decided {
				no = refuse
			}
		}
		if no {
			cm.refused[c]++
			cm.org[c] = min(1, cm.org[c]+x.p.Resistance.Win)
			cm.until[c] = w.month + 1 + x.p.Resistance.Moratorium
		}
		return no
	}
	order := func() []int {
		o := make([]int, k)
		for i := range o {
			o[i] = i
		}
		return o
	}
	switch {
	case social:
		o := order()
		burdens := make([]float64, k)
		for c := range burdens {
			burdens[c] = cm.burden(w, x, c)
		}
		slices.SortStableFunc(o, func(a, b int) int { return cmp.Compare(burdens[a], burdens[b]) })
		return cm.askInTurn(w, o, refuses)
	case x.p.Siting == SitingConsent:
		o := order()
		s := x.rs.of(streamSiting)
		for i := len(o) - 1; i > 0; i-- {
			j := s.intn(i + 1)
			o[i], o[j] = o[j], o[i]
		}
		return cm.askInTurn(w, o, refuses)
	case x.p.Siting == SitingRandom:
		c := x.rs.of(streamSiting).intn(k)
		if !cm.open(w, c) {
			return -1, false
		}
		return c, !refuses(c)
	}
	c, least := -1, math.Inf(1)
	for i, v := range wealth {
		lo, hi := cm.bounds(x, i)
		if mean := float64(v) / float64(max(hi-lo, 1)); mean < least && cm.open(w, i) {
			c, least = i, mean
		}
	}
	if c < 0 {
		return -1, false
	}
	return c, !refuses(c)
}

// askInTurn asks the communities in order, passing over those under a
// moratorium, until one accepts; it returns −1 when none could be asked.
func (cm communities) askInTurn(w *World, order []int, refuses func(int) bool) (int, bool) {
	asked := false
	for _, c := range order {
		if cm.open(w, c) {
			asked = true
			if !refuses(c) {
				return c, true
			}
		}
	}
	if !asked {
		return -1, false
	}
	return 0, false
}
