package economy

import (
	"slices"
	"testing"
)

// TestMesaLoopsAgree runs both of the mesa rule's step loops from the same
// state and checks that they leave the same balances, marks and generator.
func TestMesaLoopsAgree(t *testing.T) {
	const n = 5000
	a, b := make([]int32, n), make([]int32, n)
	perm := make([]int32, n)
	for i := range n {
		a[i], b[i], perm[i] = int32(i%3), int32(i%3), int32(i)
	}
	ra, rb := newRNG(7), newRNG(7)
	ra.shuffle(perm)
	rb.shuffle(slices.Clone(perm))
	ga, gb := make([]uint64, (n+63)/64), make([]uint64, (n+63)/64)
	for range 20 {
		mesaSteps(a, perm, ra, n, 1, ga)
		mesaStepsLarge(b, perm, rb, n, 1, gb)
	}
	if !slices.Equal(a, b) || !slices.Equal(ga, gb) || *ra != *rb {
		t.Fatal("the two mesa loops differ")
	}
}
