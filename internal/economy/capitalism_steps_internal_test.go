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
	chunks := []int{0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1000}
	var sa, sb Snapshot
	for month := range 6 {
		if month%2 == 1 {
			for _, c := range chunks {
				piped.StepWithinMonth(c)
				plain.StepWithinMonth(c)
			}
		}
		piped.StepMonth()
		plain.StepMonth()
		piped.Observe(&sa)
		plain.Observe(&sb)
		ka, kb := piped.rules.(*capitalism), plain.rules.(plainSteps).capitalism
		switch {
		case !slices.Equal(sa.Wealth, sb.Wealth), !slices.Equal(sa.Income, sb.Income):
			t.Fatalf("month %d: money or income differ", month+1)
		case !slices.Equal(sa.Employer, sb.Employer), sa.Wages != sb.Wages, sa.Revenue != sb.Revenue:
			t.Fatalf("month %d: employment, wages or revenue differ", month+1)
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
