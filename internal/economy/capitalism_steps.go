package economy

import (
	"commonwealth/internal/agents"
	"commonwealth/internal/prefetch"
)

// wrightLarge is the population from which Wright's model's per-person
// arrays (about 44 bytes a person read at random: money, class, staff
// list) no longer fit the processor's second-level cache, and the steps run
// on the pipeline (pipeline.go): Wright's on stepsAhead, the production
// economy's on actAhead. For Wright's model, at 100,000 people the two
// loops measured the same and at a million stepsAhead takes half the time
// (docs/performance.md); the production economy, whose arrays are larger,
// takes the same threshold.
const wrightLarge = 1 << 16

// wrightAhead is the number of steps in a block of the pipeline: a
// block's persons are drawn, and their lines asked for, while the block
// before it runs, so a line is asked for one to two blocks (16 to 32 steps
// of about 50 to 300 ns) before it is read, against a miss of 100 to 300 ns
// on this machine (docs/performance.md).
const wrightAhead = 16

// steps runs n steps of Wright's model, each on the persons its turn draws:
// the reference loop, and the one small worlds run.
func (k *capitalism) steps(w *World, n int) {
	t := k.turns
	all := uint64(k.people.Len())
	for range n {
		a, b := t.next(all)
		k.activate(w, a, b)
	}
	k.turns = t
}

// stepsAhead is steps — the same turns, the same draws of the world's
// generator, the same results — run as a pipeline for large worlds. Each
// block of wrightAhead turns is drawn a block ahead (never past the n steps
// given, so the streams end where steps leaves them) and the lines of its
// persons' classes and of its spenders' money are asked for; at the
// pipeline's stages (pipeline.go), each when the lines the one before asked
// for have arrived, so are those of each worker's employer, each
// capitalist's money, staff list and employees, the hiring weights a step
// changes, and what hiring reads for the unemployed. A step's misses then
// overlap with other steps' instead of following one another.
func (k *capitalism) stepsAhead(w *World, n int) {
	t := k.turns
	all := uint64(k.people.Len())
	var as, bs [2][wrightAhead]int32 // turns of the block running and of the next
	var owners []int32               // the capitalists activated in the next block
	pipeline(n, func(slot, m int) {
		na, nb := as[slot][:m], bs[slot][:m]
		for i := range na {
			na[i], nb[i] = t.next(all)
		}
		k.prefetchTurns(w, na, nb)
	}, func(slot, m, s int) {
		switch s {
		case firmsStage:
			owners = k.prefetchFirms(w, as[slot][:m], bs[slot][:m])
		case listsStage:
			k.people.PrefetchStaffLists(owners)
		case staffStage:
			k.prefetchStaff(w, owners)
		}
	}, func(slot, i, _ int) { k.activate(w, as[slot][i], bs[slot][i]) })
	k.turns = t
}

// prefetchTurns asks for the lines of the classes of the persons activated
// (as) and spending (bs) in a block of steps, and of the spenders' money.
func (k *capitalism) prefetchTurns(w *World, as, bs []int32) {
	k.people.PrefetchClasses(as)
	k.people.PrefetchClasses(bs)
	prefetch.Elements(w.led.acc, bs)
}

// prefetchFirms asks, for a block of steps whose persons' classes have been
// asked for (prefetchTurns), for the lines each step will read next: the
// money of the activated workers' employers, the staff lists of the
// activated capitalists, the hiring weights that the spenders' and the
// employers' payments change, and for each activated unemployed person the
// weights that hiring sums before them (their block's money and the
// weights of the blocks before it in its group of the lowest level).
func (k *capitalism) prefetchFirms(w *World, as, bs []int32) (owners []int32) {
	var firms [wrightAhead]int32
	var accs [wrightAhead * (hireBlock/accountsALine + 1)]int32
	var weights [wrightAhead * (sumsFanout/weightsALine + 2)]int32
	nf, no, na, nw := 0, 0, 0, 0
	for j, a := range as {
		weights[nw] = bs[j] / hireBlock
		nw++
		switch e := k.people.Employer(a); {
		case e != agents.NoEmployer:
			firms[nf] = e
			nf++
			weights[nw] = e / hireBlock
			nw++
		case k.people.Class(a) == agents.Capitalist:
			k.owners[no] = a
			no++
		default: // unemployed: hiring reads the shorter side of a in its block, and sums the weights there (weightBefore)
			for i, end := halfOf(a, hireBlock, int32(k.people.Len())); i < end; i += accountsALine {
				accs[na] = i
				na++
			}
			for i, end := halfOf(a/hireBlock, sumsFanout, int32(len(k.hire.levels[0]))); i < end; i += weightsALine {
				weights[nw] = i
				nw++
			}
		}
	}
	prefetch.Elements(w.led.acc, firms[:nf])
	prefetch.Elements(w.led.acc, k.owners[:no])
	prefetch.Elements(w.led.acc, accs[:na])
	k.people.PrefetchStaff(k.owners[:no])
	l0 := k.hire.levels[0]
	prefetch.Elements(l0, weights[:nw])
	return k.owners[:no]
}

// halfOf returns the shorter side of index i in its group of size (a power
// of two) among n, with i: the range weightBefore reads of a's block. For
// the hiring weights it is close to, not always, the range sums.prefix
// reads (when a lies in its block's second half, weightBefore asks prefix
// of the block after); a prefetch of the wrong side costs only time.
func halfOf(i, size, n int32) (from, to int32) {
	lo := i &^ (size - 1)
	hi := min(lo+size, n)
	if i-lo > hi-i {
		return i, hi
	}
	return lo, i + 1
}

// prefetchStaff asks for the money of the employees of the capitalists
// owners, whose staff lists are cached or asked for: their wages are paid
// into it. A large firm's list is asked for only in part, so that one firm
// does not fill the processor's queue of misses.
func (k *capitalism) prefetchStaff(w *World, owners []int32) {
	var staff [wrightAhead * staffAsked]int32
	n := 0
	for _, o := range owners {
		n += copy(staff[n:], k.people.Employees(o)[:min(len(k.people.Employees(o)), staffAsked)])
	}
	prefetch.Elements(w.led.acc, staff[:n])
}

// staffAsked is how many of a capitalist's employees prefetchStaff asks for.
const staffAsked = 16

// accountsALine and weightsALine are how many accounts, and how many
// hiring weights, one 64-byte cache line holds.
const (
	accountsALine = 64 / 16
	weightsALine  = 64 / 8
)
