package economy

import (
	"math/bits"

	"commonwealth/internal/hugepages"
)

// fenwick holds non-negative integer weights, and a binary indexed tree of
// the sums of blocks of fenwickBlock of them (one 64-byte cache line of
// weights). It draws an index with probability proportional to its weight,
// and updates one weight, both in O(log n) — quick when most weights are
// zero (the firms among persons), where the levels of sums would scan runs
// of zeros. A draw descends the tree of blocks, an eighth of the weights'
// size (a million persons' tree fits the processor's second-level cache),
// then reads one line of weights: one miss to memory where a tree over
// every weight misses at each of its last levels.
type fenwick struct {
	w     []int64 // the weights
	tree  []int64 // 1-based partial sums of the blocks' weights
	total int64
	top   int // highest power of two not above the number of blocks
}

// fenwickBlock is the number of weights a leaf of the tree sums.
const (
	fenwickShift = 3
	fenwickBlock = 1 << fenwickShift
)

func newFenwick(n int) fenwick {
	blocks := (n + fenwickBlock - 1) >> fenwickShift
	top := 0
	if blocks > 0 {
		top = 1 << (bits.Len(uint(blocks)) - 1)
	}
	f := fenwick{w: make([]int64, n), tree: make([]int64, blocks+1), top: top}
	hugepages.Advise(f.w) // read at random in a large world, as the accounts are
	return f
}

// add adds delta to the weight of index i.
func (f *fenwick) add(i int, delta int64) {
	f.total += delta
	f.w[i] += delta
	for k := i>>fenwickShift + 1; k < len(f.tree); k += k & -k {
		f.tree[k] += delta
	}
}

// prefix returns the sum of the weights of indices below i.
func (f *fenwick) prefix(i int) int64 {
	var s int64
	for k := i >> fenwickShift; k > 0; k -= k & -k {
		s += f.tree[k]
	}
	for _, x := range f.w[i&^(fenwickBlock-1) : i] {
		s += x
	}
	return s
}

// find returns the index i whose weight interval [prefix(i), prefix(i+1))
// holds u, and u − prefix(i). u must lie in [0, total).
func (f *fenwick) find(u int64) (int, int64) {
	pos := 0
	for step := f.top; step > 0; step >>= 1 {
		if next := pos + step; next < len(f.tree) && f.tree[next] <= u {
			pos = next
			u -= f.tree[next]
		}
	}
	i := pos << fenwickShift // u lies within the block's sum, so the weights after i reach past it
	for f.w[i] <= u {
		u -= f.w[i]
		i++
	}
	return i, u
}

// rebuild sets every weight from ws (len(ws) must be the number of
// weights; ws may be the tree's own) in linear time.
func (f *fenwick) rebuild(ws []int64) {
	copy(f.w, ws)
	clear(f.tree)
	f.total = 0
	for i, x := range ws {
		f.tree[i>>fenwickShift+1] += x
		f.total += x
	}
	for k := 1; k < len(f.tree); k++ {
		if parent := k + k&-k; parent < len(f.tree) {
			f.tree[parent] += f.tree[k]
		}
	}
}
