package agents

import "testing"

// TestFireLetsGoOfAnEmptyList: an employer whose last employee is fired is
// unemployed, and the population no longer holds their list's memory (a
// world whose firms come and go would otherwise grow month by month); one
// with staff left keeps theirs.
func TestFireLetsGoOfAnEmptyList(t *testing.T) {
	p := NewPopulation(4)
	for w := int32(1); w < 4; w++ {
		p.Hire(0, w)
	}
	if got := p.Fire(0, 0); got != 1 || len(p.Employees(0)) != 2 || cap(p.Employees(0)) == 0 {
		t.Fatalf("fired %d, staff %v: want 1 fired and two left", got, p.Employees(0))
	}
	p.Fire(0, 0)
	p.Fire(0, 0)
	if p.Class(0) != Unemployed || p.Employees(0) != nil {
		t.Fatalf("an employer with nobody left: class %v, list %v of capacity %d; want unemployed and no list", p.Class(0), p.Employees(0), cap(p.Employees(0)))
	}
}
