package economy

import (
	"slices"
	"testing"
)

// plainSteps runs a world of Wright's model on the reference loop, steps,
// whatever its size.
type plainSteps struct{ *capitalism }

func (p plainSteps) act(w *World, n int) { p.steps(w, n) }

// TestWrightLoopsAgree runs two worlds of Wright's model, large enough for
// the pipelined loop, one on stepsAhead and one on the reference loop,
// over whole months and over months in chunks of every length around the
// pipeline's blocks (a month is stepped in parts when it is watched), and
// checks that they stay the same world: money, income, classes, hiring
// weights and every generator.
func TestWrightLoopsAgree(t *testing.T) {
	p := Params{Model: ModelCapitalism, People: wrightLarge, StartWealth: 100,
		Capitalism: CapitalismParams{WageMin: 10, WageMax: 90}}
	piped, err := New(p, 3)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := New(p, 3)
	plain.rules = plainSteps{plain.rules.(*capitalism)}
	var sa, sb Snapshot
	for month := range 6 {
		stepAlike(t, month, piped, plain, &sa, &sb)
		ka, kb := piped.rules.(*capitalism), plain.rules.(plainSteps).capitalism
		switch {
		case !slices.EqualFunc(ka.hire.levels, kb.hire.levels, slices.Equal), ka.hire.total != kb.hire.total:
			t.Fatalf("month %d: hiring weights differ", month+1)
		case ka.turns != kb.turns, *piped.r != *plain.r:
			t.Fatalf("month %d: the generators differ", month+1)
		}
	}
	if sa.Workers == 0 || sa.Capitalists == 0 {
		t.Fatalf("no classes formed (%d workers, %d capitalists): the test checks too little", sa.Workers, sa.Capitalists)
	}
}

// TestProductionLoopsAgree is TestWrightLoopsAgree for the production
// economy: one world on actAhead, one on the plain loop (a world that is
// not large), the same world in money, income, classes, goods' demand
// weights, vacancies and every generator, after whole months and months in
// chunks of every length around the pipeline's blocks.
func TestProductionLoopsAgree(t *testing.T) {
	p := testWorld()
	p.People = wrightLarge
	months := 4
	if testing.Short() {
		months = 2
	}
	piped, err := New(p, 3)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := New(p, 3)
	if !piped.rules.(*capitalism).large {
		t.Fatal("a world of wrightLarge people is not large: both worlds would run the plain loop")
	}
	plain.rules.(*capitalism).large = false
	var sa, sb Snapshot
	for month := range months {
		stepAlike(t, month, piped, plain, &sa, &sb)
		xa, xb := piped.rules.(*capitalism).ai, plain.rules.(*capitalism).ai
		switch {
		case !slices.Equal(xa.goods.dweight, xb.goods.dweight), !slices.Equal(xa.goods.demand.tree, xb.goods.demand.tree),
			!slices.Equal(xa.vac.open, xb.vac.open), !slices.Equal(xa.vac.tasks, xb.vac.tasks), !slices.Equal(xa.vac.tree.tree, xb.vac.tree.tree):
			t.Fatalf("month %d: demand weights or vacancies differ", month+1)
		case *xa.rs != *xb.rs, *piped.r != *plain.r:
			t.Fatalf("month %d: the generators differ", month+1)
		}
	}
	if sa.Workers == 0 || sa.Capitalists == 0 {
		t.Fatalf("no classes formed (%d workers, %d capitalists): the test checks too little", sa.Workers, sa.Capitalists)
	}
}

// stepAlike runs month (counted from 0) of two worlds that should stay the
// same, in odd months first in chunks of every length around the
// pipeline's blocks (a month is stepped in parts when it is watched),
// observes them into sa and sb, and fails unless their money, income,
// employment, wages and revenue are the same.
func stepAlike(t *testing.T, month int, a, b *World, sa, sb *Snapshot) {
	t.Helper()
	if month%2 == 1 {
		for _, c := range []int{0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1000} {
			a.StepWithinMonth(c)
			b.StepWithinMonth(c)
		}
	}
	a.StepMonth()
	b.StepMonth()
	a.Observe(sa)
	b.Observe(sb)
	switch {
	case !slices.Equal(sa.Wealth, sb.Wealth), !slices.Equal(sa.Income, sb.Income):
		t.Fatalf("month %d: money or income differ", month+1)
	case !slices.Equal(sa.Employer, sb.Employer), sa.Wages != sb.Wages, sa.Revenue != sb.Revenue:
		t.Fatalf("month %d: employment, wages or revenue differ", month+1)
	}
}
