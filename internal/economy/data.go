package economy

import (
	"math"

	"commonwealth/internal/agents"
)

// data is the training data everyone produces and what it makes of
// automation: each person adds one unit of data a month, two while at work;
// the stock and each person's contribution depreciate by δ a month; a unit's
// productivity follows a scaling law with diminishing returns,
// π = π₀·(D/D_ref)^β, D_ref being a year of everyone's baseline data (Kaplan
// et al. 2020; Hoffmann et al. 2022: data exponents well below 1). It also
// holds each person's need, drawn at the start, and scratch buffers of the
// monthly passes.
type data struct {
	contributed []float32 // per person: data contributed, depreciated
	stock       float64
	ref         float64   // D_ref
	pi          float64   // π: goods one unit makes a month, set at the start of each month
	need        []float32 // per person: goods a month below which their consumption is poverty
	burden      []float64 // per community: burden a month on each resident
	gaps        []float64 // scratch: shortfalls of need
	commWealth  []int64   // scratch: money per community
}

func (d *data) init(n int) {
	d.contributed = make([]float32, n)
	d.need = make([]float32, n)
	d.ref = 12 * float64(n)
}

// drawNeeds draws each person's need uniformly in [½, 1½] × mean.
func (d *data) drawNeeds(mean float64, r *rng) {
	for i := range d.need {
		d.need[i] = float32(mean * (0.5 + r.float64()))
	}
}

// produce adds a month of everyone's data.
func (d *data) produce(x *production) {
	keep := 1 - x.p.DataDepreciation
	d.stock *= keep
	for i := range d.contributed {
		add := float32(1)
		if x.k.people.Class(int32(i)) == agents.Worker {
			add = 2
		}
		d.contributed[i] = d.contributed[i]*float32(keep) + add
		d.stock += float64(add)
	}
}

// setProductivity computes π from the data stock.
func (d *data) setProductivity(p AIParams) {
	d.pi = 0
	if d.stock > 0 {
		d.pi = p.Productivity * math.Pow(d.stock/d.ref, p.DataElasticity)
	}
}
