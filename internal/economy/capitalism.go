package economy

import (
	"errors"
	"fmt"

	"commonwealth/internal/agents"
)

// capitalism is Ian Wright's "social architecture of capitalism" (Physica A
// 346, 2005), rule SR1. A month is People activations of a person drawn
// uniformly; each activation applies the five rules below to that person.
type capitalism struct {
	people   *agents.Population
	turns    turns              // who is activated and who spends, each step (turns.go)
	large    bool               // at least wrightLarge people: the steps run pipelined and prefetch (pipeline.go)
	owners   [wrightAhead]int32 // the capitalists activated in the pipeline's next block (stepsAhead)
	hire     sums               // by block of hireBlock persons: the money of those in H (capitalists and unemployed)
	wageLo   int64
	wageSpan uint64      // wageMax − wageLo + 1
	meanWage int64       // ⟨w⟩ = (wageMin + wageMax) / 2, rounded down
	wages    int64       // wages paid this month
	revenue  int64       // market revenue this month
	ai       *production // nil unless AI is enabled: the production economy replaces the market of samples
}

func newCapitalism(p Params, seed uint64) (*capitalism, error) {
	k := &capitalism{
		people: agents.NewPopulation(p.People),
		hire:   newSums((p.People + hireBlock - 1) / hireBlock),
		turns:  newTurns(seed),
		large:  p.People >= wrightLarge,
	}
	if err := k.retune(nil, p); err != nil {
		return nil, err
	}
	if p.AI.Enabled {
		k.ai = newProduction(p, k, seed)
	}
	for i := range p.People {
		k.hire.add(i/hireBlock, p.StartWealth)
	}
	return k, nil
}

// retune takes the wages, and the live parameters of automation, from p.
func (k *capitalism) retune(w *World, p Params) error {
	c := p.Capitalism
	if c.WageMin < 0 || c.WageMax < c.WageMin {
		return fmt.Errorf("economy: wages %d..%d are not a range", c.WageMin, c.WageMax)
	}
	k.wageLo, k.wageSpan, k.meanWage = c.WageMin, uint64(c.WageMax-c.WageMin)+1, (c.WageMin+c.WageMax)/2
	if k.ai != nil {
		if p.AI.Enabled != k.ai.p.Enabled {
			return errors.New("economy: AI cannot be switched on or off in a running world")
		}
		k.ai.retune(w, p)
	}
	return nil
}

// hireBlock is how many persons share one weight in the hiring tree. The
// tree of blocks is small enough to stay in the processor's cache with a
// million people; a draw then scans one block's persons in order.
const hireBlock = 16

// weight returns person i's weight in the draw of employers: their money
// if they are in H, else 0. In the production economy a capitalist's weight
// is their firm's money, not their own.
func (k *capitalism) weight(w *World, i int32) int64 {
	switch {
	case !k.people.Hireable(i):
		return 0
	case k.ai != nil && k.people.Class(i) == agents.Capitalist:
		return w.led.acc[w.led.Firm(i)].bal
	}
	return w.led.acc[i].bal
}

// weigh changes the hiring weight that account a's money gives by d, as
// weight counts it.
func (k *capitalism) weigh(w *World, a Account, d int64) {
	n := k.people.Len()
	switch {
	case int(a) < n:
		i := int32(a)
		if k.people.Hireable(i) && (k.ai == nil || k.people.Class(i) == agents.Unemployed) {
			k.hire.add(int(i)/hireBlock, d)
		}
	case k.ai != nil && int(a) < 2*n:
		if f := int32(int(a) - n); k.people.Class(f) == agents.Capitalist {
			k.hire.add(int(f)/hireBlock, d)
		}
	}
}

// drawEmployer returns the person whose weight interval holds u, for u in
// [0, total weight).
func (k *capitalism) drawEmployer(w *World, u int64) int32 {
	b, rest := k.hire.find(u)
	i := int32(b * hireBlock)
	if k.large {
		k.people.PrefetchStaffOf(i, hireBlock) // the one drawn will hire: its staff list is read next, with the block's money
	}
	for ; ; i++ {
		wt := k.weight(w, i)
		if rest < wt {
			return i
		}
		rest -= wt
	}
}

// weightBefore returns the total weight of the persons before a: the
// blocks' before a's block, and in it the persons before a — or, the
// shorter to read when a is in its block's second half, the blocks' up to
// and with a's block less the persons from a on.
func (k *capitalism) weightBefore(w *World, a int32) int64 {
	if int(a) == k.people.Len() {
		return k.hire.total
	}
	b := int(a) / hireBlock
	if end := int32(min((b+1)*hireBlock, k.people.Len())); a-int32(b*hireBlock) > end-a {
		sum := k.hire.prefix(b + 1)
		for i := a; i < end; i++ {
			sum -= k.weight(w, i)
		}
		return sum
	}
	sum := k.hire.prefix(b)
	for i := int32(b * hireBlock); i < a; i++ {
		sum += k.weight(w, i)
	}
	return sum
}

func (k *capitalism) beginMonth(w *World) {
	k.wages, k.revenue = 0, 0
	if k.ai != nil {
		k.ai.beginMonth(w)
	}
}

func (k *capitalism) endMonth(w *World) {
	if k.ai != nil {
		k.ai.endMonth(w)
	}
}

// move pays amt between accounts and keeps the hiring weights equal to the
// money of everyone in H.
func (k *capitalism) move(w *World, from, to Account, amt int64) {
	w.pay(from, to, amt)
	k.weigh(w, from, -amt)
	k.weigh(w, to, amt)
}

func (k *capitalism) act(w *World, n int) {
	switch {
	case k.ai != nil:
		k.ai.act(w, n)
	case k.large:
		k.stepsAhead(w, n)
	default:
		k.steps(w, n)
	}
}

// activate applies rule SR1 to person a, with b the step's spender.
func (k *capitalism) activate(w *World, a, b int32) {
	if k.people.Class(a) == agents.Unemployed {
		k.hiring(w, a)
	}
	k.expenditure(w, b)
	if k.people.Class(a) != agents.Unemployed {
		k.marketSample(w, a)
	}
	if k.people.Class(a) == agents.Capitalist {
		k.firing(w, a)
		k.payWages(w, a)
	}
}

// hiring: draw c ≠ a from H with probability proportional to money; if c has
// more than the mean wage, c employs a.
func (k *capitalism) hiring(w *World, a int32) {
	own := w.led.acc[a].bal
	rest := k.hire.total - own
	if rest <= 0 {
		return
	}
	u := int64(w.r.below(uint64(rest)))
	if u >= k.weightBefore(w, a) {
		u += own // step over a's own interval
	}
	c := k.drawEmployer(w, u)
	if w.led.acc[c].bal <= k.meanWage {
		return
	}
	k.hire.add(int(a)/hireBlock, -own) // a leaves H
	k.people.Hire(c, a)
}

// expenditure: the step's spender b, a person other than the activated one
// drawn uniformly (turns.next), spends a uniform amount in {0..m_b} into the
// market pool.
func (k *capitalism) expenditure(w *World, b int32) {
	k.move(w, Account(b), w.led.Special(Pool), w.r.upTo(w.led.acc[b].bal))
}

// marketSample: a working person's labour realises a uniform amount in
// {0..V} of the pool as revenue for their employer (or themself).
func (k *capitalism) marketSample(w *World, a int32) {
	firm := a
	if e := k.people.Employer(a); e != agents.NoEmployer {
		firm = e
	}
	pool := w.led.Special(Pool)
	amt := w.r.upTo(w.led.acc[pool].bal)
	k.revenue += amt
	w.pay(pool, Account(firm), amt)
	k.hire.add(int(firm)/hireBlock, amt) // a firm's owner is in H: no need to look
}

// firing: a capitalist who cannot pay every employee the mean wage fires
// employees drawn at random until it can.
func (k *capitalism) firing(w *World, a int32) {
	staff := int64(len(k.people.Employees(a)))
	keep := w.led.acc[a].bal / max(k.meanWage, 1)
	for ; staff > keep; staff-- {
		fired := k.people.Fire(a, w.r.intn(int(staff)))
		k.hire.add(int(fired)/hireBlock, w.led.acc[fired].bal) // the fired join H
	}
}

// payWages: a pays each employee a wage uniform in {wageMin..wageMax}, or a
// uniform amount in {0..m_a} when it has less than the wage drawn.
func (k *capitalism) payWages(w *World, a int32) {
	for _, e := range k.people.Employees(a) {
		wage := k.wageLo + int64(w.r.below(k.wageSpan))
		if m := w.led.acc[a].bal; m < wage {
			wage = w.r.upTo(m)
		}
		k.wages += wage
		w.pay(Account(a), Account(e), wage)
		k.hire.add(int(a)/hireBlock, -wage) // a is in H, its workers are not
	}
}

func (k *capitalism) settle(*World) {}

func (k *capitalism) observe(w *World, s *Snapshot) {
	s.Classes = true
	s.Wages, s.Revenue = k.wages, k.revenue // the production economy replaces them
	s.FirmSizes = s.FirmSizes[:0]
	s.ClassOf = s.ClassOf[:0]
	s.Employer = s.Employer[:0]
	s.Unemployed, s.Workers, s.Capitalists = 0, 0, 0
	for i := range int32(k.people.Len()) {
		c := k.people.Class(i)
		s.ClassOf = append(s.ClassOf, uint8(c))
		s.Employer = append(s.Employer, k.people.Employer(i))
		switch c {
		case agents.Worker:
			s.Workers++
		case agents.Capitalist:
			s.Capitalists++
			s.FirmSizes = append(s.FirmSizes, int32(len(k.people.Employees(i))))
		default:
			s.Unemployed++
		}
	}
	if k.ai != nil {
		k.ai.observe(w, s)
	}
}
