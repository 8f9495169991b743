// Package agents holds the state of the actors of the capitalism model and
// the relations between them. A class is not a label but a relation: a
// capitalist has employees, a worker has an employer, the rest are
// unemployed.
package agents

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
