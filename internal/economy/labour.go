package economy

import (
	"math"

	"commonwealth/internal/agents"
)

// labour is the labour market and the labour process of the production
// economy. Wages are contracts, Nash-bargained at hiring (Pissarides,
// Equilibrium Unemployment Theory, 2000): the worker gets their outside
// option b and the share β of the match's surplus over it and of the
// hiring costs the match saves the firm,
//
//	w = b + β · (y − b + c · θ̂ · w̄ · s_a),   b = ρ · s_a · w̄ · (u / u_ref)^(−ε) · e^(−δ·d_a),
//
// y what the worker's work adds to the firm's sales (its marginal revenue,
// which falls as the firm grows: goods.go), θ̂ the tightness the market
// expects (vacancies over the unemployed), and b what the worker could get
// elsewhere: ρ times last month's mean wage w̄, scaled by their skill s_a,
// falling with the months d_a they have been out of work (reservation
// wages fall 0.05–0.14% a week of a spell: Krueger and Mueller, AEJ:
// Economic Policy 8, 2016) and, when ε > 0, moving with last month's
// unemployment u along a wage curve (Blanchflower and Oswald, J. Economic
// Perspectives 9, 1995). A match is made only when the firm keeps a
// surplus (w < y), so a firm's demand for labour binds where what a worker
// adds falls below what workers can get, and automation can lower wages
// (through b and θ̂, as unemployment rises) or raise them (through y).
// Contracts are bargained again now and then (renegotiate). Employers hire
// as in Wright's model — drawn in proportion to money, mostly within their
// community — or through vacancies (vacancies.go), and fire at random when
// they cannot pay the wage bill. Skill falls out of work and where
// automation takes a firm's tasks, and recovers at work up to a ceiling
// that a displacement by automation cuts (the skill specific to the tasks
// taken) and that work raises again slowly; a capitalist firm's workers
// work harder as its units take over (intensification), a cooperative's
// members work shorter hours.
type labour struct {
	skill      []float32 // per person, minSkill..ceiling
	ceiling    []float32 // per person: the most skill they can have, cut by displacement
	wage       []int32   // per worker: the wage agreed when hired
	bill       []int64   // per firm: the wages agreed with its staff
	q          []int32   // per person: milli-goods a month they add to their firm
	auto       []float32 // per firm: the share of its work its units did at the month's end
	outside    float64   // this month's outside option of a worker at full skill, b / s_a
	saved      float64   // c·θ·w̄: the hiring costs a match saves a firm at the market's tightness
	theta      float64   // θ̂: the tightness the market expects
	price0     float64   // P₀: the price level at the start
	meanWage   float64   // the mean wage paid last month per worker
	unemployed int       // the unemployed at last month's end
	searchers  int       // the unemployed at this month's start
	month      int       // the month the outside options are for

	idleSince   []int32 // per person: the month they were last left without work
	displacedAt []int32 // per person: the month automation last displaced them, or −1
	comparedAt  []int32 // per person: the month they were drawn at work to compare with the displaced, or −1
}

// minSkill is the lowest skill a person falls to.
const minSkill = 0.2

// uFloor keeps the wage curve finite when nobody is unemployed.
const uFloor = 0.005

func (l *labour) init(n int) {
	l.skill = make([]float32, n)
	l.ceiling = make([]float32, n)
	for i := range l.skill {
		l.skill[i], l.ceiling[i] = 1, 1
	}
	l.wage = make([]int32, n)
	l.bill = make([]int64, n)
	l.q = make([]int32, n)
	l.auto = make([]float32, n)
	l.idleSince = make([]int32, n)
	l.displacedAt = make([]int32, n)
	l.comparedAt = make([]int32, n)
	for i := range l.displacedAt {
		l.displacedAt[i], l.comparedAt[i] = -1, -1
	}
}

// cacheAutomation keeps each firm's automated share for the month's passes
// over persons.
func (l *labour) cacheAutomation(x *production) {
	for f := range int32(x.n) {
		l.auto[f] = 0
		if x.compute.count[f] != 0 {
			l.auto[f] = float32(x.automated(f))
		}
	}
}

// setOutside sets the outside option for the month from unemployment u and
// the mean wage, and the hiring costs a match saves a firm at the tightness
// the market expects, θ̂ ← θ̂ + (θ − θ̂)/6 with θ = V/U, vacancies over the
// unemployed (adaptively, as firms expect sales: goods.go).
func (l *labour) setOutside(p LabourParams, month int, u, theta float64) {
	l.month = month
	l.outside = p.OutsideOption * l.meanWage
	if p.WageCurve != 0 {
		l.outside *= math.Pow(max(u, uFloor)/p.RefUnemployed, -p.WageCurve)
	}
	l.theta += (theta - l.theta) / expectMonths
	l.saved = p.VacancyCost * l.theta * l.meanWage
}

// offer is the wage bargained with person a, whose work adds worth to a
// firm's sales a month: their outside option b and their share of the
// match's surplus over it and of the hiring costs the match saves the firm
// (Pissarides's wage, w = b + β·(y − b + c·θ·w̄)); 0 when the firm would
// keep no surplus.
func (x *production) offer(a int32, worth float64) int64 {
	l := &x.labour
	s := float64(l.skill[a])
	b := x.outsideOf(a)
	w := b + x.p.Labour.Bargaining*(worth-b+l.saved*s)
	if worth <= b || w >= worth {
		return 0
	}
	return moneyOf(w)
}

// outsideOf is person a's outside option this month: the market's, scaled
// by their skill and, out of work, falling by labour.duration_discount a
// month of their spell.
func (x *production) outsideOf(a int32) float64 {
	l := &x.labour
	b := l.outside * float64(l.skill[a])
	if d := x.p.Labour.DurationDiscount; d != 0 && x.k.people.Class(a) == agents.Unemployed {
		b *= math.Exp(-d * float64(l.month-int(l.idleSince[a])))
	}
	return b
}

// hiring: an unemployed person a's turn. An employer c ≠ a is drawn as in
// Wright's model (employers.draw); when c is an unemployed person with the
// money to found a firm that would pay a the wage bargained — a stake and a
// loan on the match's surplus — and a's work adds at least that wage, c
// founds it and employs a. Otherwise a searches the firms' vacancies
// (vacancies.go).
func (x *production) hiring(w *World, a int32) {
	r := x.rs.of(streamHiring)
	lo, hi := 0, x.n
	if r.float64() < x.p.Communities.Local {
		lo, hi = x.comm.span(x, int(a))
	}
	e := x.employers(w, a, lo, hi)
	c := e.draw(w, x.k, r)
	if c >= 0 && x.k.people.Class(c) == agents.Unemployed {
		x.startUp(w, c, a)
		return
	}
	x.search(w, a, c, e)
}

// employers are the persons among lo..hi−1 but a, to draw from in
// proportion to money (a firm's own, or an unemployed person's) as
// Wright's model draws an employer: the hiring weights before lo, of the
// rest, before a, and a's own.
type employers struct {
	lo, hi            int
	before, rest, atA int64
	own               int64
}

// employers measures the draw of an employer for a among lo..hi−1; the
// weights stay as they are until money moves.
func (x *production) employers(w *World, a int32, lo, hi int) employers {
	k := x.k
	e := employers{lo: lo, hi: hi}
	if int(a) >= lo && int(a) < hi {
		e.own = k.weight(w, a)
		e.atA = k.weightBefore(w, a)
	}
	e.before = k.weightBefore(w, int32(lo))
	e.rest = k.weightBefore(w, int32(hi)) - e.before - e.own
	return e
}

// draw draws one of them in proportion to money; −1 when nobody there has
// any.
func (e employers) draw(w *World, k *capitalism, r *rng) int32 {
	if e.rest <= 0 {
		return -1
	}
	u := e.before + int64(r.below(uint64(e.rest)))
	if e.own > 0 && u >= e.atA {
		u += e.own // step over a's own interval
	}
	return k.drawEmployer(w, u)
}

// startUp: unemployed person c founds a firm to employ a, when c can put up
// its first wages and a's work adds at least the wage bargained.
func (x *production) startUp(w *World, c, a int32) {
	worth := x.worth(c, a)
	wage := x.offer(a, worth)
	if wage <= 0 || float64(wage) > worth {
		return
	}
	stake, loan := x.founding(w, c, wage, worth)
	if stake+loan <= wage {
		return
	}
	x.startFirm(w, c, stake, loan)
	x.employ(w, c, a, wage)
}

// admits reports whether firm c takes on a worker whose work adds worth a
// month. A firm does whenever the work adds more than the wage and it can
// pay it; a cooperative under Ward's rule (cooperative.admission = "ward")
// admits a member only when they would add at least what each member now
// takes home — its expected sales less its rent and debt service, over its
// members — so that no member's income falls (Ward, "The firm in Illyria",
// AER 48, 1958). Under monopolistic competition a newcomer adds less than
// the average, so Ward's cooperatives stay at a member or two.
func (x *production) admits(w *World, c int32, worth float64) bool {
	if x.p.Ownership.Firms != FirmsCooperative || x.p.Cooperative.Admission != AdmitWard {
		return true
	}
	members := float64(len(x.k.people.Employees(c)) + 1)
	income := x.expectedSales(c) - x.costs(w, c) + float64(x.labour.bill[c])
	return worth >= income/members
}

// startFirm makes unemployed person c a capitalist running firm c, founded
// with their stake and a loan.
func (x *production) startFirm(w *World, c int32, stake, loan int64) {
	k := x.k
	k.hire.add(int(c)/hireBlock, -w.led.acc[c].bal) // c's weight becomes the firm's
	k.people.MakeOwner(c)
	x.found(w, c, stake, loan)
	x.join(c, c) // the owner works in the new firm
}

// worth is what person a's work would add to firm c's sales a month, at
// the sales firms expect: a firm hires only a worker who earns it their
// wage.
func (x *production) worth(c, a int32) float64 {
	q := float64(x.labour.skill[a])
	rate := int64(0) // a new firm: full hours, no units yet
	if x.k.people.Class(c) == agents.Capitalist {
		q *= x.hours(c) * x.effort(c)
		rate = x.goods.firmRate(c)
	}
	return x.gain(c, rate, int64(milli*q))
}

// employ makes a an employee of c at the wage.
func (x *production) employ(w *World, c, a int32, wage int64) {
	k := x.k
	k.hire.add(int(a)/hireBlock, -w.led.acc[a].bal) // a leaves H
	x.flow.hires++
	x.flow.spells += int64(w.month - int(x.labour.idleSince[a]))
	if int(x.labour.idleSince[a]) < w.month {
		x.flow.pooled++ // unemployed at the month's start
	}
	k.people.Hire(c, a)
	wage = min(wage, math.MaxInt32)
	x.labour.wage[a] = int32(wage)
	x.labour.bill[c] += wage
	x.grantCredit(a, wage)
	x.join(a, c)
}

// fire ends the employment of the employee at position i of f's staff; a
// firm left with no one closes, and returns its automation units.
func (x *production) fire(w *World, f int32, i int) {
	k := x.k
	e := k.people.Employees(f)[i]
	x.leave(e, f)
	x.labour.bill[f] -= int64(x.labour.wage[e])
	x.labour.wage[e] = 0
	if len(k.people.Employees(f)) == 1 { // the firm closes: it returns its units while it still has money
		x.returnUnits(w, f)
		k.hire.add(int(f)/hireBlock, w.led.acc[f].bal-x.cash(w, f)) // f's weight is its own money again
	}
	k.people.Fire(f, i)
	x.labour.idleSince[e] = int32(w.month)
	k.hire.add(int(e)/hireBlock, w.led.acc[e].bal) // the fired join H
	if k.people.Class(f) == agents.Unemployed {
		x.leave(f, f)
		x.windUp(w, f)
	}
}

// firing: a capitalist firm that cannot pay its wage bill lets employees
// drawn at random go until it can; and it lets go any worker whose goods
// sell for less than their wage. A cooperative lets nobody go: its members
// share what there is (payroll), so their pay moves and their jobs do not
// (Pencavel, Pistaferri and Schivardi, ILR Review 60, 2006).
func (x *production) firing(w *World, f int32) {
	if x.p.Ownership.Firms == FirmsCooperative {
		return // members share what there is instead (payroll)
	}
	r := x.rs.of(streamFiring)
	for x.labour.bill[f] > x.cash(w, f) && len(x.k.people.Employees(f)) > 0 {
		x.fire(w, f, r.intn(len(x.k.people.Employees(f))))
		x.flow.layoffs++
	}
	staff := x.k.people.Employees(f)
	price := x.firmPrice(f) / milli
	for i := 0; i < len(staff) && x.k.people.Class(f) == agents.Capitalist; {
		e := staff[i]
		if float64(x.labour.wage[e]) > price*float64(x.labour.q[e]) {
			x.fire(w, f, i)
			x.flow.layoffs++
			staff = x.k.people.Employees(f)
			price = x.firmPrice(f) / milli
			continue
		}
		i++
	}
}

// payroll: at the end of the month every firm pays each employee their
// wage — borrowing what it lacks when its expected sales cover the debt —
// or what it has left (a cooperative short of money pays every member the
// same part of their advance); each worker pays their pension contribution
// out of it.
func (x *production) payroll(w *World) {
	for f := range int32(x.n) {
		if x.k.people.Class(f) != agents.Capitalist {
			continue
		}
		fa := w.led.Firm(f)
		if short := x.labour.bill[f] - x.cash(w, f); short > 0 {
			x.borrow(w, fa, short, x.expectedSales(f)-x.costs(w, f))
		}
		share := 1.0 // a cooperative short of money pays every member the same part of their advance
		if x.p.Ownership.Firms == FirmsCooperative && x.labour.bill[f] > 0 {
			share = min(1, float64(x.cash(w, f))/float64(x.labour.bill[f]))
		}
		for _, e := range x.k.people.Employees(f) {
			wage := min(moneyOf(float64(x.labour.wage[e])*share), x.cash(w, f))
			x.book(w, RowWages, fa, Account(e), wage)
			x.flow.wages += wage
			x.contribute(w, e, wage)
		}
	}
}

// expectedSales is what firm f expects to sell a month.
func (x *production) expectedSales(f int32) float64 {
	return x.salesOf(f, float64(x.goods.dweight[f]), 0)
}

// hours is the share of full time the members of firm f work: a
// cooperative shortens everyone's hours by the work its units do, keeping
// its goods; a capitalist firm keeps full time.
func (x *production) hours(f int32) float64 {
	hours, _ := x.pace(x.automated(f))
	return hours
}

// effort is how hard the workers of firm f work: in a capitalist firm it
// rises with the share of its work its units do (intensification: more goods,
// the same pay).
func (x *production) effort(f int32) float64 {
	_, effort := x.pace(x.automated(f))
	return effort
}

// pace is the hours and effort of the members of a firm whose units do the
// share s of its work: a cooperative turns that share into shorter hours
// (members/(members + the units' work)); a capitalist firm keeps full time
// and its workers work harder, 1 + intensification × s.
func (x *production) pace(s float64) (hours, effort float64) {
	if x.p.Ownership.Firms == FirmsCooperative {
		return 1 - s, 1
	}
	return 1, 1 + x.p.Labour.Intensify*s
}

// automated is the share of firm f's work its units do (0 for a new firm,
// f < 0).
func (x *production) automated(f int32) float64 {
	if f < 0 {
		return 0
	}
	u := x.data.pi * x.compute.automatable(f) * float64(x.compute.count[f])
	if u == 0 {
		return 0
	}
	return u / (u + float64(len(x.k.people.Employees(f))+1))
}

// updateSkills: skill falls out of work, recovers at work up to its
// ceiling, which work raises again by labour.relearning a month, is lost
// where units take a firm's tasks, and where data centres burden a
// community.
func (l *labour) updateSkills(w *World, x *production) {
	p := x.p.Labour
	for i := range int32(x.n) {
		s, top := float64(l.skill[i]), float64(l.ceiling[i])
		switch x.k.people.Class(i) {
		case agents.Unemployed:
			s -= p.Deskilling
		case agents.Worker:
			s += p.Reskilling - p.TaskDeskilling*float64(l.auto[x.k.people.Employer(i)])
			if top < 1 {
				top = min(1, top+p.Relearning)
				l.ceiling[i] = float32(top)
			}
		}
		s -= x.p.Burden.SkillLoss * x.comm.burdenOf(x, int(i))
		l.skill[i] = float32(min(top, max(minSkill, s)))
	}
}

// displace records that automation displaced person a in the month: they
// lose the skill specific to the tasks the units took, so the most skill
// they can have falls to 1 − labour.displaced_skill, to be relearned at
// work (Jacobson, LaLonde and Sullivan, "Earnings losses of displaced
// workers", AER 83, 1993, find such workers earn about a quarter less years
// later; Neal, J. Labor Economics 13, 1995, traces much of it to skill
// specific to an industry's work). The loss does not stack: a worker
// displaced again before relearning it has no more of that skill to lose.
func (x *production) displace(a int32, month int, r *rng) {
	l := &x.labour
	l.displacedAt[a] = int32(month)
	x.drawComparison(month, r)
	top := min(l.ceiling[a], float32(max(minSkill, 1-x.p.Labour.DisplacedSkill)))
	l.ceiling[a] = top
	l.skill[a] = min(l.skill[a], top)
}

// separate ends each job with the separation rate's chance a month: the
// worker leaves for reasons of their own (counted as quits), the churn
// every labour market has (in the United States quits are 2–3% of jobs a
// month, all separations 3–4%: BLS, Job Openings and Labor Turnover
// Survey).
func (x *production) separate(w *World) {
	rate := x.p.Labour.Separation
	if rate == 0 {
		return
	}
	r := x.rs.of(streamFiring)
	next := gap(r, rate) // workers passed over before the next who leaves
	for f := range int32(x.n) {
		if x.k.people.Class(f) != agents.Capitalist {
			continue
		}
		// Each worker is considered once: the one fired at i is replaced at
		// i by the last, not yet considered.
		for left := len(x.k.people.Employees(f)); next < left; left-- {
			x.fire(w, f, next)
			x.flow.quits++
			next += gap(r, rate)
		}
		next -= len(x.k.people.Employees(f))
	}
}

// gap draws how many independent chances of probability p fail before
// one succeeds (geometric), so a pass gives each worker the chance p with
// one draw per success rather than one per worker.
func gap(r *rng, p float64) int {
	if p >= 1 {
		return 0
	}
	return int(min(math.Log(1-r.float64())/math.Log1p(-p), 1<<30))
}

// reinstate creates new labour tasks (Acemoglu and Restrepo, "Automation
// and new tasks", J. Economic Perspectives 33(2), 2019): each month each
// firm gets Reinstatement × its units new tasks for labour (the fraction as a
// chance), each a vacancy of its own until an unemployed person fills it
// (vacancies.go) — a task in which labour has the advantage, posted whether
// or not the firm's other work would take on a worker.
func (x *production) reinstate(w *World) {
	rate := x.p.Labour.Reinstatement
	if rate == 0 || x.compute.total == 0 {
		return
	}
	r := x.rs.of(streamUnits)
	for f := range int32(x.n) {
		units := x.compute.count[f]
		if units == 0 {
			continue
		}
		tasks := rate * float64(units)
		n := int(tasks)
		if r.float64() < tasks-float64(n) {
			n++
		}
		for range n {
			if !x.vac.addTask(f, units) {
				break
			}
		}
	}
}

// renegotiate: each month each contract is bargained again with the chance
// labour.renegotiation (wages change about once a year: Barattieri, Basu
// and Gottschalk, AEJ: Macroeconomics 6, 2014, find a chance of 0.21–0.27
// a quarter), on what the worker's work now adds to the firm's sales — at
// their present skill, hours and effort, so an intensified worker's extra
// goods are the firm's until then — against their present outside option;
// a match left with no surplus ends, a layoff. The bargained wage reaches
// what the work adds exactly when the work adds no more than the worker's
// value of searching, b + β/(1−β)·c·θ̂·w̄·s, so such a match has no joint
// surplus: Mortensen and Pissarides's job destruction (Review of Economic
// Studies 61, 1994). So incumbents' wages move with the market, late.
func (x *production) renegotiate(w *World) {
	rate := x.p.Labour.Renegotiation
	if rate == 0 {
		return
	}
	if x.p.Ownership.Firms == FirmsCooperative {
		return // members share the cooperative's income: no contract to renegotiate
	}
	l := &x.labour
	r := x.rs.of(streamMatching)
	next := gap(r, rate) // contracts passed over before the next renegotiated
	for f := range int32(x.n) {
		if x.k.people.Class(f) != agents.Capitalist {
			continue
		}
		// As in separate: the one let go at i is replaced at i by the last,
		// not yet considered.
		for left := len(x.k.people.Employees(f)); next < left; {
			e := x.k.people.Employees(f)[next]
			q := int64(l.q[e])
			worth := x.gain(f, x.goods.firmRate(f)-q, q)
			wage := min(x.offer(e, worth), math.MaxInt32)
			if wage <= 0 {
				x.fire(w, f, next)
				x.flow.layoffs++ // the match is destroyed: the work adds no more than the worker's search is worth
				left--
				if x.k.people.Class(f) != agents.Capitalist {
					break
				}
			} else {
				l.bill[f] += wage - int64(l.wage[e])
				l.wage[e] = int32(wage)
				x.grantCredit(e, wage)
				next++
			}
			next += gap(r, rate)
		}
		next -= len(x.k.people.Employees(f))
	}
}

// comparisonTries bounds the draws for a worker to compare with one
// displaced.
const comparisonTries = 8

// drawComparison draws, for a worker displaced in the month, a worker then
// at work who was never displaced and is not already compared with someone
// displaced in the last five years — the comparison group of Jacobson,
// LaLonde and Sullivan: workers like them at the time, not displaced
// (displacedLoss). It gives up after comparisonTries draws.
func (x *production) drawComparison(month int, r *rng) {
	l := &x.labour
	for range comparisonTries {
		c := int32(r.intn(x.n))
		if x.k.people.Class(c) == agents.Worker && l.displacedAt[c] < 0 && (l.comparedAt[c] < 0 || month-int(l.comparedAt[c]) > 60) {
			l.comparedAt[c] = int32(month)
			return
		}
	}
}
