package metrics

import (
	"math/bits"
	"slices"
)

// sortMoney sorts money counts (net worth may be negative) in place. Below
// radixFrom values it uses slices.Sort. Above, most of a world's money
// counts (wages, savings, debts) lie within a short span above the least:
// countSpan, or in a small world the power of two above the number of
// values. sortMoney counts those values — one pass, its increments in a
// table that stays in the processor's cache — sorts the few above by a
// radix sort, and writes the values back in order: two linear passes, where
// a radix sort scatters every value once for each byte the distances use.
// When more than one value in maxOutliers lies above, it uses the radix
// sort alone. scratch holds the buffers between calls.
func sortMoney(xs []int64, scratch *sortScratch) {
	if len(xs) < radixFrom {
		slices.Sort(xs)
		return
	}
	low := slices.Min(xs)
	span := min(countSpan, 1<<bits.Len(uint(len(xs)))) // a table at most twice as long as the values to sort
	if len(scratch.count) < span {
		scratch.count = make([]int32, span)
	}
	count := scratch.count[:span]
	clear(count)
	above := scratch.above[:0]
	limit := len(xs) / maxOutliers
	for _, x := range xs {
		if d := uint64(x) - uint64(low); d < uint64(span) { // the distance above the least, exact in unsigned arithmetic
			count[d]++
		} else if above = append(above, x); len(above) > limit {
			break
		}
	}
	scratch.above = above
	if len(above) > limit {
		scratch.tmp = radixSort(xs, scratch.tmp)
		return
	}
	scratch.tmp = radixSort(above, scratch.tmp)
	i := 0
	for d, c := range count {
		v := low + int64(d)
		for range c {
			xs[i] = v
			i++
		}
	}
	copy(xs[i:], above)
}

// sortScratch is sortMoney's memory, kept between calls.
type sortScratch struct {
	count []int32 // how many values lie at each distance below countSpan
	above []int64 // the values at countSpan or more above the least
	tmp   []int64 // the radix sort's second buffer
}

const (
	// radixFrom is the size from which sortMoney counts and radix-sorts.
	radixFrom = 256
	// countSpan is the furthest above the least value that sortMoney
	// counts values: a table of 256 KiB.
	countSpan = 1 << 16
	// maxOutliers: sortMoney counts only when at most one value in this
	// many lies further above the least.
	maxOutliers = 8
)

// radixSort sorts xs by a least-significant-digit radix sort on the bytes
// of each value's distance above the least, skipping the bytes that no
// distance uses. tmp is scratch space, grown as needed and returned.
func radixSort(xs []int64, tmp []int64) []int64 {
	if len(xs) == 0 {
		return tmp
	}
	low := slices.Min(xs)
	var top uint64
	for _, x := range xs {
		top |= uint64(x) - uint64(low)
	}
	tmp = slices.Grow(tmp[:0], len(xs))[:len(xs)]
	src, dst := xs, tmp
	for shift := uint(0); shift < 64 && top>>shift != 0; shift += 8 {
		var count [256]int
		for _, x := range src {
			count[byte((uint64(x)-uint64(low))>>shift)]++
		}
		pos := 0
		for d, c := range count {
			count[d] = pos
			pos += c
		}
		for _, x := range src {
			d := byte((uint64(x) - uint64(low)) >> shift)
			dst[count[d]] = x
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &xs[0] {
		copy(xs, src)
	}
	return tmp
}
