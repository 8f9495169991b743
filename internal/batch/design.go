package batch

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

// UnitHypercube draws n points of a Latin hypercube in [0, 1)^d with gonum's
// sampler: each coordinate's n values fall one in each of n equal strata,
// so few points still cover every key's whole range. The same seed gives
// the same points.
func UnitHypercube(n, d int, seed uint64) [][]float64 {
	src := rand.NewPCG(seed, 0x6c6873) // "lhs": a stream of its own
	m := mat.NewDense(n, d, nil)
	samplemv.LatinHypercube{Q: distmv.NewUnitUniform(d, src), Src: src}.Sample(m)
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = append([]float64(nil), m.RawRowView(i)...)
	}
	return rows
}
