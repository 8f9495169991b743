package metrics

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortMoney compares the radix sort with slices.Sort on sizes around
// the switch, on small and large values, on values using high bytes, and
// on values below zero (net worth), as far as the whole range of int64.
func TestSortMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var tmp []int64
	for _, n := range []int{0, 1, 255, 256, 257, 1000, 10000} {
		for _, c := range []struct{ low, top int64 }{{0, 1}, {0, 100}, {0, 1 << 20}, {0, 1 << 40}, {0, 1<<62 - 1},
			{-50, 100}, {-1 << 30, 1 << 20}, {math.MinInt64, math.MaxInt64}} {
			xs := make([]int64, n)
			for i := range xs {
				xs[i] = int64(uint64(c.low) + r.Uint64N(uint64(c.top)-uint64(c.low)))
			}
			if n > 2 {
				xs[0], xs[1] = c.low, c.top
			}
			top := c.top
			want := slices.Sorted(slices.Values(xs))
			tmp = sortMoney(xs, tmp)
			if !slices.Equal(xs, want) {
				t.Fatalf("n=%d top=%d: not sorted", n, top)
			}
		}
	}
}

func BenchmarkSortMoney(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	src := make([]int64, 10000)
	for i := range src {
		src[i] = r.Int64N(100000)
	}
	xs := make([]int64, len(src))
	var tmp []int64
	b.Run("radix", func(b *testing.B) {
		for range b.N {
			copy(xs, src)
			tmp = sortMoney(xs, tmp)
		}
	})
	b.Run("slices.Sort", func(b *testing.B) {
		for range b.N {
			copy(xs, src)
			slices.Sort(xs)
		}
	})
}
