package batch

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"commonwealth/internal/agents"
	"commonwealth/internal/scenario"
)

// TestPeopleSeries keeps everyone's quantities every 10 months of a run of
// 25 in Wright's model and in the production economy: the months kept are
// 0, 10, 20 and the last; the quantities are the ones the model's own
// metrics may read; the last month's wealth and class are the final
// snapshot's, communities are numbered from 1 as the snapshot bounds them; and people.csv and
// people.parquet are the same bytes with one worker and with two.
func TestPeopleSeries(t *testing.T) {
	for ref, want := range map[string][]string{
		"wright":        {"wealth", "income", "class"},
		"ai-is-capital": {"wealth", "income", "class", "skill", "spending", "community"},
	} {
		t.Run(ref, func(t *testing.T) {
			sc := load(t, ref, "months=25", "seeds=2", "people=60")
			one, two := runPeople(t, sc, 10, 1), runPeople(t, sc, 10, 2)
			for _, r := range one {
				p := r.People
				if !slices.Equal(p.Names, want) || !slices.Equal(p.Months, []int{0, 10, 20, 25}) {
					t.Fatalf("kept %v at months %v, want %v at 0, 10, 20, 25", p.Names, p.Months, want)
				}
				last := p.Values[len(p.Values)-1]
				for person, w := range r.Final.Wealth {
					if last[0][person] != float64(w) || last[2][person] != float64(r.Final.ClassOf[person]) {
						t.Fatalf("person %d at the end: wealth %v class %v, the final snapshot says %d and %d", person, last[0][person], last[2][person], w, r.Final.ClassOf[person])
					}
				}
				if c := slices.Index(p.Names, "community"); c >= 0 {
					for k, cs := range r.Final.AI.Communities {
						for person := cs.First; person < cs.End; person++ {
							if last[c][person] != float64(k+1) {
								t.Fatalf("person %d in community %v, want %d", person, last[c][person], k+1)
							}
						}
					}
				}
			}
			for _, f := range Formats {
				a, b := tableBytes(t, WritePeople, f, sc, one), tableBytes(t, WritePeople, f, sc, two)
				if !bytes.Equal(a, b) {
					t.Fatalf("people.%s differs between 1 and 2 workers", f)
				}
			}
		})
	}
}

// TestPeopleTable checks people.csv row by row against the runs it was
// written from: a row per arm, seed, kept month (0, 3, 6 and the last, 7)
// and person, classes as
// words, and nothing written when no run kept a series.
func TestPeopleTable(t *testing.T) {
	sc := load(t, "wright", "months=7", "seeds=1", "people=30")
	rs := runPeople(t, sc, 3, 1)
	rows := records(t, tableBytes(t, WritePeople, CSV, sc, rs))
	if head := rows[0]; !slices.Equal(head, []string{"arm", "months", "people", "seed", "month", "person", "wealth", "income", "class"}) {
		t.Fatalf("header %v", head)
	}
	if len(rows)-1 != len(rs)*4*30 {
		t.Fatalf("%d rows, want %d", len(rows)-1, len(rs)*4*30)
	}
	r := rs[0]
	for i, rec := range rows[1:31] { // month 0 of the first run
		w := r.People.Values[0][0][i]
		if rec[4] != "0" || rec[5] != u(uint64(i)) || rec[6] != u(uint64(w)) || rec[8] != scenario.ClassName(agents.Class(r.People.Values[0][2][i])) {
			t.Fatalf("row %d: %v", i, rec)
		}
	}
	if b := tableBytes(t, WritePeople, CSV, sc, runPeople(t, sc, 0, 1)); len(b) != 0 {
		t.Fatalf("wrote %d bytes with no per-person series", len(b))
	}
}

// TestPeopleStop: a run stop_when ends keeps its people at the month it
// ended, as its last.
func TestPeopleStop(t *testing.T) {
	sc, err := scenario.Parse("stop.toml", []byte("model = \"capitalism\"\npeople = 30\nmonths = 20\nstop_when = \"month >= 7\"\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runPeople(t, sc, 5, 1) {
		if r.Exit != 7 || !slices.Equal(r.People.Months, []int{0, 5, 7}) {
			t.Fatalf("stopped at %d, people kept at %v; want 7 and 0, 5, 7", r.Exit, r.People.Months)
		}
	}
}

// runPeople runs sc with per-person series every `every` months on the
// given number of workers.
func runPeople(t *testing.T, sc *scenario.Scenario, every, workers int) []Result {
	t.Helper()
	sc.PeopleEvery = every
	rs, err := Run(context.Background(), sc, Options{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
