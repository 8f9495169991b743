package batch

import (
	"io"

	"commonwealth/internal/agents"
	"commonwealth/internal/economy"
	"commonwealth/internal/scenario"
)

// People is a run's per-person series (`--every N --people`): every
// person's quantities — those a scenario's own metrics read, see
// scenario.Variables — at month 0, every N months and the last.
type People struct {
	Names  []string      // the quantities, as scenario.PersonVariables names them
	Months []int         // the months kept
	Values [][][]float64 // [kept month][quantity][person]
}

// keepPeople reports whether a per-person series kept every `every`
// months (0: none) keeps month m of a run of `months`
// months that stop ends (or would end) there.
func keepPeople(every, m, months int, stop bool) bool {
	return every > 0 && (m%every == 0 || m == months || stop)
}

// add keeps everyone's quantities in s.
func (p *People) add(s *economy.Snapshot) {
	cols := make([][]float64, len(p.Names))
	for i, name := range p.Names {
		cols[i] = scenario.AppendPerson(make([]float64, 0, len(s.Wealth)), name, s)
	}
	p.Months = append(p.Months, s.Month)
	p.Values = append(p.Values, cols)
}

// WritePeople writes people.csv: with --every N --people, a row per arm,
// seed, kept month and person with every per-person quantity of the model
// (wealth, income; class; skill, spending, community), the keys that
// differ between the arms or that --set gave as columns. Nothing when the
// runs kept no per-person series.
func WritePeople(w io.Writer, f Format, sc *scenario.Scenario, rs []Result) error {
	if len(rs) == 0 || rs[0].People == nil {
		return nil
	}
	keys := KeyColumns(sc)
	cols := append(append(armLead(sc, keys), Column{"seed", Integer}), personColumns(rs[0].People.Names)...)
	ak := newArmKeys(sc, keys)
	return writeTable(w, f, cols, func(t table) {
		for _, r := range rs {
			personRows(t, &r, func() {
				ak.cells(t, r.Arm)
				t.Int(int64(r.Seed))
			})
		}
	})
}

// personColumns are the columns of a per-person row after the run's:
// month, person, then the quantities names, each of its kind.
func personColumns(names []string) []Column {
	cols := []Column{{"month", Integer}, {"person", Integer}}
	for _, n := range names {
		kind := Integer
		switch {
		case n == "class":
			kind = Text
		case !scenario.Integral(n):
			kind = Real
		}
		cols = append(cols, Column{n, kind})
	}
	return cols
}

// personRows writes run r's per-person rows, each begun by lead: month,
// person, and the quantities of personColumns.
func personRows(t table, r *Result, lead func()) {
	names := r.People.Names
	for m, month := range r.People.Months {
		vals := r.People.Values[m]
		for person := range vals[0] {
			lead()
			t.Int(int64(month))
			t.Int(int64(person))
			for q, n := range names {
				x := vals[q][person]
				switch {
				case n == "class":
					t.Text(scenario.ClassName(agents.Class(x)))
				case scenario.Integral(n):
					t.Int(int64(x))
				default:
					t.Float(x)
				}
			}
			t.End()
		}
	}
}
