package agents

// Population is everyone in a world, with the employment relation kept
// consistent in both directions.
type Population []Person

// NewPopulation returns n people, all unemployed.
func NewPopulation(n int) Population {
	p := make(Population, n)
	for i := range p {
		p[i].Employer = NoEmployer
	}
	return p
}

// Hire makes worker an employee of employer. The worker must be unemployed.
func (p Population) Hire(employer, worker int32) {
	e := &p[employer]
	p[worker].Employer = employer
	e.Employees = append(e.Employees, worker)
}

// Fire ends the employment of the employee at position k of employer's
// Employees and returns who it was. The last employee takes the freed slot.
func (p Population) Fire(employer int32, k int) int32 {
	e := &p[employer]
	last := len(e.Employees) - 1
	worker := e.Employees[k]
	e.Employees[k] = e.Employees[last]
	e.Employees = e.Employees[:last]
	p[worker].Employer = NoEmployer
	return worker
}
