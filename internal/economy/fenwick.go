package economy

import "math/bits"

// fenwick is a binary indexed tree of non-negative integer weights. It draws
// an index with probability proportional to its weight, and updates one
// weight, both in O(log n) — quick when most weights are zero (the firms
// among persons), where the levels of sums would scan runs of zeros.
type fenwick struct {
	tree  []int64 // 1-based partial sums
	total int64
	top   int // highest power of two not above n
}

func newFenwick(n int) fenwick {
	top := 0
	if n > 0 {
		top = 1 << (bits.Len(uint(n)) - 1)
	}
	return fenwick{tree: make([]int64, n+1), top: top}
}

// add adds delta to the weight of index i.
func (f *fenwick) add(i int, delta int64) {
	f.total += delta
	for k := i + 1; k < len(f.tree); k += k & -k {
		f.tree[k] += delta
	}
}

// prefix returns the sum of the weights of indices below i.
func (f *fenwick) prefix(i int) int64 {
	var s int64
	for k := i; k > 0; k -= k & -k {
		s += f.tree[k]
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
	return pos, u
}

// rebuild sets every weight from ws (len(ws) must be the tree's size) in
// linear time.
func (f *fenwick) rebuild(ws []int64) {
	f.total = 0
	for i, x := range ws {
		f.tree[i+1] = x
		f.total += x
	}
	for k := 1; k < len(f.tree); k++ {
		if parent := k + k&-k; parent < len(f.tree) {
			f.tree[parent] += f.tree[k]
		}
	}
}
