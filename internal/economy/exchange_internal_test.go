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
	// whole months, then months in chunks of every length around the
	// large loop's blocks (a month is stepped in parts when it is watched)
	chunks := [][]int{{n}, {0, 1, 15, 16, 17, 31, 32, 33, 1000, n - 1145}}
	for month := range 20 {
		at := 0
		for _, c := range chunks[month%2] {
			mesaSteps(a, perm[at:at+c], ra, n, 1, ga)
			mesaStepsLarge(b, perm[at:at+c], rb, n, 1, gb)
			at += c
		}
	}
	if !slices.Equal(a, b) || !slices.Equal(ga, gb) || *ra != *rb {
		t.Fatal("the two mesa loops differ")
	}
}

// TestMesaAmountBeyond31Bits: an amount that no balance of a narrow ledger
// reaches moves nothing; the narrow loops take the amount in 32 bits, where
// it would wrap around.
func TestMesaAmountBeyond31Bits(t *testing.T) {
	for _, amount := range []int64{1 << 31, 1<<32 + 1} {
		p := Params{Model: ModelExchange, People: 50, StartWealth: 3,
			Exchange: ExchangeParams{Rule: RuleMesa, Amount: amount}}
		w, err := New(p, 1)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			w.StepMonth()
		}
		for i := range p.People {
			if b := w.led.Balance(Account(i)); b != 3 {
				t.Fatalf("amount %d: person %d holds %d, want 3", amount, i, b)
			}
		}
	}
}
