package economy

import (
	"fmt"
	"math"
	"math/bits"

	"commonwealth/internal/hugepages"
	"commonwealth/internal/prefetch"
)

// exchange is the kinetic wealth-exchange model: a month is People random
// pair trades (for the mesa rule: every person acts once, in a fresh random
// order).
type exchange struct {
	trade   func(w *World) // one pair trade, for the pairwise rules
	perm    []int32        // mesa: this month's order of activation
	start   []int32        // mesa: each person's money at the start of the month (narrow ledger)
	gave    []uint64       // mesa: a bit per person, set if they gave this month
	settled bool           // mesa: this month's income is booked
	amount  int64
	lambda  float64
	frac    float64
	chi     float64
	zeta    float64
}

func newExchange(p Params) (*exchange, error) {
	e := p.Exchange
	x := &exchange{}
	if err := x.retune(nil, p); err != nil {
		return nil, err
	}
	switch e.Rule {
	case RuleRandom:
		x.trade = x.random
	case RuleSaving:
		x.trade = x.saving
	case RuleYardSale:
		x.trade = x.yardSale
	case RuleMesa:
		x.perm = make([]int32, p.People)
		hugepages.Advise(x.perm)
		for i := range x.perm {
			x.perm[i] = int32(i)
		}
		x.gave = make([]uint64, (p.People+63)/64)
	default:
		return nil, fmt.Errorf("economy: unknown exchange rule %q", e.Rule)
	}
	return x, nil
}

// retune takes the rule's rates and amounts from p.
func (x *exchange) retune(_ *World, p Params) error {
	e := p.Exchange
	if e.Amount < 1 && (e.Rule == RuleRandom || e.Rule == RuleMesa) {
		return fmt.Errorf("economy: exchange amount %d, need at least 1", e.Amount)
	}
	x.amount, x.lambda, x.frac, x.chi, x.zeta = e.Amount, e.Saving, e.Fraction, e.Redistribution, e.Advantage
	return nil
}

func (x *exchange) beginMonth(w *World) {
	if x.perm != nil {
		w.r.shuffle(x.perm)
		x.snapshot(w)
	}
}

func (x *exchange) act(w *World, n int) {
	if x.perm != nil {
		x.mesa(w, n)
		return
	}
	for range n {
		x.trade(w)
	}
}

// pair draws two distinct persons uniformly.
func pair(w *World) (Account, Account) {
	n := w.p.People
	i := w.r.intn(n)
	j := w.r.intn(n - 1)
	if j >= i {
		j++
	}
	return Account(i), Account(j)
}

// random is Drăgulescu and Yakovenko's rule: a random ordered pair, a fixed
// amount from the first to the second, refused if the payer cannot pay.
func (x *exchange) random(w *World) {
	i, j := pair(w)
	if w.led.Balance(i) >= x.amount {
		w.pay(i, j, x.amount)
	}
}

// saving is Chakraborti and Chakrabarti's rule: each keeps the fraction λ of
// their money, and the rest of the pair's money is split uniformly at random.
func (x *exchange) saving(w *World) {
	i, j := pair(w)
	mi, mj := w.led.Balance(i), w.led.Balance(j)
	keepI := int64(x.lambda * float64(mi))
	keepJ := int64(x.lambda * float64(mj))
	pot := mi - keepI + mj - keepJ
	newI := keepI + w.r.upTo(pot)
	if d := mi - newI; d > 0 {
		w.pay(i, j, d)
	} else if d < 0 {
		w.pay(j, i, -d)
	}
}

// yardSale is Boghosian's rule: the fraction f of the poorer trader's wealth
// is at stake and a coin decides who wins it. With wealth-attained advantage
// ζ the coin favours the richer: P(i wins) = ½ + ζ/(4f)·(m_i − m_j)/W̄,
// clipped to [0, 1] (see docs/model.md for the time scaling).
func (x *exchange) yardSale(w *World) {
	i, j := pair(w)
	mi, mj := w.led.Balance(i), w.led.Balance(j)
	stake := int64(x.frac * float64(min(mi, mj)))
	if stake == 0 {
		return
	}
	p := 0.5
	if x.zeta > 0 {
		mean := float64(w.led.total) / float64(w.p.People)
		p = min(1, max(0, 0.5+x.zeta/(4*x.frac)*float64(mi-mj)/mean))
	}
	if w.r.float64() < p {
		w.pay(j, i, stake)
	} else {
		w.pay(i, j, stake)
	}
}

// mesa is the Mesa tutorial's Boltzmann wealth model: each person in this
// month's order who has money gives one unit to a person drawn uniformly from
// everyone, themself included.
//
// The recipient is drawn for everyone and those without money give nothing:
// the same law as drawing only for givers, without a branch that the
// processor cannot predict (about half the people are broke). The loop books
// no income: it marks who gave, and the month's income is booked once, from
// the change in each balance (settle), so a step touches two balances, one
// bit and the generator.
func (x *exchange) mesa(w *World, n int) {
	perm := x.perm[w.pos : w.pos+n]
	if w.led.narrow != nil && x.amount <= math.MaxInt32 { // the loops trust amt: at least 1 (retune), and in 31 bits
		if w.p.People >= mesaLarge {
			mesaStepsLarge(w.led.narrow, perm, w.r, uint64(w.p.People), int32(x.amount), x.gave)
		} else {
			mesaSteps(w.led.narrow, perm, w.r, uint64(w.p.People), int32(x.amount), x.gave)
		}
		return
	}
	for _, a := range perm { // a wide ledger, too much money for 31 bits; or an amount no narrow balance reaches
		to := Account(w.r.below(uint64(w.p.People)))
		m := int64(0)
		if w.led.Balance(Account(a)) >= x.amount {
			m = x.amount
		}
		w.pay(Account(a), to, m)
	}
}

// mesaSteps is the mesa rule's step loop over a narrow ledger's balances.
// It draws each block of mesaAhead steps' recipients first, then runs the
// block's steps (the same draws in the same order: a step draws its
// recipient and nothing else): the generator's words then stay in registers
// for its draws, which a single loop over the steps has too few registers
// for (docs/performance.md, "Instructions and misses a step").
func mesaSteps(bal []int32, perm []int32, r *rng, all uint64, amt int32, gave []uint64) {
	var ring [mesaAhead]int32 // the block's recipients
	for at := 0; at < len(perm); at += mesaAhead {
		block := perm[at:min(at+mesaAhead, len(perm))]
		to := ring[:len(block)]
		*r = r.recipients(to, all)
		for i, a := range block {
			var m int32
			if bal[a] >= amt {
				m = amt
			}
			bal[a] -= m // m is 0, or amt (at least 1) and no more than bal[a]
			bal[to[i]] += m
			gave[a>>6] |= uint64(-int64(m)) >> 63 << (a & 63) // 1 when a gave
		}
	}
}

// recipients draws a recipient below all for each of to's steps, in order,
// and returns the generator after the draws.
func (g rng) recipients(to []int32, all uint64) rng {
	for i := range to {
		var x uint64
		g, x = g.advanced()
		hi, lo := bits.Mul64(x, all) // g.below(all), its common case inline
		if lo < all {
			g, hi = g.reject(hi, lo, all)
		}
		to[i] = int32(hi)
	}
	return g
}

// mesaLarge is the population from which the balances no longer fit the
// processor's second-level cache, and mesaStepsLarge is quicker.
const mesaLarge = 1 << 18

// mesaAhead is the number of steps in a block of mesaStepsLarge's
// pipeline: a block's recipients are drawn, and its lines prefetched, while
// the block before it runs, so a line is asked for one to two blocks before
// it is read (about 16 to 32 steps of 20 to 30 ns, against a miss of 100 to
// 300 ns on this machine, docs/performance.md).
const mesaAhead = 16

// mesaStepsLarge is mesaSteps — the same draws, the same law, the same
// results — for large worlds. It writes the recipient's balance only when
// money moves, which saves a cache miss for each of the about half of the
// people who hold nothing, at the cost of a branch the processor cannot
// always predict (which in a small world costs more than the write it
// saves). And it runs as a pipeline: each block of mesaAhead recipients is
// drawn a block ahead — the same draws in the same order, since a step
// draws its recipient and nothing else, and never past the steps it was
// given — and the giver's and the recipient's balances of that block are
// prefetched, so their misses overlap instead of following one another.
func mesaStepsLarge(bal []int32, perm []int32, r *rng, all uint64, amt int32, gave []uint64) {
	var ring [2][mesaAhead]int32 // recipients of the block running and of the next
	drawn := 0                   // steps whose recipients are drawn
	for at := -mesaAhead; at < len(perm); at += mesaAhead {
		if drawn < len(perm) {
			next := ring[drawn/mesaAhead%2][:min(mesaAhead, len(perm)-drawn)]
			*r = r.recipients(next, all)
			prefetch.Elements(bal, next)
			prefetch.Elements(bal, perm[drawn:drawn+len(next)])
			drawn += len(next)
		}
		if at < 0 {
			continue
		}
		mesaGifts(bal, perm[at:min(at+mesaAhead, len(perm))], &ring[at/mesaAhead%2], amt, gave)
	}
}

// mesaGifts runs a block of mesaStepsLarge's steps, whose recipients are
// drawn. It is a function of its own, not inlined, so that its loop has
// the registers to itself: inlined into mesaStepsLarge, the loop's index
// and slices are kept in memory (the compiler runs out of registers), and
// an index in memory makes each step wait for the store of the step before.
//
//go:noinline
func mesaGifts(bal []int32, block []int32, to *[mesaAhead]int32, amt int32, gave []uint64) {
	for i, a := range block {
		if bal[a] >= amt {
			bal[a] -= amt // amt is at least 1 and no more than bal[a]
			bal[to[i]] += amt
			gave[a>>6] |= 1 << (a & 63)
		}
	}
}

// snapshot keeps each person's money at the start of the month, for settle
// (a narrow ledger's: a wide one books income as it goes).
func (x *exchange) snapshot(w *World) {
	if w.led.narrow != nil {
		x.start = append(x.start[:0], w.led.narrow[:w.p.People]...)
	}
	clear(x.gave)
	x.settled = false
}

// settle books the mesa rule's income since the last snapshot: what each
// person holds now, less what they held then, plus what they gave. It runs
// before anything else moves money in the month (the redistribution) and
// when the world is observed, and not otherwise; between months it books
// once, and within a month it takes a new snapshot, so the rest of the
// month is booked later.
func (x *exchange) settle(w *World) {
	if x.perm == nil || x.settled || w.led.narrow == nil {
		return
	}
	bookGifts(w.led.recv, w.led.narrow, x.start, x.gave, x.amount)
	if w.pos != 0 && w.pos != w.p.People { // within a month
		x.snapshot(w)
		return
	}
	x.settled = true
}

// bookGifts adds to recv each person's balance less their starting balance,
// plus amt for each who gave.
func bookGifts(recv []int64, bal, start []int32, gave []uint64, amt int64) {
	for i, s := range start {
		recv[i] += int64(bal[i]-s) + amt*int64(gave[i>>6]>>(i&63)&1)
	}
}

// endMonth applies the redistribution χ (under any rule): everyone pays the fraction χ
// of their wealth into the commons fund, which is shared equally; what cannot
// be shared in whole units stays in the fund for next month.
func (x *exchange) endMonth(w *World) {
	if x.chi == 0 {
		return
	}
	x.settle(w) // before the redistribution moves money
	fund := w.led.Special(Commons)
	n := Account(w.p.People)
	for i := range n {
		w.pay(i, fund, int64(x.chi*float64(w.led.Balance(i))))
	}
	share := w.led.Balance(fund) / int64(n)
	if share == 0 {
		return
	}
	for i := range n {
		w.pay(fund, i, share)
	}
}

func (x *exchange) observe(*World, *Snapshot) {}
