package agents

import "commonwealth/internal/hugepages"

// Markers in Population.employer for people who work for nobody.
const (
	// NoEmployer is the employer of the unemployed.
	NoEmployer = -1
	// owner is the employer of capitalists: themselves.
	owner = -2
)

// Population is everyone in a world, with the employment relation kept
// consistent in both directions. The class of each person is read from one
// compact array, so that asking it costs one small read even when millions
// of people do not fit in the processor's caches; the lists of employees
// are read only for capitalists.
type Population struct {
	employer  []int32   // the employer's index, NoEmployer, or owner
	employees [][]int32 // the people each capitalist employs
}

// NewPopulation returns n people, all unemployed.
func NewPopulation(n int) *Population {
	p := &Population{employer: make([]int32, n), employees: make([][]int32, n)}
	hugepages.Advise(p.employer)
	hugepages.Advise(p.employees)
	for i := range p.employer {
		p.employer[i] = NoEmployer
	}
	return p
}

// Len returns the number of people.
func (p *Population) Len() int { return len(p.employer) }

// Class returns person i's class.
func (p *Population) Class(i int32) Class {
	switch e := p.employer[i]; {
	case e >= 0:
		return Worker
	case e == owner:
		return Capitalist
	}
	return Unemployed
}

// Hireable reports whether person i is a capitalist or unemployed, the set
// H that employers are drawn from.
func (p *Population) Hireable(i int32) bool { return p.employer[i] < 0 }

// Employer returns the employer of person i, or NoEmployer.
func (p *Population) Employer(i int32) int32 { return max(p.employer[i], NoEmployer) }

// Employees returns the people person i employs. The slice belongs to the
// population: callers must not modify it.
func (p *Population) Employees(i int32) []int32 { return p.employees[i] }

// Hire makes worker an employee of employer. The worker must be unemployed
// and the employer not a worker.
func (p *Population) Hire(employer, worker int32) {
	p.employer[worker] = employer
	p.employer[employer] = owner
	p.employees[employer] = append(p.employees[employer], worker)
}

// MakeOwner makes unemployed person i an employer with no employees yet: a
// founder about to hire (production economy).
func (p *Population) MakeOwner(i int32) { p.employer[i] = owner }

// Fire ends the employment of the employee at position k of employer's
// Employees and returns who it was. The last employee takes the freed slot;
// an employer left with no one is unemployed, and keeps the list's memory
// for their next hire: letting it go cost Wright's model 5–8% more a step
// at 1,000 people (the allocations, and the collections they bring), and
// keeping it makes a world grow by about half a byte a person a month,
// which the memory guard counts (economy.WorldGrowth).
func (p *Population) Fire(employer int32, k int) int32 {
	staff := p.employees[employer]
	last := len(staff) - 1
	worker := staff[k]
	staff[k] = staff[last]
	p.employees[employer] = staff[:last]
	p.employer[worker] = NoEmployer
	if last == 0 {
		p.employer[employer] = NoEmployer
	}
	return worker
}
