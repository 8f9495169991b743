package economy

import "fmt"

// exchange is the kinetic wealth-exchange model: a month is People random
// pair trades (for the mesa rule: every person acts once, in a fresh random
// order).
type exchange struct {
	trade  func(w *World) // one pair trade, for the pairwise rules
	perm   []int32        // mesa: this month's order of activation
	start  []int64        // mesa: each person's money at the start of the month
	gave   []uint64       // mesa: a bit per person, set if they gave this month
	amount int64
	lambda float64
	frac   float64
	chi    float64
	zeta   float64
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
		x.start = append(x.start[:0], w.led.bal[:w.p.People]...)
		clear(x.gave)
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
	if w.led.bal[i] >= x.amount {
		w.pay(i, j, x.amount)
	}
}

// saving is Chakraborti and Chakrabarti's rule: each keeps the fraction λ of
// their money, and the rest of the pair's money is split uniformly at random.
func (x *exchange) saving(w *World) {
	i, j := pair(w)
	mi, mj := w.led.bal[i], w.led.bal[j]
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
	mi, mj := w.led.bal[i], w.led.bal[j]
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
// processor cannot predict (about half the people are broke). The loop
// moves money with Ledger.move, which leaves income alone, and marks who
// gave; the month's income is booked at its end from the change in each
// balance (bookGifts), so a step touches two balances and nothing else.
func (x *exchange) mesa(w *World, n int) {
	all := uint64(w.p.People)
	led, amt, gave := &w.led, x.amount, x.gave
	for _, a := range x.perm[w.pos : w.pos+n] {
		to := Account(w.r.below(all))
		give := int64(0)
		if led.bal[a] >= amt {
			give = amt
		}
		led.move(Account(a), to, give)
		gave[a>>6] |= uint64(give/max(amt, 1)) << (a & 63)
	}
}

// bookGifts books the month's income of the mesa rule: what each person
// holds now, less what they held at the start, plus what they gave.
func (x *exchange) bookGifts(w *World) {
	for i, start := range x.start {
		got := w.led.bal[i] - start
		if x.gave[i>>6]>>(i&63)&1 == 1 {
			got += x.amount
		}
		w.led.recv[i] += got
	}
}

// endMonth applies the redistribution χ (under any rule): everyone pays the fraction χ
// of their wealth into the commons fund, which is shared equally; what cannot
// be shared in whole units stays in the fund for next month.
func (x *exchange) endMonth(w *World) {
	if x.perm != nil {
		x.bookGifts(w)
	}
	if x.chi == 0 {
		return
	}
	fund := w.led.Special(Commons)
	n := Account(w.p.People)
	for i := range n {
		w.pay(i, fund, int64(x.chi*float64(w.led.bal[i])))
	}
	share := w.led.bal[fund] / int64(n)
	if share == 0 {
		return
	}
	for i := range n {
		w.pay(fund, i, share)
	}
}

func (x *exchange) observe(*World, *Snapshot) {}
