package economy

import "fmt"

// Hooks for the tests of package economy_test.

// HireBlocksError reports a block of the hiring tree of a capitalism world
// whose weight differs from the money of its persons in H, or nil.
func HireBlocksError(w *World) error {
	k := w.rules.(*capitalism)
	for b := range k.hire.tree[1:] {
		var want int64
		for i := b * hireBlock; i < min((b+1)*hireBlock, k.people.Len()); i++ {
			want += k.weight(w, int32(i))
		}
		if got := k.hire.prefix(b+1) - k.hire.prefix(b); got != want {
			return fmt.Errorf("block %d weighs %d, its persons in H hold %d", b, got, want)
		}
	}
	return nil
}
