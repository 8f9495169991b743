package economy

import (
	"math/rand/v2"
	"testing"
)

// drawTree is what sums and fenwick both do.
type drawTree interface {
	add(i int, delta int64)
	prefix(i int) int64
	find(u int64) (int, int64)
}

// TestDrawTrees compares sums and fenwick with plain sums after random
// updates (and fenwick again after a rebuild from weights mostly zero, as
// firms among persons), at sizes around whole and partial blocks: every
// prefix sum, and find at every point of the total returns the index whose
// interval holds it.
func TestDrawTrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 7, 8, 9, 64, 65, 100, 4097, 5000} {
		s, f := newSums(n), newFenwick(n)
		for _, tree := range []struct {
			name string
			drawTree
			total *int64
		}{{"sums", &s, &s.total}, {"fenwick", &f, &f.total}} {
			w := make([]int64, n)
			for range 20 * n {
				i := r.IntN(n)
				d := r.Int64N(20) - 5
				if w[i]+d < 0 {
					d = -w[i]
				}
				w[i] += d
				tree.add(i, d)
			}
			checkDrawTree(t, tree.name, tree.drawTree, *tree.total, w)
		}
		w := make([]int64, n)
		for i := range w {
			if r.IntN(3) == 0 {
				w[i] = r.Int64N(4)
			}
		}
		f.rebuild(w)
		checkDrawTree(t, "fenwick rebuilt", &f, f.total, w)
		own := make([]int64, n)
		for i := range f.w { // as goods.rebuild does: the weights written in place, then the sums
			f.w[i], own[i] = int64(i%3), int64(i%3)
		}
		f.rebuild(f.w)
		checkDrawTree(t, "fenwick rebuilt from its own weights", &f, f.total, own)
	}
}

// checkDrawTree checks a tree of weights w whose total is total.
func checkDrawTree(t *testing.T, name string, f drawTree, total int64, w []int64) {
	t.Helper()
	var sum int64
	for i := range w {
		if got := f.prefix(i); got != sum {
			t.Fatalf("%s n=%d: prefix(%d) = %d, want %d", name, len(w), i, got, sum)
		}
		for u := sum; u < sum+w[i]; u++ {
			if got, rest := f.find(u); got != i || rest != u-sum {
				t.Fatalf("%s n=%d: find(%d) = %d, %d; want %d, %d", name, len(w), u, got, rest, i, u-sum)
			}
		}
		sum += w[i]
	}
	if got := f.prefix(len(w)); got != sum || total != sum {
		t.Fatalf("%s n=%d: prefix(n) %d and total %d, want %d", name, len(w), got, total, sum)
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
