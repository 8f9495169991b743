package economy

import (
	"fmt"

	"commonwealth/internal/agents"
)

// capitalism is Ian Wright's "social architecture of capitalism" (Physica A
// 346, 2005), rule SR1. A month is People activations of a person drawn
// uniformly; each activation applies the five rules below to that person.
type capitalism struct {
	people   agents.Population
	hire     fenwick // weight of each person: their money if in H (capitalist or unemployed), else 0
	wageLo   int64
	wageSpan uint64 // wageMax − wageLo + 1
	meanWage int64  // ⟨w⟩ = (wageMin + wageMax) / 2, rounded down
	wages    int64  // wages paid this month
	revenue  int64  // market revenue this month
}

func newCapitalism(p Params) (*capitalism, error) {
	c := p.Capitalism
	if c.WageMin < 0 || c.WageMax < c.WageMin {
		return nil, fmt.Errorf("economy: wages %d..%d are not a range", c.WageMin, c.WageMax)
	}
	k := &capitalism{
		people:   agents.NewPopulation(p.People),
		hire:     newFenwick(p.People),
		wageLo:   c.WageMin,
		wageSpan: uint64(c.WageMax-c.WageMin) + 1,
		meanWage: (c.WageMin + c.WageMax) / 2,
	}
	for i := range p.People {
		k.hire.add(i, p.StartWealth)
	}
	return k, nil
}

func (k *capitalism) beginMonth(*World) { k.wages, k.revenue = 0, 0 }
func (k *capitalism) endMonth(*World)   {}

// move pays amt between accounts and keeps the hiring weights equal to the
// money of everyone in H.
func (k *capitalism) move(w *World, from, to Account, amt int64) {
	w.pay(from, to, amt)
	if int(from) < len(k.people) && k.people[from].Hireable() {
		k.hire.add(int(from), -amt)
	}
	if int(to) < len(k.people) && k.people[to].Hireable() {
		k.hire.add(int(to), amt)
	}
}

func (k *capitalism) act(w *World, n int) {
	for range n {
		k.activate(w, int32(w.r.intn(len(k.people))))
	}
}

// activate applies rule SR1 to person a.
func (k *capitalism) activate(w *World, a int32) {
	pa := &k.people[a]
	if pa.Class() == agents.Unemployed {
		k.hiring(w, a)
	}
	k.expenditure(w, a)
	if pa.Class() != agents.Unemployed {
		k.marketSample(w, a)
	}
	if pa.Class() == agents.Capitalist {
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
	if u >= k.hire.prefix(int(a)) {
		u += own // step over a's own interval
	}
	c := int32(k.hire.find(u))
	if w.led.acc[c].bal <= k.meanWage {
		return
	}
	k.hire.add(int(a), -own) // a leaves H
	k.people.Hire(c, a)
}

// expenditure: a person b ≠ a, drawn uniformly, spends a uniform amount in
// {0..m_b} into the market pool.
func (k *capitalism) expenditure(w *World, a int32) {
	b := int32(w.r.intn(len(k.people) - 1))
	if b >= a {
		b++
	}
	k.move(w, Account(b), w.led.Special(Pool), w.r.upTo(w.led.acc[b].bal))
}

// marketSample: a working person's labour realises a uniform amount in
// {0..V} of the pool as revenue for their employer (or themself).
func (k *capitalism) marketSample(w *World, a int32) {
	firm := a
	if e := k.people[a].Employer; e != agents.NoEmployer {
		firm = e
	}
	pool := w.led.Special(Pool)
	amt := w.r.upTo(w.led.acc[pool].bal)
	k.revenue += amt
	k.move(w, pool, Account(firm), amt)
}

// firing: a capitalist who cannot pay every employee the mean wage fires
// employees drawn at random until it can.
func (k *capitalism) firing(w *World, a int32) {
	staff := int64(len(k.people[a].Employees))
	keep := w.led.acc[a].bal / max(k.meanWage, 1)
	for ; staff > keep; staff-- {
		fired := k.people.Fire(a, w.r.intn(int(staff)))
		k.hire.add(int(fired), w.led.acc[fired].bal) // the fired join H
	}
}

// payWages: a pays each employee a wage uniform in {wageMin..wageMax}, or a
// uniform amount in {0..m_a} when it has less than the wage drawn.
func (k *capitalism) payWages(w *World, a int32) {
	for _, e := range k.people[a].Employees {
		wage := k.wageLo + int64(w.r.below(k.wageSpan))
		if m := w.led.acc[a].bal; m < wage {
			wage = w.r.upTo(m)
		}
		k.wages += wage
		k.move(w, Account(a), Account(e), wage)
	}
}

func (k *capitalism) observe(w *World, s *Snapshot) {
	s.Classes = true
	s.Wages, s.Revenue = k.wages, k.revenue
	s.FirmSizes = s.FirmSizes[:0]
	s.ClassOf = s.ClassOf[:0]
	s.Unemployed, s.Workers, s.Capitalists = 0, 0, 0
	for i := range k.people {
		p := &k.people[i]
		c := p.Class()
		s.ClassOf = append(s.ClassOf, uint8(c))
		switch c {
		case agents.Worker:
			s.Workers++
		case agents.Capitalist:
			s.Capitalists++
			s.FirmSizes = append(s.FirmSizes, int32(len(p.Employees)))
		default:
			s.Unemployed++
		}
	}
}
