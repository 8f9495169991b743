package scenario

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"commonwealth/internal/metrics"
)

// Claim is a statement about a scenario's results that `headless check`
// judges over all seeds, pairing arms seed by seed.
//
// A simple claim names a metric, an arm, and either another arm (the claim
// is about arm − compare, seed by seed) or a number (arm − value), with an
// operator: "<" or ">" (the difference is below or above zero; with By, below
// −By or above +By: "lowers it by at least By") or "within" (the difference
// lies within ±Tolerance, or within ±Tolerance × the mean of what it is
// compared with when Relative). An expression claim computes a
// number (judged like a difference with Op) or a truth value per seed
// (judged by a sign test) from the arms' metrics.
type Claim struct {
	Text      string
	Number    int // its place among the file's claims, from 1
	Line      int
	Metric    string
	Arm       string
	Compare   string  // another arm, or ""
	Value     float64 // the number compared with, when Compare is ""
	Op        string  // "<", ">" or "within"
	Tolerance float64 // for "within"
	By        float64 // for "<" and ">": the least change claimed, in the metric's units (0: any)
	Relative  bool    // Tolerance is a share of the compared arm's mean (or of the value)
	Moment            // when the metric is read
	Expr      string
	Program   program // the compiled Expr, or nil (always nil in the browser build)
	Given     *Given  // the precondition, or nil (see Given)

	compared []string // the arms an expression claim compares (see Compared)
}

// Operators of claims.
var claimOps = []string{"<", ">", "within"}

// claimKeys are the keys a [[claim]] block may set.
var claimKeys = []string{"text", "metric", "arm", "compare", "value", "op", "tolerance", "by", "month", "window", "expr", "given"}

// identifier matches names an expression can use as they are.
var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ArmEnv returns the type an expression sees for one arm: a struct with one
// float64 field per metric, named as the metric.
func ArmEnv(ms []metrics.Metric) reflect.Type {
	fields := make([]reflect.StructField, len(ms))
	for i, m := range ms {
		fields[i] = reflect.StructField{
			Name: "M" + strings.ReplaceAll(m.Name, "_", "X"),
			Type: reflect.TypeFor[float64](),
			Tag:  reflect.StructTag(fmt.Sprintf(`expr:"%s"`, m.Name)),
		}
	}
	return reflect.StructOf(fields)
}

// claimLoader reads the [[claim]] blocks.
type claimLoader struct {
	blocks
	l *loader
}

// check turns the blocks into claims, checking them against the arms and
// the model's metrics.
func (cl *claimLoader) check(sc *Scenario) {
	ms := sc.Run().Metrics()
	names := metrics.Names(ms)
	var arms []string
	for _, a := range sc.Arms {
		arms = append(arms, a.Name)
	}
	for i := range cl.tables {
		r := cl.block(cl.l, i)
		if arm := cl.l.droppedIn(r.t); arm != "" {
			sc.Notes = append(sc.Notes, fmt.Sprintf("%s:%d: claim %d is about arm %s, which --arm leaves out: it is not judged", cl.l.file, cl.starts[i], i+1, arm))
			continue
		}
		c := Claim{Number: i + 1, Line: cl.starts[i], Op: "<"}
		bad, str, num := r.bad, r.str, r.num
		r.onlyKeys(claimKeys)
		if !str("text", &c.Text) || strings.TrimSpace(c.Text) == "" {
			bad("text", "a claim needs its sentence", `for example text = "saving lowers inequality"`)
		}
		if str("op", &c.Op) && !slices.Contains(claimOps, c.Op) {
			bad("op", fmt.Sprintf("%q is not an operator: expected one of %s", c.Op, quoteList(claimOps)), didYouMean(c.Op, claimOps))
		}
		if text, ok := r.t["tolerance"].(string); ok {
			share, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%")), 64)
			if !strings.HasSuffix(strings.TrimSpace(text), "%") || err != nil || !(share > 0 && share <= 1000) {
				bad("tolerance", fmt.Sprintf("%q is not a tolerance: expected a number, or a share such as \"10%%\" (above 0%%, at most 1000%%)", text), `for example tolerance = "10%"`)
			}
			c.Tolerance, c.Relative = share/100, true
		} else if num("tolerance", &c.Tolerance) && !(c.Tolerance > 0) {
			bad("tolerance", "must be above 0", "")
		}
		if c.Op == "within" && !r.has("tolerance") {
			bad("op", `"within" needs a tolerance`, "for example tolerance = 0.02")
		}
		if num("by", &c.By) {
			switch {
			case !(c.By > 0):
				bad("by", "must be above 0: the least change the claim is about, in the metric's units", "for example by = 0.02")
			case c.Op == "within":
				bad("by", `is for op "<" or ">" ("lowers it by at least ..."); "within" takes a tolerance`, "")
			}
		}
		r.window(&c.Moment, false)
		b := r.t
		if str("expr", &c.Expr) {
			if c.Relative {
				bad("tolerance", "a relative tolerance needs something to be relative to: a compare arm or a value", "give an expression an absolute tolerance, such as tolerance = 0.02")
			}
			for _, k := range []string{"metric", "arm", "compare", "value"} {
				if _, ok := b[k]; ok {
					bad(k, "is not used by an expression claim", "write the comparison in the expression")
				}
			}
			_, hasOp := b["op"]
			cl.compile(&c, sc, ms, hasOp, bad)
			if c.By != 0 && c.Boolean() {
				bad("by", "a true/false expression has no size to be at least something", "write the margin in the expression, or make it a number with op")
			}
		} else {
			cl.simple(&c, names, arms, str, num, bad)
		}
		cl.given(&c, r, arms, names)
		sc.Claims = append(sc.Claims, c)
	}
}

// simple checks a claim about one metric.
func (cl *claimLoader) simple(c *Claim, names, arms []string,
	str func(string, *string) bool, num func(string, *float64) bool, bad func(key, msg, hint string)) {
	if !str("metric", &c.Metric) {
		bad("metric", "a claim needs a metric (or an expr)", "for example metric = \"gini_wealth\"")
	} else if !slices.Contains(names, c.Metric) {
		bad("metric", fmt.Sprintf("unknown metric %q for this model", c.Metric), didYouMeanOr(c.Metric, names, "metrics are "+quoteList(names)))
	}
	if !str("arm", &c.Arm) {
		if len(arms) > 1 {
			bad("arm", "a claim needs the arm it is about", "arms are "+quoteList(arms))
		} else {
			c.Arm = arms[0]
		}
	}
	if c.Arm != "" && !slices.Contains(arms, c.Arm) {
		bad("arm", fmt.Sprintf("unknown arm %q", c.Arm), didYouMeanOr(c.Arm, arms, "arms are "+quoteList(arms)))
	}
	hasCompare := str("compare", &c.Compare)
	hasValue := num("value", &c.Value)
	switch {
	case hasCompare && hasValue:
		bad("value", "a claim compares with another arm or with a value, not both", "")
	case !hasCompare && !hasValue:
		bad("compare", "a claim needs another arm (compare) or a number (value) to compare with", `for example compare = "`+arms[0]+`"`)
	case hasCompare && !slices.Contains(arms, c.Compare):
		bad("compare", fmt.Sprintf("unknown arm %q", c.Compare), didYouMeanOr(c.Compare, arms, "arms are "+quoteList(arms)))
	case hasCompare && c.Compare == c.Arm:
		bad("compare", "an arm compared with itself", "")
	}
}

// compile checks an expression claim against the arms and metrics.
func (cl *claimLoader) compile(c *Claim, sc *Scenario, ms []metrics.Metric, hasOp bool, bad func(key, msg, hint string)) {
	env := map[string]any{}
	t := ArmEnv(ms)
	for _, a := range sc.Arms {
		if !identifier.MatchString(a.Name) {
			bad("expr", fmt.Sprintf("arm %q cannot be named in an expression", a.Name), "give arms names of letters, digits and _")
			return
		}
		env[a.Name] = reflect.New(t).Elem().Interface()
	}
	if len(c.Expr) > maxExpr {
		bad("expr", fmt.Sprintf("%d characters; an expression may have at most %d", len(c.Expr), maxExpr), "split the claim in two")
		return
	}
	compileExpr(c, sc, metrics.Names(ms), env, hasOp, bad)
}

// droppedIn returns an arm left out by --arm that a claim or event block
// names, or "".
func (l *loader) droppedIn(t map[string]any) string {
	if len(l.dropped) == 0 {
		return ""
	}
	var names []string
	for _, k := range []string{"arm", "compare"} {
		if s, ok := t[k].(string); ok {
			names = append(names, s)
		}
	}
	if text, ok := t["expr"].(string); ok && len(text) <= maxExpr {
		names = append(names, exprNames(text)...)
	}
	if text, ok := t["given"].(string); ok && len(text) <= maxExpr {
		names = append(names, givenArms(text)...)
	}
	for _, n := range names {
		if slices.Contains(l.dropped, n) {
			return n
		}
	}
	return ""
}

// maxExpr bounds the length of a claim's expression.
const maxExpr = 1000

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func didYouMeanOr(s string, candidates []string, otherwise string) string {
	if h := didYouMean(s, candidates); h != "" {
		return h
	}
	return otherwise
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// CheckClaims reports what `headless check` must refuse before it runs:
// claims judged at a month the run does not reach, and claims its seeds
// are too few to judge.
func (s *Scenario) CheckClaims() error {
	return append(s.checkClaimMonths(), s.checkClaimSeeds()...).err()
}

// Threshold is the line the claim's values are judged against: −By for
// "<", +By for ">" (0 without a margin), and 0 for "within" and truth values.
func (c *Claim) Threshold() float64 {
	switch c.Op {
	case "<":
		return -c.By
	case ">":
		return c.By
	}
	return 0
}

// MinSignSeeds is the fewest seeds with which a claim judged by a sign test
// can reach 95%: all n seeds agreeing has a chance of 0.5^n, below 0.05
// from 5 seeds.
const MinSignSeeds = 5

// MinSeeds is the fewest seeds the claim can be judged with: an interval
// needs two, a sign test MinSignSeeds.
func (c *Claim) MinSeeds() int {
	if c.Boolean() {
		return MinSignSeeds
	}
	return 2
}

// checkClaimSeeds reports claims that the run's seeds are too few to judge.
func (s *Scenario) checkClaimSeeds() Problems {
	var ps Problems
	seeds := s.Run().Seeds
	for _, c := range s.Claims {
		if n := c.MinSeeds(); seeds < n {
			test := "a 95% interval over seeds"
			if c.Boolean() {
				test = "a sign test over seeds (a true/false expression)"
			}
			ps = append(ps, Problem{File: s.File, Line: c.Line, Key: fmt.Sprintf("claim[%d]", c.Number),
				Msg:  fmt.Sprintf("is judged by %s, which needs at least %d seeds; the run has %d", test, n, seeds),
				Hint: fmt.Sprintf("run with --seeds %d or more", n)})
		}
	}
	return ps
}

// checkClaimMonths reports claims read at a month the run does not reach.
func (s *Scenario) checkClaimMonths() Problems {
	var ps Problems
	months := s.Run().Months
	for _, c := range s.Claims {
		last := c.Last()
		if last > months {
			ps = append(ps, Problem{File: s.File, Line: c.line, Key: fmt.Sprintf("claim[%d].%s", c.Number, c.key),
				Msg:  fmt.Sprintf("the claim is judged at month %d but the run lasts %d months", last, months),
				Hint: fmt.Sprintf("run at least %d months, or judge the claim earlier", last)})
		}
	}
	return ps
}
