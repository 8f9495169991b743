// Package economy is the simulation core: worlds, their accounts and the
// rules that move money between them. It imports no UI and no plotting, and
// each World owns its one random generator, so a world is a pure function of
// its parameters and seed.
package economy

import (
	"errors"
	"fmt"
)

// World is one economy: its people, their accounts, its clock and its random
// generator. A World is not safe for concurrent use; run worlds in parallel,
// never one world on several goroutines.
type World struct {
	p     Params
	r     *rng
	led   Ledger
	month int // months completed
	pos   int // activations done in the current month
	rules rules
}

// rules is what a model family implements. act performs n activations of the
// current month; the world calls beginMonth before the first and endMonth
// after the last.
type rules interface {
	beginMonth(w *World)
	act(w *World, n int)
	endMonth(w *World)
	observe(w *World, s *Snapshot)
	settle(w *World) // book income that the step loop left unbooked
	retune(w *World, p Params) error
}

// New returns a world in its starting state: People persons with StartWealth
// each, seeded with seed.
func New(p Params, seed uint64) (*World, error) {
	if p.People < 2 {
		return nil, fmt.Errorf("economy: people = %d, need at least 2", p.People)
	}
	if p.StartWealth < 0 {
		return nil, errors.New("economy: negative start_wealth")
	}
	w := &World{
		p:   p,
		r:   newRNG(seed),
		led: NewLedger(p.People, p.StartWealth),
	}
	switch {
	case p.Model == ModelExchange:
		w.led = newNarrowLedger(p.People, p.StartWealth) // the exchange rules read balances through the ledger's methods
	case p.AI.Enabled:
		w.led = newFirmLedger(p.People, p.StartWealth)
	}
	switch p.Model {
	case ModelExchange:
		x, err := newExchange(p)
		if err != nil {
			return nil, err
		}
		w.rules = x
	case ModelCapitalism:
		c, err := newCapitalism(p, seed)
		if err != nil {
			return nil, err
		}
		w.rules = c
		if c.ai != nil {
			c.ai.start(w)
		}
	default:
		return nil, fmt.Errorf("economy: unknown model %q", p.Model)
	}
	return w, nil
}

// SetParams changes the parameters of a running world, from the next
// activation on: the rates and amounts of its rules. The model, the rule,
// the people and their starting money cannot change.
func (w *World) SetParams(p Params) error {
	switch {
	case p.Model != w.p.Model, p.People != w.p.People, p.StartWealth != w.p.StartWealth:
		return errors.New("economy: the model, the people and their starting money cannot change in a running world")
	case p.Model == ModelExchange && p.Exchange.Rule != w.p.Exchange.Rule:
		return errors.New("economy: the exchange rule cannot change in a running world")
	}
	if err := w.rules.retune(w, p); err != nil {
		return err
	}
	w.p = p
	return nil
}

// Params returns the parameters the world runs with.
func (w *World) Params() Params { return w.p }

// Month returns the number of months completed.
func (w *World) Month() int { return w.month }

// Ledger returns the world's accounts, for reading.
func (w *World) Ledger() *Ledger { return &w.led }

// StepMonth runs the rest of the current month: People activations in all.
func (w *World) StepMonth() { w.advance(w.p.People - w.pos) }

// Step runs one activation: one person's turn, or one pair trade.
func (w *World) Step() { w.advance(1) }

// StepWithinMonth runs up to n activations, stopping at the end of the
// month, and returns how many it ran.
func (w *World) StepWithinMonth(n int) int {
	n = min(n, w.p.People-w.pos)
	w.advance(n)
	return n
}

// MonthStarted reports whether no activation of the current month has run.
func (w *World) MonthStarted() bool { return w.pos == 0 }

// LeftInMonth returns the activations left in the current month.
func (w *World) LeftInMonth() int { return w.p.People - w.pos }

func (w *World) advance(n int) {
	if w.pos == 0 {
		w.led.ClearReceived()
		w.rules.beginMonth(w)
	}
	w.rules.act(w, n)
	w.pos += n
	if w.pos == w.p.People {
		w.rules.endMonth(w)
		w.pos = 0
		w.month++
	}
}

// pay moves money between accounts. Every flow of money in a world goes
// through it.
func (w *World) pay(from, to Account, amt int64) { w.led.Transfer(from, to, amt) }

// Observe fills s with the world's state and this month's flows. Slices in s
// are reused when large enough.
func (w *World) Observe(s *Snapshot) {
	w.rules.settle(w)
	s.Month = w.month
	s.Wealth = w.led.Balances(s.Wealth[:0])
	s.Income = w.led.Received(s.Income[:0])
	w.rules.observe(w, s)
}
