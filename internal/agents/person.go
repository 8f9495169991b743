// Package agents holds the state of the actors of the capitalism model and
// the relations between them. A class is not a label but a relation: a
// capitalist has employees, a worker has an employer, the rest are
// unemployed.
package agents

// NoEmployer marks a person who works for nobody.
const NoEmployer = -1

// Person is one member of the population. Money lives in the economy's
// ledger, not here.
type Person struct {
	Employer  int32   // index of the employer, or NoEmployer
	Employees []int32 // indices of the people this person employs
}

// Class is a person's relation to the means of production.
type Class uint8

// The three classes of Wright's model.
const (
	Unemployed Class = iota
	Worker
	Capitalist
)

// String returns the class's name.
func (c Class) String() string {
	return [...]string{"unemployed", "worker", "capitalist"}[c]
}

// Class returns the person's class.
func (p *Person) Class() Class {
	switch {
	case p.Employer != NoEmployer:
		return Worker
	case len(p.Employees) > 0:
		return Capitalist
	}
	return Unemployed
}

// Hireable reports whether the person is a capitalist or unemployed, the
// set H that employers are drawn from.
func (p *Person) Hireable() bool { return p.Employer == NoEmployer }
