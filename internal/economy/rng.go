package economy

import (
	"math/bits"
	"math/rand/v2"
)

// rng is a random generator of a world: math/rand/v2's PCG, called
// directly rather than through rand.Rand's Source interface. Its bounded
// draws use the same unbiased multiply-and-reject method (Lemire 2019) as
// math/rand/v2, with the common case — no rejection — small enough for the
// compiler to inline into the step loops (go build -gcflags=-m shows it) and
// the rare rejection loop out of line.
type rng struct{ pcg rand.PCG }

// streamSalt separates this program's streams from other users of PCG seeded
// with small integers.
const streamSalt = 0x636f6d6d6f6e7765 // "commonwe"

func newRNG(seed uint64) *rng {
	r := &rng{}
	r.pcg.Seed(seed, streamSalt)
	return r
}

// below returns a uniform integer in [0, n). n must be positive.
func (r *rng) below(n uint64) uint64 {
	hi, lo := bits.Mul64(r.pcg.Uint64(), n)
	if lo < n {
		return r.reject(hi, lo, n)
	}
	return hi
}

// reject finishes a bounded draw whose low word fell below n: it draws
// again while the low word is below 2^64 mod n (Lemire's rejection).
func (r *rng) reject(hi, lo, n uint64) uint64 {
	thresh := -n % n
	for lo < thresh {
		hi, lo = bits.Mul64(r.pcg.Uint64(), n)
	}
	return hi
}

// intn returns a uniform int in [0, n). n must be positive.
func (r *rng) intn(n int) int { return int(r.below(uint64(n))) }

// upTo returns a uniform integer in {0, ..., m}. m must not be negative.
func (r *rng) upTo(m int64) int64 { return int64(r.below(uint64(m) + 1)) }

// float64 returns a uniform float64 in [0, 1).
func (r *rng) float64() float64 { return float64(r.pcg.Uint64()<<11>>11) / (1 << 53) }

// shuffle puts p in a uniformly random order (Fisher–Yates).
func (r *rng) shuffle(p []int32) {
	for i := len(p) - 1; i > 0; i-- {
		j := r.below(uint64(i) + 1)
		p[i], p[j] = p[j], p[i]
	}
}
