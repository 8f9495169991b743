package metrics

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortMoney compares sortMoney with slices.Sort on sizes around the
// switch, on small and large values, on values using high bytes, on values
// below zero (net worth), as far as the whole range of int64, and on small
// values with a few large ones (a world's rich) in every proportion around
// the one that decides between counting and the radix sort alone.
func TestSortMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var scratch sortScratch
	for _, n := range []int{0, 1, 255, 256, 257, 1000, 10000, 100000} {
		for _, c := range []struct {
			low, top  int64
			rich      int // one value in rich is drawn far above (0: none)
			bigLow    int64
			bigTop    int64
			wantCount bool // sortMoney should count, not radix-sort alone
		}{
			{0, 1, 0, 0, 0, true}, {0, 100, 0, 0, 0, true}, {0, 1 << 20, 0, 0, 0, false},
			{0, 1 << 40, 0, 0, 0, false}, {0, 1<<62 - 1, 0, 0, 0, false}, {-50, 100, 0, 0, 0, true},
			{-1 << 30, 1 << 20, 0, 0, 0, false}, {math.MinInt64, math.MaxInt64, 0, 0, 0, false},
			{0, 90, 100, 1 << 20, 1 << 40, true}, {-200, 90, 20, 1000, math.MaxInt64, true},
			{0, 90, 7, 1 << 17, 1 << 18, false}, {0, 90, 2, 1 << 17, 1 << 18, false},
		} {
			xs := make([]int64, n)
			for i := range xs {
				lo, hi := c.low, c.top
				if c.rich > 0 && i%c.rich == 0 {
					lo, hi = c.bigLow, c.bigTop
				}
				xs[i] = int64(uint64(lo) + r.Uint64N(uint64(hi)-uint64(lo)))
			}
			if n > 2 {
				xs[0], xs[1] = c.low, c.top
			}
			want := slices.Sorted(slices.Values(xs))
			scratch.above = scratch.above[:0]
			sortMoney(xs, &scratch)
			if !slices.Equal(xs, want) {
				t.Fatalf("n=%d %+v: not sorted", n, c)
			}
			// The counted path leaves the values above in scratch.above,
			// at most one in maxOutliers; the radix path more than that.
			if counted := len(scratch.above) <= n/maxOutliers; n >= radixFrom && counted != c.wantCount {
				t.Errorf("n=%d %+v: counted %v, want %v (%d above)", n, c, counted, c.wantCount, len(scratch.above))
			}
		}
	}
}

// TestSortMoneyBoundary: with exactly one value in maxOutliers above the
// counted span sortMoney counts, with one more it radix-sorts alone; both
// sort.
func TestSortMoneyBoundary(t *testing.T) {
	const n = 10_000
	var scratch sortScratch
	for _, above := range []int{n / maxOutliers, n/maxOutliers + 1} {
		xs := make([]int64, n)
		for i := range xs {
			xs[i] = int64(i % 100)
			if i < above {
				xs[i] = 1<<20 + int64(i)
			}
		}
		want := slices.Sorted(slices.Values(xs))
		sortMoney(xs, &scratch)
		if !slices.Equal(xs, want) {
			t.Fatalf("%d above: not sorted", above)
		}
		if counted := len(scratch.above) <= n/maxOutliers; counted != (above <= n/maxOutliers) {
			t.Errorf("%d above the span: counted %v", above, counted)
		}
	}
}

// BenchmarkSortMoney sorts a million values two ways drawn: "wide", spread
// evenly up to 100,000 (sortMoney falls back on the radix sort), and
// "wages", a world's money (most below a thousand, one in a hundred up to
// a million: sortMoney counts), by sortMoney, the radix sort alone and
// slices.Sort.
func BenchmarkSortMoney(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	const n = 1_000_000
	wide, wages := make([]int64, n), make([]int64, n)
	for i := range n {
		wide[i] = r.Int64N(100_000)
		wages[i] = r.Int64N(1000)
		if i%100 == 0 {
			wages[i] = r.Int64N(1_000_000)
		}
	}
	xs := make([]int64, n)
	var scratch sortScratch
	var tmp []int64
	for _, data := range []struct {
		name string
		src  []int64
	}{{"wide", wide}, {"wages", wages}} {
		for _, sorter := range []struct {
			name string
			sort func()
		}{
			{"sortMoney", func() { sortMoney(xs, &scratch) }},
			{"radix", func() { tmp = radixSort(xs, tmp) }},
			{"slices.Sort", func() { slices.Sort(xs) }},
		} {
			b.Run(data.name+"/"+sorter.name, func(b *testing.B) {
				for range b.N {
					copy(xs, data.src)
					sorter.sort()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/value")
			})
		}
	}
}
