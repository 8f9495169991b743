package prefetch

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// TestIndexedChangesNothing prefetches every element of an array, the first
// and the last included, in blocks of every length from 0 and one by one
// (Line), and checks that
// neither the array nor the indices changed: a prefetch is a hint, and an
// assembly loop that stored through its addresses, or ran past the indices'
// length, would show here.
func TestIndexedChangesNothing(t *testing.T) {
	a := make([]int32, 1000)
	idx := make([]int32, len(a)+1) // the extra index lies past every block and must not be read
	for i := range a {
		a[i], idx[i] = int32(i*7), int32(len(a)-1-i)
	}
	idx[len(a)] = 1 << 30 // far outside a: prefetched, it would still not fault, but it must not be reached
	wantA, wantIdx := slices.Clone(a), slices.Clone(idx)
	for n := 0; n <= 40; n++ {
		for at := 0; at+n <= len(a); at += max(n, 1) {
			Indexed(unsafe.Pointer(&a[0]), 4, idx[at:at+n])
		}
	}
	for i := range a {
		Line(unsafe.Pointer(&a[i]))
	}
	if !slices.Equal(a, wantA) || !slices.Equal(idx, wantIdx) {
		t.Fatal("Indexed changed the memory it prefetched")
	}
}

// BenchmarkGather sums the elements of a 256 MiB array at random indices,
// in blocks of 16, plain or with each next block prefetched while the
// current one is summed: what Indexed gains for loads that do not depend on
// one another, on this machine.
func BenchmarkGather(b *testing.B) {
	a := make([]int32, 64<<20)
	idx := make([]int32, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range idx {
		idx[i] = int32(r.IntN(len(a)))
	}
	const block = 16
	for _, ahead := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "prefetched"}[ahead]
		b.Run(name, func(b *testing.B) {
			var s int32
			for range b.N {
				for at := 0; at < len(idx); at += block {
					if ahead && at+block < len(idx) {
						Indexed(unsafe.Pointer(&a[0]), 4, idx[at+block:at+2*block])
					}
					for _, i := range idx[at : at+block] {
						s += a[i]
					}
				}
			}
			sink = s
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(idx)), "ns/load")
		})
	}
}

// sink keeps the benchmark's sums alive.
var sink int32
