package scenario

import "testing"

// TestDefaultParticipation checks that a lesson without a [participation]
// table gives its class the phones' default part (predict the answer,
// follow a person of the claim's arm), that a table still decides, and
// that a scenario without a lesson gives phones nothing by default.
func TestDefaultParticipation(t *testing.T) {
	const lesson = "model = \"exchange\"\npeople = 20\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\nexchange.rule = \"saving\"\n" +
		"[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\narm = \"b\"\ncompare = \"a\"\nop = \"<\"\n[lesson]\nquestion = \"?\"\nclaim = 1\n"
	cases := []struct {
		name, src string
		want      *Participation
	}{
		{"no lesson", "model = \"exchange\"\npeople = 20\n", nil},
		{"a lesson without a table", lesson, &Participation{Arm: "b", Predict: true, Follow: true}},
		{"a table", lesson + "[participation]\narm = \"a\"\nfollow = false\n", &Participation{Arm: "a", Predict: true, Line: 17, Deadline: DefaultDeadline}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc, err := Parse("t.toml", []byte(c.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := sc.Participation
			switch {
			case c.want == nil && got != nil:
				t.Errorf("got %+v, want none", *got)
			case c.want != nil && (got == nil || *got != *c.want):
				t.Errorf("got %+v, want %+v", got, *c.want)
			}
		})
	}
}

// TestLessonsPredict checks that in every built-in lesson the phones have
// the lesson's question to answer.
func TestLessonsPredict(t *testing.T) {
	for _, name := range Names() {
		sc, err := Load(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Lesson == nil {
			continue
		}
		if p := sc.Participation; p == nil || !p.Predict {
			t.Errorf("%s: the phones do not predict the lesson's answer (participation %+v)", name, p)
		}
	}
}

// TestPhones checks when a hosted class's phones have something to do.
func TestPhones(t *testing.T) {
	cases := []struct {
		name, src string
		want      bool
	}{
		{"no lesson", "model = \"exchange\"\npeople = 20\n", false},
		{"a vote", "model = \"exchange\"\npeople = 20\n[[event]]\nmonth = 3\nvote = \"Tax?\"\nset = { exchange.redistribution = 0.1 }\n", true},
		{"only following", "model = \"exchange\"\npeople = 20\n[participation]\npredict = false\n", true},
		{"nothing", "model = \"exchange\"\npeople = 20\n[participation]\npredict = false\nfollow = false\n", false},
	}
	for _, c := range cases {
		sc, err := Parse("t.toml", []byte(c.src), nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := sc.Phones(); got != c.want {
			t.Errorf("%s: Phones() = %v, want %v", c.name, got, c.want)
		}
	}
	for _, name := range Names() {
		sc, err := Load(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := sc.Phones(); got != (sc.Lesson != nil) {
			t.Errorf("%s: Phones() = %v with a lesson %v", name, got, sc.Lesson != nil)
		}
	}
}
