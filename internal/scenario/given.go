package scenario

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Given is a claim's precondition: what must hold in the worlds it compares
// for its verdict to mean anything, such as "machines exist in both
// worlds". It is read over the claim's own months (its window), from the
// same means the claim reads, seed by seed; a seed whose worlds fail it is
// not counted (see Claim.Applicable).
//
// The text is a true/false expression in the syntax of claims' `expr`
// (a subset of it): numbers; metrics, either named with their arm
// (private.automation_share) or bare (automation_share); + − * / and
// unary −; abs, min and max; < <= > >= == !=; && (and), || (or), ! (not);
// parentheses. A bare metric stands for that metric in each compared arm
// in turn, and the condition must hold in every one: with a claim
// comparing commons with private, "automation_share > 0.02" means
// "commons.automation_share > 0.02 && private.automation_share > 0.02".
// A metric that is undefined in a seed (NaN) fails every comparison.
//
// Givens are evaluated by this package, not by expr-lang, so that the
// browser build (which leaves expr-lang out) judges a lesson's claim as
// `headless check` does, bit for bit.
type Given struct {
	Text string
	root *gnode
	bare bool     // some metric is bare: the condition is checked in each compared arm
	arms []string // the arms it names, in order of first use
}

// gnode is a node of a precondition's tree.
type gnode struct {
	op          string // "num", "ref", a function name, or an operator ("neg" for unary −)
	x           float64
	arm, metric string // of a "ref"; arm "" is bare
	args        []*gnode
	truth       bool // gives true/false rather than a number
}

// GivenError is a problem in a precondition's text, with a suggestion.
type GivenError struct {
	Msg, Hint string
}

func (e *GivenError) Error() string { return e.Msg }

// ParseGiven reads a precondition over the given arms and metrics.
func ParseGiven(text string, arms, metricNames []string) (*Given, error) {
	if strings.TrimSpace(text) == "" {
		return nil, &GivenError{"an empty precondition", `for example given = "automation_share > 0.02"`}
	}
	if len(text) > maxExpr {
		return nil, &GivenError{fmt.Sprintf("%d characters; a precondition may have at most %d", len(text), maxExpr), ""}
	}
	p := &givenParser{src: text, arms: arms, metrics: metricNames}
	p.next()
	g := &Given{Text: text}
	root := p.or()
	if p.err == nil && p.tok != "" {
		p.fail(fmt.Sprintf("unexpected %q", p.tok), "join conditions with && or ||")
	}
	if p.err != nil {
		return nil, p.err
	}
	if !root.truth {
		return nil, &GivenError{"a precondition must be true or false, and this one gives a number", `compare it with something, as in "automation_share > 0.02"`}
	}
	g.root, g.bare, g.arms = root, p.bare, p.named
	return g, nil
}

// Arms returns the arms the precondition names with arm.metric.
func (g *Given) Arms() []string { return g.arms }

// Condition is what a compared world was like by a metric a claim's
// precondition reads: its mean over every seed and the claim's months.
type Condition struct {
	Metric, Arm string
	Mean        float64
}

// Conditions returns, for a claim with a precondition, each metric it
// reads in each arm the claim compares (and each it names), as means over
// seeds; at gives a metric's value in an arm in a seed over the claim's
// months. A verdict is read beside the worlds it compared: automation's
// share in each, say.
func (c *Claim) Conditions(seeds int, at func(seed int, arm, metric string) float64) []Condition {
	if c.Given == nil || seeds == 0 {
		return nil
	}
	arms := c.Given.Arms()
	for _, a := range []string{c.Arm, c.Compare} {
		if a != "" && !slices.Contains(arms, a) {
			arms = append(arms, a)
		}
	}
	var cs []Condition
	for _, m := range c.Given.Metrics() {
		for _, a := range arms {
			var sum float64
			for s := range seeds {
				sum += at(s, a, m)
			}
			cs = append(cs, Condition{m, a, sum / float64(seeds)})
		}
	}
	return cs
}

// Metrics returns the metrics the precondition reads, in order of first
// use.
func (g *Given) Metrics() []string {
	var ms []string
	var walk func(n *gnode)
	walk = func(n *gnode) {
		if n.op == "ref" && !slices.Contains(ms, n.metric) {
			ms = append(ms, n.metric)
		}
		for _, a := range n.args {
			walk(a)
		}
	}
	walk(g.root)
	return ms
}

// Check evaluates the precondition in one seed: at gives a metric's value
// in an arm over the claim's months. compared are the arms the claim
// compares, in which a bare condition must hold. It returns whether it
// holds and, for a bare condition, the compared arms where it fails.
func (g *Given) Check(compared []string, at func(arm, metric string) float64) (ok bool, failedIn []string) {
	if !g.bare {
		return g.root.eval("", at) != 0, nil
	}
	for _, a := range compared {
		if g.root.eval(a, at) == 0 {
			failedIn = append(failedIn, a)
		}
	}
	return len(failedIn) == 0, failedIn
}

// eval computes the node, bare metrics read in arm; true is 1, false 0.
func (n *gnode) eval(arm string, at func(arm, metric string) float64) float64 {
	truth := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	switch n.op {
	case "num":
		return n.x
	case "ref":
		if n.arm == "" {
			return at(arm, n.metric)
		}
		return at(n.arm, n.metric)
	case "&&":
		return truth(n.args[0].eval(arm, at) != 0 && n.args[1].eval(arm, at) != 0)
	case "||":
		return truth(n.args[0].eval(arm, at) != 0 || n.args[1].eval(arm, at) != 0)
	case "!":
		return truth(n.args[0].eval(arm, at) == 0)
	case "neg":
		return -n.args[0].eval(arm, at)
	case "abs":
		return math.Abs(n.args[0].eval(arm, at))
	}
	a, b := n.args[0].eval(arm, at), n.args[1].eval(arm, at)
	switch n.op {
	case "min":
		return math.Min(a, b)
	case "max":
		return math.Max(a, b)
	case "+":
		return a + b
	case "-":
		return a - b
	case "*":
		return a * b
	case "/":
		return a / b
	case "<":
		return truth(a < b)
	case "<=":
		return truth(a <= b)
	case ">":
		return truth(a > b)
	case ">=":
		return truth(a >= b)
	case "==":
		return truth(a == b)
	}
	return truth(a < b || a > b) // "!=", the only operator left; false with a NaN, like every comparison
}

// givenParser is a recursive-descent parser of a precondition.
type givenParser struct {
	src           string
	pos           int    // after the current token
	start         int    // where the current token starts
	tok           string // the current token, "" at the end
	arms, metrics []string
	named         []string
	bare          bool
	err           *GivenError
}

// givenOps are the operators, longest first.
var givenOps = []string{"&&", "||", "<=", ">=", "==", "!=", "<", ">", "!", "+", "-", "*", "/", "(", ")", ",", "."}

// next reads the next token.
func (p *givenParser) next() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
	p.start = p.pos
	rest := p.src[p.pos:]
	n := 0
	switch {
	case rest == "":
	case isDigit(rest[0]):
		for n < len(rest) && (isDigit(rest[n]) || rest[n] == '.' || rest[n] == '_' || rest[n] == 'e' || rest[n] == 'E' ||
			(n > 0 && (rest[n] == '+' || rest[n] == '-') && (rest[n-1] == 'e' || rest[n-1] == 'E'))) {
			n++
		}
	case isLetter(rest[0]):
		for n < len(rest) && (isLetter(rest[n]) || isDigit(rest[n])) {
			n++
		}
	default:
		for _, op := range givenOps {
			if strings.HasPrefix(rest, op) {
				n = len(op)
				break
			}
		}
		if n == 0 {
			n = len(string([]rune(rest)[:1]))
			p.tok = rest[:n]
			p.fail(fmt.Sprintf("unexpected %q", p.tok), "a precondition uses metrics, numbers, comparisons, && and ||")
			p.tok, p.pos = "", len(p.src)
			return
		}
	}
	p.tok = rest[:n]
	p.pos += n
}

func isDigit(b byte) bool  { return b >= '0' && b <= '9' }
func isLetter(b byte) bool { return b == '_' || (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// fail records the first problem, at the current token.
func (p *givenParser) fail(msg, hint string) { p.failAt(p.start, msg, hint) }

// failAt records the first problem, at a byte offset of the text.
func (p *givenParser) failAt(at int, msg, hint string) {
	if p.err == nil {
		p.err = &GivenError{fmt.Sprintf("%s at column %d of %q", msg, at+1, p.src), hint}
	}
}

// accept consumes the token if it is one of ops.
func (p *givenParser) accept(ops ...string) (string, bool) {
	if p.err == nil && slices.Contains(ops, p.tok) {
		t := p.tok
		p.next()
		return t, true
	}
	return "", false
}

// binary builds an operator's node, checking its operands' kinds.
func (p *givenParser) binary(op string, a, b *gnode, logical, truth bool) *gnode {
	if a.truth != logical || b.truth != logical {
		want := "numbers"
		if logical {
			want = "true/false conditions"
		}
		p.fail(fmt.Sprintf("%s joins %s", op, want), "compare numbers with < or >, then join the comparisons with && or ||")
	}
	return &gnode{op: op, args: []*gnode{a, b}, truth: truth}
}

// chain reads operands (each by next) joined by the operators ops, left
// to right; the words "and" and "or" are && and ||.
func (p *givenParser) chain(next func() *gnode, logical bool, ops ...string) *gnode {
	n := next()
	for {
		op, ok := p.accept(ops...)
		if !ok {
			return n
		}
		if word, ok := wordOps[op]; ok {
			op = word
		}
		n = p.binary(op, n, next(), logical, logical)
	}
}

// wordOps are the operators that may be written as words.
var wordOps = map[string]string{"and": "&&", "or": "||"}

func (p *givenParser) or() *gnode  { return p.chain(p.and, true, "||", "or") }
func (p *givenParser) and() *gnode { return p.chain(p.not, true, "&&", "and") }

func (p *givenParser) not() *gnode {
	if _, ok := p.accept("!", "not"); ok {
		a := p.not()
		if !a.truth {
			p.fail("! negates a number", "negate a condition, as in !(x > 0)")
		}
		return &gnode{op: "!", args: []*gnode{a}, truth: true}
	}
	return p.cmp()
}

func (p *givenParser) cmp() *gnode {
	n := p.sum()
	if op, ok := p.accept("<", "<=", ">", ">=", "==", "!="); ok {
		n = p.binary(op, n, p.sum(), false, true)
		if _, again := p.accept("<", "<=", ">", ">=", "==", "!="); again {
			p.fail("comparisons do not chain", "write a < b && b < c")
		}
	}
	return n
}

func (p *givenParser) sum() *gnode  { return p.chain(p.prod, false, "+", "-") }
func (p *givenParser) prod() *gnode { return p.chain(p.unary, false, "*", "/") }

func (p *givenParser) unary() *gnode {
	if _, ok := p.accept("-"); ok {
		a := p.unary()
		if a.truth {
			p.fail("− in front of a condition", "")
		}
		return &gnode{op: "neg", args: []*gnode{a}}
	}
	return p.primary()
}

// primary reads a number, a metric, a function call or a parenthesis.
func (p *givenParser) primary() *gnode {
	bad := &gnode{op: "num"}
	if p.err != nil {
		return bad
	}
	t := p.tok
	switch {
	case t == "":
		p.fail("the precondition ends too soon", "")
		return bad
	case t == "(":
		p.next()
		n := p.or()
		if _, ok := p.accept(")"); !ok {
			p.fail("expected )", "")
		}
		return n
	case isDigit(t[0]):
		x, err := strconv.ParseFloat(t, 64)
		if err != nil {
			p.fail(fmt.Sprintf("%q is not a number", t), "")
		}
		p.next()
		return &gnode{op: "num", x: x}
	case !isLetter(t[0]):
		p.fail(fmt.Sprintf("unexpected %q", t), "")
		return bad
	}
	at := p.start
	p.next()
	switch t {
	case "true", "false", "and", "or", "not":
		p.fail(fmt.Sprintf("unexpected %q", t), "")
		return bad
	case "abs", "min", "max":
		return p.call(t, at)
	}
	if _, ok := p.accept("."); ok {
		m, mAt := p.tok, p.start
		if m == "" || !isLetter(m[0]) {
			p.fail(fmt.Sprintf("expected a metric after %s.", t), "as in "+t+".automation_share")
			return bad
		}
		p.next()
		if !slices.Contains(p.arms, t) {
			p.failAt(at, fmt.Sprintf("unknown arm %s", t), didYouMeanOr(t, p.arms, "arms are "+quoteList(p.arms)))
		}
		p.metric(m, mAt)
		if !slices.Contains(p.named, t) {
			p.named = append(p.named, t)
		}
		return &gnode{op: "ref", arm: t, metric: m}
	}
	if slices.Contains(p.arms, t) {
		p.failAt(at, fmt.Sprintf("%s is an arm: say which of its metrics", t), "as in "+t+".automation_share")
		return bad
	}
	p.metric(t, at)
	p.bare = true
	return &gnode{op: "ref", metric: t}
}

// metric checks a metric's name, found at a byte offset.
func (p *givenParser) metric(m string, at int) {
	if !slices.Contains(p.metrics, m) {
		p.failAt(at, fmt.Sprintf("unknown metric %s", m), didYouMeanOr(m, p.metrics, "headless metrics lists them"))
	}
}

// call reads the arguments of abs (one), min or max (two), the function's
// name found at a byte offset.
func (p *givenParser) call(f string, at int) *gnode {
	want := 2
	if f == "abs" {
		want = 1
	}
	if _, ok := p.accept("("); !ok {
		p.fail(f+" needs its arguments in parentheses", "as in abs(x - y)")
		return &gnode{op: "num"}
	}
	n := &gnode{op: f}
	for {
		a := p.sum()
		if a.truth {
			p.fail(f+" takes numbers", "")
		}
		n.args = append(n.args, a)
		if _, ok := p.accept(","); !ok {
			break
		}
	}
	if _, ok := p.accept(")"); !ok {
		p.fail("expected )", "")
	}
	if len(n.args) != want && p.err == nil {
		p.failAt(at, fmt.Sprintf("%s takes %d argument(s), got %d", f, want, len(n.args)), "")
	}
	if p.err != nil {
		return &gnode{op: "num"}
	}
	return n
}

// given reads a claim's `given` key, once the claim's arms are known.
func (cl *claimLoader) given(c *Claim, r block, arms, metricNames []string) {
	var text string
	if !r.str("given", &text) {
		return
	}
	g, err := ParseGiven(text, arms, metricNames)
	if err != nil {
		e := err.(*GivenError)
		r.bad("given", "precondition: "+e.Msg, e.Hint)
		return
	}
	c.compared = nil
	for _, a := range arms {
		if c.Expr != "" && slices.Contains(exprNames(c.Expr), a) {
			c.compared = append(c.compared, a)
		}
	}
	if g.bare && c.Program != nil && len(c.compared) == 0 {
		r.bad("given", "precondition: a bare metric is checked in the arms the claim compares, and this expression names none", "name the arm, as in "+arms[0]+"."+metricNames[0])
		return
	}
	c.Given = g
}

// Compared returns the arms the claim compares: its arm and the arm it is
// compared with, or the arms its expression names (in the scenario's
// order). A bare precondition must hold in each of them.
func (c *Claim) Compared() []string {
	switch {
	case c.Expr != "":
		return c.compared
	case c.Compare != "":
		return []string{c.Arm, c.Compare}
	}
	return []string{c.Arm}
}

// Applicable reports whether a claim whose precondition held in passed of
// its seeds can be judged: the seeds that pass must be enough to judge it
// (MinSeeds) and at least half of all seeds. Otherwise the verdict is NOT
// APPLICABLE: a verdict over the few worlds where the mechanism exists
// would be presented as the scenario's, when in most of its worlds the
// claim's precondition does not hold.
func (c *Claim) Applicable(passed, seeds int) bool {
	return passed >= c.MinSeeds() && 2*passed >= seeds
}

// givenArms returns the names a precondition's text uses as arms (before
// a "."), without checking them.
func givenArms(text string) []string {
	p := &givenParser{src: text}
	var names []string
	for p.next(); p.tok != "" && p.err == nil; {
		t := p.tok
		if p.next(); p.tok == "." && isLetter(t[0]) {
			names = append(names, t)
		}
	}
	return names
}

// Tally records where a claim's precondition held, seed by seed.
type Tally struct {
	Passed   []bool         // per seed; nil without a precondition
	failedIn map[string]int // per compared arm, the seeds where a bare condition failed there
}

// Add checks c's precondition in one more seed (at as in Given.Check) and
// reports whether it held; without a precondition it records nothing and
// reports true.
func (t *Tally) Add(c *Claim, at func(arm, metric string) float64) bool {
	if c.Given == nil {
		return true
	}
	ok, in := c.Given.Check(c.Compared(), at)
	t.Passed = append(t.Passed, ok)
	if t.failedIn == nil {
		t.failedIn = map[string]int{}
	}
	for _, a := range in {
		t.failedIn[a]++
	}
	return ok
}

// Reason describes, for people, where c's precondition failed in the
// seeds tallied; "" when it never did.
func (t *Tally) Reason(c *Claim) string {
	failed := 0
	for _, ok := range t.Passed {
		if !ok {
			failed++
		}
	}
	if c.Given == nil || failed == 0 {
		return ""
	}
	s := fmt.Sprintf("the precondition %q failed in %d of %d seeds", c.Given.Text, failed, len(t.Passed))
	var in []string
	for _, a := range slices.Sorted(maps.Keys(t.failedIn)) {
		in = append(in, fmt.Sprintf("%s %d", a, t.failedIn[a]))
	}
	if len(in) > 0 {
		s += " (in " + strings.Join(in, ", ") + ")"
	}
	return s
}

// Applicability states the rule of Applicable for this claim, for people.
func (c *Claim) Applicability() string {
	return fmt.Sprintf("the precondition must hold in at least %d seeds and in at least half of them", c.MinSeeds())
}
