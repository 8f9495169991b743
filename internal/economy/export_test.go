package economy

// Hooks for the tests of package economy_test.

// HireWeights returns the hiring weight of every person of a capitalism world.
func HireWeights(w *World) []int64 {
	k := w.rules.(*capitalism)
	ws := make([]int64, len(k.people))
	for i := range ws {
		ws[i] = k.hire.prefix(i+1) - k.hire.prefix(i)
	}
	return ws
}
