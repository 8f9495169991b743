package economy

import "commonwealth/internal/hugepages"

// sums holds non-negative integer weights and their partial sums in levels
// of fanout 64: level 0 the weights, each entry of level k+1 the sum of 64
// entries of level k, up to a top level of at most 64 entries. An update
// writes one entry a level (four levels for a million weights, and only the
// lowest is likely to miss the processor's cache); a prefix sum or a draw
// in proportion to the weights reads at most 64 consecutive entries a level.
// A Fenwick tree does both in O(log n) reads scattered over the whole tree,
// which at a million weights costs several cache misses an update; sums
// suits dense weights (the money of each block of persons who may hire).
type sums struct {
	levels [][]int64
	total  int64
}

// sumsFanout is the number of entries summed into one entry of the level
// above (a power of two).
const (
	sumsShift  = 6
	sumsFanout = 1 << sumsShift
)

func newSums(n int) sums {
	s := sums{levels: [][]int64{make([]int64, n)}}
	hugepages.Advise(s.levels[0]) // read at random in a large world, as the accounts are
	for size := n; size > sumsFanout; {
		size = (size + sumsFanout - 1) >> sumsShift
		s.levels = append(s.levels, make([]int64, size))
	}
	return s
}

// add adds delta to the weight of index i.
func (s *sums) add(i int, delta int64) {
	s.total += delta
	for _, l := range s.levels {
		l[i] += delta
		i >>= sumsShift
	}
}

// prefix returns the sum of the weights of indices below i. At each level
// it reads the shorter side of i within its group of sumsFanout: the
// entries before i, or the group's sum (an entry of the level above, or
// the total) less the entries from i on — at most half a group, four
// cache lines of the lowest level where a side's whole would be eight.
func (s *sums) prefix(i int) int64 {
	if i >= len(s.levels[0]) {
		return s.total
	}
	var sum int64
	for k, l := range s.levels {
		lo := i &^ (sumsFanout - 1)
		if hi := min(lo+sumsFanout, len(l)); i-lo > hi-i {
			group := s.total
			if k+1 < len(s.levels) {
				group = s.levels[k+1][i>>sumsShift]
			}
			sum += group
			for _, x := range l[i:hi] {
				sum -= x
			}
		} else {
			for _, x := range l[lo:i] {
				sum += x
			}
		}
		i >>= sumsShift
	}
	return sum
}

// find returns the index i whose weight interval [prefix(i), prefix(i+1))
// holds u, and u − prefix(i). u must lie in [0, total).
func (s *sums) find(u int64) (int, int64) {
	i := 0
	for k := len(s.levels) - 1; k >= 0; k-- {
		l := s.levels[k]
		end := min(i+sumsFanout, len(l))
		for i < end-1 && l[i] <= u {
			u -= l[i]
			i++
		}
		i <<= sumsShift
	}
	return i >> sumsShift, u
}
