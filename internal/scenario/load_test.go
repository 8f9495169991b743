package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"commonwealth/scenarios"
)

// TestBadInput lists broken scenarios and flags with the exact message a
// user sees for each.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.toml", "  \n# nothing\n")
	_ = empty
	cases := []struct {
		name string
		src  string   // the file; "" means ref is used as is
		ref  string   // what is loaded when src is ""
		sets []string // --set flags
		want string   // the whole message, with FILE for the file's path
	}{
		{"unknown key", "model = \"exchange\"\nwealth = 5\n", "", nil,
			"FILE:2: wealth: unknown key; did you mean \"start_wealth\"?"},
		{"typo of a key", "peple = 10\n", "", nil,
			"FILE:1: peple: unknown key; did you mean \"people\"?"},
		{"typo of a nested key", "[exchange]\nrulle = \"random\"\n", "", nil,
			"FILE:2: exchange.rulle: unknown key; did you mean \"exchange.rule\"?"},
		{"key outside its table", "rule = \"saving\"\n", "", nil,
			"FILE:1: rule: unknown key; did you mean \"exchange.rule\"?"},
		{"unknown table", "[exchang]\nrule = \"random\"\n", "", nil,
			"FILE:1: exchang: unknown table; did you mean \"exchange\"?"},
		{"wrong type", "people = \"many\"\n", "", nil,
			"FILE:1: people: expected an integer (persons), got the string \"many\"; for example people = 1000"},
		{"fraction for an integer", "people = 10.5\n", "", nil,
			"FILE:1: people: expected an integer, got 10.5; write a whole number such as 11"},
		{"negative people", "people = -5\n", "", nil,
			"FILE:1: people: -5 is out of range: expected at least 2"},
		{"zero months", "months = 0\n", "", nil,
			"FILE:1: months: 0 is out of range: expected 1 ≤ value ≤ 1000000"},
		{"λ ≥ 1", "[exchange]\nsaving = 1.0\n", "", nil,
			"FILE:2: exchange.saving: 1 is out of range: expected 0 ≤ value < 1 (a saver who keeps everything never trades)"},
		{"unknown rule", "[exchange]\nrule = \"randon\"\n", "", nil,
			"FILE:2: exchange.rule: \"randon\" is not allowed: expected one of \"random\", \"saving\", \"yardsale\", \"mesa\"; did you mean \"random\"?"},
		{"unknown model", "model = \"feudalism\"\n", "", nil,
			"FILE:1: model: \"feudalism\" is not allowed: expected one of \"exchange\", \"capitalism\""},
		{"people too many for memory", "people = 3_000_000_000\n", "", nil,
			"FILE:1: people: 3000000000 people are too many for memory: one world needs up to 1.2 TB (400 bytes a person), and a run holds one world per worker; at most 50000000 people; use fewer people and more seeds"},
		{"wages reversed", "[capitalism]\nwage_min = 50\nwage_max = 40\n", "", nil,
			"FILE:2: capitalism.wage_min: 50 is above capitalism.wage_max = 40; the lowest wage cannot exceed the highest"},
		{"invalid TOML", "people = \n", "", nil,
			"FILE:1: invalid TOML: unexpected line end at start of value"},
		{"empty file", "  \n", "", nil,
			"FILE: the file is empty; a scenario sets at least `model`; `headless list` shows the built-in ones to copy"},
		{"arm overriding an unknown key", "[[arm]]\nname = \"a\"\nexchange.rate = 2\n", "", nil,
			"FILE:3: arm[1].exchange.rate: unknown key; did you mean \"exchange.rule\"?"},
		{"arm overriding a shared key", "[[arm]]\nname = \"a\"\nmonths = 5\n", "", nil,
			"FILE:3: arm[1].months: cannot differ between arms: arms are the same people over the same months; set months once, above the first [[arm]]"},
		{"two arms with one name", "[[arm]]\nname = \"a\"\n[[arm]]\nname = \"a\"\n", "", nil,
			"FILE:3: arm[2].name: \"a\" is already the name of arm 1; give every arm its own name"},
		{"arm as a table", "[arm]\nname = \"a\"\n", "", nil,
			"FILE:1: arm: expected [[arm]] blocks (an array of tables), got a table; write each arm as a block starting with the line [[arm]]"},
		{"missing file", "", "/no/such/dir/scenario.toml", nil,
			"/no/such/dir/scenario.toml: no such file; `headless list` shows the built-in scenarios"},
		{"unknown built-in", "", "wrigth", nil,
			"wrigth: no such file, and no built-in scenario of that name; did you mean \"wright\"?"},
		{"--set unknown key", "model = \"exchange\"\n", "", []string{"exchange.amout=3"},
			"--set: exchange.amout: unknown key; did you mean \"exchange.amount\"?"},
		{"--set wrong type", "model = \"exchange\"\n", "", []string{"people=lots"},
			"--set: people: expected an integer (persons), got \"lots\"; for example people = 1000"},
		{"--set out of range", "model = \"exchange\"\n", "", []string{"exchange.saving=1.5"},
			"--set: exchange.saving: 1.5 is out of range: expected 0 ≤ value < 1 (a saver who keeps everything never trades)"},
		{"--set without =", "model = \"exchange\"\n", "", []string{"people"},
			"--set: people: expected key=value; for example --set people=5000"},
		{"claim with an unknown metric", "model = \"exchange\"\n[[claim]]\ntext = \"t\"\nmetric = \"gini_welth\"\nvalue = 0.5\n", "", nil,
			"FILE:4: claim[1].metric: unknown metric \"gini_welth\" for this model; did you mean \"gini_wealth\"?"},
		{"claim with an unknown arm", "[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\narm = \"a\"\ncompare = \"c\"\n", "", nil,
			"FILE:9: claim[1].compare: unknown arm \"c\"; did you mean \"a\"?"},
		{"claim with a bad operator", "[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\nop = \"<=\"\n", "", nil,
			"FILE:5: claim[1].op: \"<=\" is not an operator: expected one of \"<\", \">\", \"within\"; did you mean \"<\"?"},
		{"claim with a bad expression", "[[arm]]\nname = \"a\"\n[[claim]]\ntext = \"t\"\nexpr = \"a.gini_wealth <\"\n", "", nil,
			"FILE:5: claim[1].expr: invalid expression: unexpected token EOF (1:15) | a.gini_wealth < | ..............^; arms are variables and metrics their fields, as in a.gini_wealth"},
		{"claim with an unknown name in an expression", "[[arm]]\nname = \"a\"\n[[claim]]\ntext = \"t\"\nexpr = \"b.gini_wealth < 1\"\n", "", nil,
			"FILE:5: claim[1].expr: unknown arm b; the arms are \"a\"; did you mean \"a\"?"},
		{"claim that reads the clock", "[[arm]]\nname = \"a\"\n[[claim]]\ntext = \"t\"\nexpr = \"a.gini_wealth < 1 && now().Year() > 2000\"\n", "", nil,
			"FILE:5: claim[1].expr: now reads the clock: a claim's verdict must not depend on when it is judged; use arithmetic, comparisons and functions such as abs, min, max, round"},
		{"claim with a tolerance that is not one", "[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\nop = \"within\"\ntolerance = \"ten percent\"\n", "", nil,
			"FILE:6: claim[1].tolerance: \"ten percent\" is not a tolerance: expected a number, or a share such as \"10%\" (above 0%, at most 1000%); for example tolerance = \"10%\""},
		{"expression with a relative tolerance", "[[arm]]\nname = \"a\"\n[[claim]]\ntext = \"t\"\nexpr = \"a.gini_wealth - 0.5\"\nop = \"within\"\ntolerance = \"5%\"\n", "", nil,
			"FILE:7: claim[1].tolerance: a relative tolerance needs something to be relative to: a compare arm or a value; give an expression an absolute tolerance, such as tolerance = 0.02"},
		{"claim on a single month", "[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\nmonth = 100\n", "", nil,
			"FILE:5: claim[1].month: a single month is noise (one run's Gini moves by ±0.05 from month to month); judge the mean over a window of months; for example window = [480, 600]; without a window the claim reads the mean of the last 12 months"},
		{"claim with an unknown key", "[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 1\nwindw = [1, 2]\n", "", nil,
			"FILE:5: claim[1].windw: unknown key of a claim; did you mean \"window\"?"},
		{"sweep of an unknown key", "[[sweep]]\nkey = \"exchange.savings\"\nvalues = [0.1]\n", "", nil,
			"FILE:2: sweep[1].key: unknown key \"exchange.savings\"; did you mean \"exchange.saving\"?"},
		{"sweep value out of range", "[[sweep]]\nkey = \"exchange.saving\"\nvalues = [0.5, 1.5]\n", "", nil,
			"FILE:3: sweep[1].values: 1.5 is out of range: expected 0 ≤ value < 1 (a saver who keeps everything never trades)"},
		{"event setting a key that cannot change", "[[event]]\nmonth = 5\nset = { people = 10 }\n", "", nil,
			"FILE:3: event[1].set.people: cannot change in a running world; `headless keys` marks the keys that can (LIVE)"},
		{"event in an unknown arm", "[[arm]]\nname = \"a\"\n[[event]]\nmonth = 5\narm = \"b\"\ncaption = \"c\"\n", "", nil,
			"FILE:5: event[1].arm: unknown arm \"b\"; did you mean \"a\"?"},
		{"resistance above 1", "[ai]\nenabled = true\n[resistance]\nbase = 1.5\n", "", nil,
			"FILE:4: resistance.base: 1.5 is out of range: expected 0 ≤ value ≤ 1"},
		{"unknown siting rule", "siting = \"cheapst\"\n", "", nil,
			"FILE:1: siting: \"cheapst\" is not allowed: expected one of \"cheapest\", \"random\", \"consent\"; did you mean \"cheapest\"?"},
		{"ai.enabled not a boolean", "[ai]\nenabled = \"yes\"\n", "", nil,
			"FILE:2: ai.enabled: expected true or false, got the string \"yes\"; for example ai.enabled = false"},
		{"an arm switching AI", "[[arm]]\nname = \"a\"\nai.enabled = true\n", "", nil,
			"FILE:3: arm[1].ai.enabled: cannot differ between arms: arms are the same people over the same months; set ai.enabled once, above the first [[arm]]"},
		{"unknown ownership", "[ownership]\nfirms = \"coop\"\n", "", nil,
			"FILE:2: ownership.firms: \"coop\" is not allowed: expected one of \"capitalist\", \"cooperative\""},
		{"a lesson without its claim", "model = \"exchange\"\n[lesson]\nquestion = \"?\"\n", "", nil,
			"FILE:2: lesson: a lesson needs the claim that answers its question; for example claim = 1, the first [[claim]] of the file"},
		{"a lesson's claim out of range", "model = \"exchange\"\n[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\n[lesson]\nquestion = \"?\"\nclaim = 2\n", "", nil,
			"FILE:8: lesson.claim: expected the number of one of the file's 1 claims, got 2; claims are numbered from 1 in the order they appear"},
		{"a lesson on a within claim", "model = \"exchange\"\n[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\nop = \"within\"\ntolerance = 0.1\n[lesson]\nquestion = \"?\"\nclaim = 1\n", "", nil,
			"FILE:10: lesson.claim: claim 1 cannot answer a lesson: it needs a metric and op \"<\" or \">\"; a lesson's answer is whether the claim's arm ends higher or lower than what it is compared with"},
		{"two answers", "model = \"exchange\"\n[[claim]]\ntext = \"t\"\nmetric = \"gini_wealth\"\nvalue = 0.5\n[lesson]\nquestion = \"?\"\nclaim = 1\nanswers = [\"a\", \"b\"]\n", "", nil,
			"FILE:9: lesson.answers: expected three answers (at most 40 characters each): what to say if the claim's arm ends higher, lower, or with no clear difference; for example answers = [\"commons\", \"private\", \"no clear difference\"]"},
		{"a lesson as blocks", "model = \"exchange\"\n[[lesson]]\nquestion = \"?\"\n", "", nil,
			"FILE:2: lesson: expected one [lesson] table, got an array; write it as a table starting with the line [lesson]"},
		{"community votes without automation", "model = \"exchange\"\n[participation]\npredict = false\ncommunities = \"decides\"\n", "", nil,
			"FILE:4: participation.communities: communities vote on data centres: this needs ai.enabled = true"},
		{"rounds without automation, of an unknown kind, with too short a deadline", "model = \"exchange\"\n[participation]\npredict = false\nrounds = \"datacentres\"\n[[arm]]\nname = \"a\"\n", "", nil,
			"FILE:4: participation.rounds: communities decide on data centres: this needs ai.enabled = true"},
		{"rounds of an unknown kind, a deadline out of range", "model = \"capitalism\"\n[ai]\nenabled = true\n[participation]\npredict = false\nrounds = \"datacenter\"\ndeadline = 2\n", "", nil,
			"FILE:6: participation.rounds: \"datacenter\": expected \"datacentres\" (residents decide on each data centre proposed to their community); did you mean \"datacentres\"?\n" +
				"FILE:7: participation.deadline: 2 seconds: expected 5 to 120"},
		{"predicting without a lesson", "model = \"exchange\"\n[participation]\nfollow = 1\n", "", nil,
			"FILE:2: participation: students answer the lesson's question: the scenario needs a [lesson]; add a [lesson], or predict = false\n" +
				"FILE:3: participation.follow: expected true or false, got the integer 1"},
		{"a vote with nothing to decide", "model = \"exchange\"\n[[event]]\nmonth = 5\nvote = \"?\"\ncaption = \"c\"\n", "", nil,
			"FILE:4: event[1].vote: a vote decides whether the event's keys are set: the event needs set; for example set = { \"ownership.automation\" = \"commons\" }"},
		{"every problem at once", "model = \"exchange\"\npeople = 1\n[exchange]\nsaving = 2\nfraction = -1\n", "", []string{"months=0"},
			"FILE:2: people: 1 is out of range: expected at least 2\n" +
				"FILE:4: exchange.saving: 2 is out of range: expected 0 ≤ value < 1 (a saver who keeps everything never trades)\n" +
				"FILE:5: exchange.fraction: -1 is out of range: expected 0 ≤ value ≤ 1\n" +
				"--set: months: 0 is out of range: expected 1 ≤ value ≤ 1000000"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref := c.ref
			if c.src != "" {
				ref = write(strings.ReplaceAll(c.name, " ", "_")+".toml", c.src)
			}
			_, err := Load(ref, c.sets)
			if err == nil {
				t.Fatalf("case %d: no error", i)
			}
			want := strings.ReplaceAll(c.want, "FILE", ref)
			if got := err.Error(); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
	if len(cases) < 20 {
		t.Fatalf("only %d cases", len(cases))
	}
}

// TestEmbedded loads every shipped scenario, and checks the default exists.
func TestEmbedded(t *testing.T) {
	names := Names()
	for _, want := range []string{"boltzmann", "wright", scenarios.Default} {
		sc, err := Load(want, nil)
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		if sc.Name != want || sc.Description == "" {
			t.Errorf("%s: name %q, description %q", want, sc.Name, sc.Description)
		}
	}
	if len(names) < 3 {
		t.Fatalf("embedded scenarios: %v", names)
	}
	def, _ := Load("", nil)
	if def.Name != scenarios.Default {
		t.Errorf("the default is %q, want %q", def.Name, scenarios.Default)
	}
}

// TestArmsAndSets checks that arms override the base, that --set wins over
// both, and that a scenario with no arms has one named after it.
func TestArmsAndSets(t *testing.T) {
	src := `name = "t"
model = "exchange"
people = 50
[exchange]
rule = "random"
amount = 2
[[arm]]
name = "a"
[[arm]]
name = "b"
exchange.rule = "saving"
exchange.saving = 0.25
`
	sc, err := Parse("t.toml", []byte(src), []string{"exchange.amount=7", "seeds=3"})
	if err != nil {
		t.Fatal(err)
	}
	a, b := sc.Arms[0].Settings, sc.Arms[1].Settings
	if a.Exchange.Rule != "random" || b.Exchange.Rule != "saving" || b.Exchange.Saving != 0.25 || a.Exchange.Saving != 0.5 {
		t.Errorf("arms: %+v / %+v", a.Exchange, b.Exchange)
	}
	if a.Exchange.Amount != 7 || b.Exchange.Amount != 7 || a.Seeds != 3 || sc.Run().People != 50 {
		t.Errorf("--set did not reach every arm: %+v / %+v", a, b)
	}
	if got := sc.Arms[1].Overrides; len(got) != 2 || got[0] != "exchange.rule" {
		t.Errorf("overrides %v", got)
	}
	one, err := Parse("dir/solo.toml", []byte("model = \"exchange\"\n"), nil)
	if err != nil || len(one.Arms) != 1 || one.Arms[0].Name != "solo" || one.Name != "solo" {
		t.Fatalf("single arm: %v %+v", err, one)
	}
}

// TestLineIndex checks line numbers where keys are hard to find: after a
// multi-line string that mentions them, in inline tables and in arms.
func TestLineIndex(t *testing.T) {
	src := `description = """
people = 10 is just text here
"""
name = "people = 3"
people = "x"
[capitalism]
wage_min = { a = 1 }
`
	_, err := Parse("f.toml", []byte(src), nil)
	want := "f.toml:5: people: expected an integer (persons), got the string \"x\"; for example people = 1000\n" +
		"f.toml:7: capitalism.wage_min: expected an integer (money units per month), got a table; for example capitalism.wage_min = 10"
	if err == nil || err.Error() != want {
		t.Fatalf("got:\n%v\nwant:\n%s", err, want)
	}
}

// FuzzParse feeds the loader arbitrary text, starting from the shipped
// scenarios: it must return a scenario or Problems, never panic, and a
// scenario it accepts must be runnable (checked values).
func FuzzParse(f *testing.F) {
	for _, n := range Names() {
		src, _ := scenarios.FS.ReadFile(n + ".toml")
		f.Add(string(src))
	}
	f.Add("[[arm]]\nname = \"x\"\nexchange.rule = \"mesa\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		sc, err := Parse("fuzz.toml", []byte(src), nil)
		if err != nil {
			if _, ok := err.(Problems); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, a := range sc.Arms {
			s := a.Settings
			if s.People < 2 || s.People > maxPeople || s.Months < 1 || s.Seeds < 1 || s.Exchange.Saving >= 1 {
				t.Fatalf("accepted bad settings %+v", s)
			}
		}
	})
}

// TestArmSelection checks --arm (sets "arm=NAME"): the arms kept, in the
// file's order; claims and events about the others left out with a note;
// a key the chosen arm sets may then be changed, with a note; and the
// refusal of such a --set when several arms remain.
func TestArmSelection(t *testing.T) {
	src := []byte(`model = "exchange"
[[arm]]
name = "a"
exchange.saving = 0.1
[[arm]]
name = "b"
exchange.saving = 0.2
[[arm]]
name = "c"
[[event]]
month = 3
arm = "a"
caption = "only in a"
[[claim]]
text = "b saves more than a"
metric = "gini_wealth"
arm = "b"
compare = "a"
[[claim]]
text = "c is unequal"
expr = "c.gini_wealth > 0.1"
`)
	sc, err := Parse("sel.toml", src, []string{"arm=c", "arm=b"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Arms) != 2 || sc.Arms[0].Name != "b" || sc.Arms[1].Name != "c" || len(sc.Claims) != 1 || len(sc.Events) != 0 {
		t.Fatalf("kept arms %v, %d claims, %d events", sc.Arms, len(sc.Claims), len(sc.Events))
	}
	_, err = Parse("sel.toml", src, []string{"arm=a", "arm=b", "exchange.saving=0.5"})
	if err == nil || !strings.Contains(err.Error(), `the arms "a", "b" set this key themselves`) {
		t.Fatalf("a --set of a key two chosen arms set: %v", err)
	}
	sc, err = Parse("sel.toml", src, []string{"arm=b", "exchange.saving=0.5"})
	if err != nil || sc.Arms[0].Settings.Exchange.Saving != 0.5 || !strings.Contains(strings.Join(sc.Notes, "\n"), "replaces arm b's own value") ||
		!strings.Contains(strings.Join(sc.Notes, "\n"), "claim 1 is about arm a, which --arm leaves out") {
		t.Fatalf("one arm chosen: %v %v", err, sc.Notes)
	}
	if _, err = Parse("sel.toml", src, []string{"arm=d"}); err == nil || !strings.Contains(err.Error(), "--arm: d: unknown arm") {
		t.Fatalf("an unknown arm: %v", err)
	}
}

// TestLocalFileNamedLikeBuiltin checks that a file in the working folder
// named like a built-in scenario is read, with a note, and that
// embedded:NAME still reaches the built-in.
func TestLocalFileNamedLikeBuiltin(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("trade.toml", []byte("model = \"exchange\"\npeople = 50\n"), 0o644)
	sc, err := Load("trade", nil)
	if err != nil || sc.Run().People != 50 || len(sc.Notes) != 1 || !strings.Contains(sc.Notes[0], "not the built-in scenario trade") {
		t.Fatalf("%v %v", err, sc)
	}
	if sc, err = Load("embedded:trade", nil); err != nil || sc.Run().People == 50 || len(sc.Notes) != 0 {
		t.Fatalf("embedded:trade: %v", err)
	}
}
