package scenario

import (
	"fmt"
	"slices"
	"strings"

	"commonwealth/internal/metrics"
)

// Lesson is a scenario's guided lesson: the window opens on its question,
// the class predicts one of three answers, watches the worlds its claim
// compares, and is shown the answer over all the scenario's seeds — the
// claim's comparison exactly as `headless check` judges it.
type Lesson struct {
	Question string
	Claim    int       // the number (from 1) of the claim that answers the question
	Answers  [3]string // what the class may say: the claim's arm ends higher than what it is compared with, lower, or no clear difference
	Differ   string    // what differs between the worlds, in words
	Watch    string    // what to watch while they run
	Gauges   []string  // the metrics drawn as the mechanism, at most MaxGauges
	Line     int
}

// MaxGauges is how many gauges a lesson can draw at once.
const MaxGauges = 4

// Outcomes of a lesson's comparison, indexing Lesson.Answers.
const (
	Higher = iota
	Lower
	NoClearDifference
	NotApplicable // the claim's precondition failed in too many seeds (Claim.Applicable): no answer
)

// AnswerText is what the lesson says for an outcome: one of its Answers,
// or that the question does not apply.
func (ls *Lesson) AnswerText(outcome int) string {
	if outcome == NotApplicable {
		return "not applicable: the worlds lack what the question is about"
	}
	return ls.Answers[outcome]
}

var lessonKeys = []string{"question", "claim", "answers", "differ", "watch", "gauges"}

// lessonLoader reads the [lesson] table.
type lessonLoader struct {
	blocks
	l *loader
}

// table returns the single [NAME] table a top-level name collects, or nil.
func (l *loader) table(name string) *blocks {
	switch name {
	case lessonTable:
		return &l.lesson.blocks
	case classTable:
		return &l.class.blocks
	}
	return nil
}

// key records a key of a single [NAME] table; it returns false when NAME
// is not a table.
func (b *blocks) key(l *loader, k []string, typ keyKind, line int) bool {
	if len(k) > 1 {
		if len(b.lines) == 1 {
			b.lines[0][strings.Join(k[1:], ".")] = line
		}
		return true
	}
	t, ok := l.doc[b.name].(map[string]any)
	if typ != kindTable || !ok {
		l.add(line, b.name, fmt.Sprintf("expected one [%s] table, got %s", b.name, describe(l.doc[b.name])), fmt.Sprintf("write it as a table starting with the line [%s]", b.name))
		return false
	}
	if len(b.tables) == 0 {
		b.tables, b.starts, b.lines = []map[string]any{t}, []int{line}, []map[string]int{{}}
	}
	return true
}

// Claim returns the lesson's claim in sc.
func (ls *Lesson) claim(sc *Scenario) *Claim {
	for i := range sc.Claims {
		if sc.Claims[i].Number == ls.Claim {
			return &sc.Claims[i]
		}
	}
	return nil
}

// LessonClaim returns the claim that answers the lesson's question.
func (s *Scenario) LessonClaim() *Claim { return s.Lesson.claim(s) }

// LessonArms returns the arms a lesson shows: the claim's comparison first
// (the world it is compared with, on the left), then its arm.
func (s *Scenario) LessonArms() []string {
	c := s.LessonClaim()
	if c.Compare == "" {
		return []string{c.Arm}
	}
	return []string{c.Compare, c.Arm}
}

func (ll *lessonLoader) check(sc *Scenario) {
	if len(ll.tables) == 0 {
		return
	}
	r := ll.block(ll.l, 0)
	r.onlyKeys(lessonKeys)
	ls := &Lesson{Line: ll.starts[0]}
	if !r.str("question", &ls.Question) || strings.TrimSpace(ls.Question) == "" {
		r.bad("question", "a lesson needs its question", `for example question = "In which world will the poorest half hold more?"`)
	}
	var n float64
	if !r.num("claim", &n) {
		r.bad("claim", "a lesson needs the claim that answers its question", "for example claim = 1, the first [[claim]] of the file")
		return
	}
	if n != float64(int(n)) || n < 1 || int(n) > len(ll.l.claims.tables) {
		r.bad("claim", fmt.Sprintf("expected the number of one of the file's %d claims, got %v", len(ll.l.claims.tables), n), "claims are numbered from 1 in the order they appear")
		return
	}
	ls.Claim = int(n)
	c := ls.claim(sc)
	if c == nil {
		if ll.l.droppedIn(ll.l.claims.tables[ls.Claim-1]) != "" {
			sc.Notes = append(sc.Notes, fmt.Sprintf("%s:%d: the lesson's claim is about an arm --arm leaves out: the window opens without the lesson", ll.l.file, ls.Line))
		}
		return // a claim with problems of its own, reported there
	}
	if c.Metric == "" || c.Op == "within" {
		r.bad("claim", fmt.Sprintf("claim %d cannot answer a lesson: it needs a metric and op \"<\" or \">\"", ls.Claim),
			"a lesson's answer is whether the claim's arm ends higher or lower than what it is compared with")
	} else if slices.Contains(sc.OwnMetrics(), c.Metric) {
		r.bad("claim", fmt.Sprintf("claim %d is about %s, the scenario's own metric: a lesson's answer is computed in the browser too, which cannot compute the scenario's own metrics", ls.Claim, c.Metric),
			"answer the lesson with a claim about a built-in metric (`headless metrics` lists them)")
	}
	if c.Given != nil {
		for _, a := range c.Given.Arms() {
			if a != c.Arm && a != c.Compare {
				r.bad("claim", fmt.Sprintf("claim %d's precondition names arm %s, which the lesson does not run", ls.Claim, a),
					"a lesson runs only the arms its claim compares: name those, or write the precondition with bare metrics")
			}
		}
	}
	if c.By != 0 {
		r.bad("claim", fmt.Sprintf("claim %d cannot answer a lesson: its margin (by) asks more than whether the arm ends higher or lower", ls.Claim),
			"give the lesson a claim without by")
	}
	ls.Answers = [3]string{c.Arm + " ends higher", c.Arm + " ends lower", "no clear difference"}
	if v, ok := r.t["answers"]; ok {
		list, isList := v.([]any)
		good := isList && len(list) == 3
		for i := 0; good && i < 3; i++ {
			s, isStr := list[i].(string)
			good = isStr && strings.TrimSpace(s) != "" && len(s) <= maxAnswer
			if good {
				ls.Answers[i] = s
			}
		}
		if !good {
			r.bad("answers", fmt.Sprintf("expected three answers (at most %d characters each): what to say if the claim's arm ends higher, lower, or with no clear difference", maxAnswer),
				`for example answers = ["commons", "private", "no clear difference"]`)
		}
	}
	r.str("differ", &ls.Differ)
	r.str("watch", &ls.Watch)
	if v, ok := r.t["gauges"]; ok {
		names := append(metrics.Names(sc.Run().Metrics()), sc.OwnMetrics()...)
		list, isList := v.([]any)
		if !isList || len(list) > MaxGauges {
			r.bad("gauges", fmt.Sprintf("expected a list of at most %d metrics", MaxGauges), `for example gauges = ["compute_price", "unemployed_share"]`)
		}
		for _, x := range list {
			s, _ := x.(string)
			if !slices.Contains(names, s) {
				r.bad("gauges", fmt.Sprintf("%v is not a metric of this model", x), didYouMeanOr(s, names, "`headless metrics` lists them"))
				continue
			}
			ls.Gauges = append(ls.Gauges, s)
		}
	}
	sc.Lesson = ls
}

// maxAnswer bounds an answer's length: it is a button on the screen.
const maxAnswer = 40
