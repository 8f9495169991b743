package economy

import (
	"math"

	"commonwealth/internal/agents"
)

// vacancies are the jobs firms offer and the matching of the unemployed to
// them (Pissarides, Equilibrium Unemployment Theory, 2000; Petrongolo and
// Pissarides, "Looking into the black box", J. Economic Literature 39,
// 2001). A firm posts, when its owner is activated, as many vacancies as
// there are extra workers whose work would add more to its expected sales
// than a worker of full skill could get elsewhere (so that the bargain
// leaves both a surplus) and whose wages it could pay; and each new task
// for labour that automation brings (reinstatement) is a vacancy of its
// own until it is filled. Matches a month follow a Cobb-Douglas matching
// function of the unemployed U and the vacancies V,
//
//	M = μ · U^η · V^(1−η),
//
// so an unemployed person who searches finds a vacancy with the chance
// M/U = μ·(V/U)^(1−η), μ = labour.matching and η = labour.matching_elasticity
// (0.5: Petrongolo and Pissarides find 0.5–0.7), in their own community
// with the chance communities.local, at a firm drawn in proportion to
// money among those with a vacancy (search).
type vacancies struct {
	open  []int32 // per firm: vacancies it posted at its owner's last turn
	tasks []int32 // per firm: new tasks for labour not yet filled
	tree  fenwick // open + tasks per firm, to draw a vacancy
	new   float64 // new tasks created this month

	displacement float64 // labour units rented this month took over: workers let go, members' hours shortened (full time = 1)
	demanded     float64 // labour demanded at last month's end: people at work and vacancies
	effect       float64 // the month's productivity effect (tallyDemand)
}

func (v *vacancies) init(n int) {
	v.open = make([]int32, n)
	v.tasks = make([]int32, n)
	v.tree = newFenwick(n)
}

// set makes firm f's open vacancies n.
func (v *vacancies) set(f int32, n int32) {
	v.tree.add(int(f), int64(n-v.open[f]))
	v.open[f] = n
}

// addTask gives firm f one new task for labour, at most one open for each
// of its units; it reports whether it did.
func (v *vacancies) addTask(f int32, units int32) bool {
	if v.tasks[f] >= units {
		return false
	}
	v.tasks[f]++
	v.tree.add(int(f), 1)
	v.new++
	return true
}

// trimTasks withdraws the new tasks of firm f beyond one for each of its
// units (it gave units back).
func (v *vacancies) trimTasks(f int32, units int32) {
	if extra := v.tasks[f] - units; extra > 0 {
		v.tasks[f] = units
		v.tree.add(int(f), -int64(extra))
	}
}

// take fills one of firm f's vacancies, a new task first; it reports
// whether it was a new task.
func (v *vacancies) take(f int32) bool {
	v.tree.add(int(f), -1)
	if v.tasks[f] > 0 {
		v.tasks[f]--
		return true
	}
	v.open[f]--
	return false
}

// close withdraws every vacancy of firm f (it closed).
func (v *vacancies) close(f int32) {
	v.tree.add(int(f), -int64(v.open[f]+v.tasks[f]))
	v.open[f], v.tasks[f] = 0, 0
}

// draw returns a firm among lo..hi−1 drawn in proportion to its vacancies,
// or −1 when none there has one.
func (v *vacancies) draw(r *rng, lo, hi int) int32 {
	before := v.tree.prefix(lo)
	span := v.tree.prefix(hi) - before
	if span <= 0 {
		return -1
	}
	f, _ := v.tree.find(before + int64(r.below(uint64(span))))
	return int32(f)
}

// maxPosts bounds the vacancies a firm posts at once, beyond a quarter of
// its staff: a firm grows by steps, seeing its sales between them.
const maxPosts = 1

// post sets capitalist firm f's open vacancies: how many more workers of
// full skill, at its hours and effort, would each add more to its expected
// sales than the outside option, with the wages they would be offered
// payable from its money (a cooperative under Ward's rule asks instead
// that each adds what a member takes home).
func (x *production) post(w *World, f int32) {
	l := &x.labour
	b := l.outside
	q := int64(milli * x.hours(f) * x.effort(f))
	if q <= 0 || b <= 0 {
		x.vac.set(f, 0)
		return
	}
	staff := len(x.k.people.Employees(f))
	most := int32(maxPosts + staff/4)
	rate, cash := x.goods.firmRate(f), float64(x.cash(w, f)-l.bill[f]) // its demand weight at rate is dweight
	lo := x.goods.dweight[f]
	var n int32
	for n < most {
		hi := x.goods.demandOf(rate + int64(n+1)*q)
		worth := x.gainAbove(f, lo, hi, q)
		lo = hi
		wage := b + x.p.Labour.Bargaining*(worth-b+l.saved) // the bargain with a worker of full skill
		if worth <= b || wage >= worth || cash < wage || !x.admits(w, f, worth) {
			break
		}
		cash -= wage
		n++
	}
	x.vac.set(f, n)
}

// search is an unemployed person's search of the month: with the
// matching function's chance they meet a vacancy, among the persons e
// ranges over (their community with the chance communities.local). Which firm's is
// drawn as Wright's model draws an employer, in proportion to money (the
// rich recruit more), among the firms with a vacancy: c, the person
// hiring drew, then up to vacancyTries more, and failing those a firm
// drawn in proportion to its vacancies. They are hired if the bargain
// leaves the firm a surplus and it can pay the wage; otherwise the firm
// posts its vacancies again at the market's terms.
func (x *production) search(w *World, a, c int32, e employers) {
	v := &x.vac
	r := x.rs.of(streamMatching)
	p := x.p.Labour
	if r.float64() >= p.Matching*math.Pow(float64(v.tree.total)/max(float64(x.labour.unemployed), 1), 1-p.MatchingElasticity) {
		return
	}
	f := c
	for try := 0; f < 0 || v.open[f]+v.tasks[f] == 0; try++ {
		if try == vacancyTries {
			f = v.draw(r, e.lo, e.hi)
			break
		}
		f = e.draw(w, x.k, r)
	}
	if f < 0 || x.k.people.Class(f) != agents.Capitalist {
		return
	}
	wage := x.offer(a, x.worth(f, a))
	if wage <= 0 {
		x.post(w, f) // the firm learns what the market bargains
		return
	}
	if x.cash(w, f) <= wage {
		return
	}
	if v.take(f) {
		x.flow.reinstated++
	}
	x.employ(w, f, a, wage)
}

// vacancyTries is how many persons a search draws in proportion to money
// before it draws a vacancy in proportion to the firms' vacancies.
const vacancyTries = 8

// tallyDemand splits the month's change in the labour demanded — the
// hours of people at work (employed or running a firm; full time = 1) and
// vacancies — by Acemoglu and Restrepo's effects (JPE 128, 2020):
// displacement (labour new units took over), reinstatement (new tasks for
// labour) and the rest, which this model calls the productivity effect:
// labour demanded because goods sell more (automation's lower costs and
// prices among it, with every other move of demand). It is a residual, so
// nothing about it can be a finding but its size over a window beside a
// world without automation.
func (x *production) tallyDemand() {
	v := &x.vac
	d := float64(v.tree.total)
	for f := range int32(x.n) {
		if x.k.people.Class(f) == agents.Capitalist {
			h, _ := x.pace(float64(x.labour.auto[f]))
			d += float64(len(x.k.people.Employees(f))+1) * h
		}
	}
	v.effect = d - v.demanded + v.displacement - v.new
	v.demanded = d
}

// observeLabour fills the snapshot's labour-market flows.
func (x *production) observeLabour(a *AISnapshot) {
	v, f := &x.vac, &x.flow
	a.Vacancies, a.Searchers = v.tree.total, int64(x.labour.searchers)
	a.Hires, a.SpellMonths, a.Displaced = f.hires, f.spells, f.displaced
	a.Quits, a.Layoffs, a.PooledHires = f.quits, f.layoffs, f.pooled
	a.Displacement, a.NewTasks, a.ProductivityEffect = v.displacement, v.new, v.effect
}
