package economy

import (
	"math/rand/v2"
	"testing"
)

// TestSums compares the levels with plain sums after random updates, and
// checks that find returns the index whose interval holds u.
func TestSums(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 7, 64, 65, 100, 4097, 5000} {
		f := newSums(n)
		w := make([]int64, n)
		for range 20 * n {
			i := r.IntN(n)
			d := r.Int64N(20) - 5
			if w[i]+d < 0 {
				d = -w[i]
			}
			w[i] += d
			f.add(i, d)
		}
		var sum int64
		for i := range n {
			if got := f.prefix(i); got != sum {
				t.Fatalf("n=%d: prefix(%d) = %d, want %d", n, i, got, sum)
			}
			for u := sum; u < sum+w[i]; u++ {
				if got, rest := f.find(u); got != i || rest != u-sum {
					t.Fatalf("n=%d: find(%d) = %d, %d; want %d, %d", n, u, got, rest, i, u-sum)
				}
			}
			sum += w[i]
		}
		if f.total != sum {
			t.Fatalf("n=%d: total %d, want %d", n, f.total, sum)
		}
	}
}

// TestFenwick compares the tree with plain sums after random updates, and
// checks that find returns the index whose interval holds u.
func TestFenwick(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 7, 64, 65, 100, 4097, 5000} {
		f := newFenwick(n)
		w := make([]int64, n)
		for range 20 * n {
			i := r.IntN(n)
			d := r.Int64N(20) - 5
			if w[i]+d < 0 {
				d = -w[i]
			}
			w[i] += d
			f.add(i, d)
		}
		var sum int64
		for i := range n {
			if got := f.prefix(i); got != sum {
				t.Fatalf("n=%d: prefix(%d) = %d, want %d", n, i, got, sum)
			}
			for u := sum; u < sum+w[i]; u++ {
				if got, rest := f.find(u); got != i || rest != u-sum {
					t.Fatalf("n=%d: find(%d) = %d, %d; want %d, %d", n, u, got, rest, i, u-sum)
				}
			}
			sum += w[i]
		}
		if f.total != sum {
			t.Fatalf("n=%d: total %d, want %d", n, f.total, sum)
		}
	}
}

// TestBelowIsUniform checks the bounded draw against a chi-square bound.
func TestBelowIsUniform(t *testing.T) {
	r := newRNG(5)
	const n, draws = 7, 70000
	var counts [n]float64
	for range draws {
		counts[r.below(n)]++
	}
	var chi2 float64
	for _, c := range counts {
		chi2 += (c - draws/n) * (c - draws/n) / (draws / n)
	}
	// 22.46 is the 0.999 quantile of chi-square with 6 degrees of freedom:
	// a fair generator fails this one time in a thousand, and this seed is fixed.
	if chi2 > 22.46 {
		t.Fatalf("chi-square %.1f over 6 degrees of freedom", chi2)
	}
}
