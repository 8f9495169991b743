package economy

import "math/bits"

// rng is a random generator of a world: xoshiro256** (Blackman and Vigna,
// "Scrambled linear pseudorandom number generators", ACM Transactions on
// Mathematical Software 47(4), 2021), seeded through SplitMix64 as its
// authors recommend — the generator of the C reference loop the exchange
// rules are measured against (shared/peers/boltzmann.c). It is small and
// fast: two multiplications by constants a draw, and four words of state
// that a step loop can keep in registers (copy the rng into a local
// variable, and back after the loop). Bounded draws use the unbiased
// multiply-and-reject method (Lemire, "Fast random integer generation in an
// interval", ACM TOMACS 29(1), 2019), with the common case small enough for
// the compiler to inline and the rare rejection loop out of line.
type rng struct{ s0, s1, s2, s3 uint64 }

// streamSalt separates this program's streams from other users of the
// generator seeded with small integers.
const streamSalt = 0x636f6d6d6f6e7765 // "commonwe"

// newRNG returns the generator of stream 0 of seed.
func newRNG(seed uint64) *rng {
	r := &rng{}
	r.seed(seed, 0)
	return r
}

// seed sets the state from a seed and a stream number through SplitMix64.
func (r *rng) seed(seed, stream uint64) {
	sm := seed ^ (streamSalt+stream)*0x9e3779b97f4a7c15
	r.s0, r.s1, r.s2, r.s3 = splitmix(&sm), splitmix(&sm), splitmix(&sm), splitmix(&sm)
}

// splitmix advances a SplitMix64 state and returns its next output.
func splitmix(x *uint64) uint64 {
	*x += 0x9e3779b97f4a7c15
	z := *x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// next returns the next 64 random bits.
func (r *rng) next() (out uint64) {
	*r, out = r.advanced()
	return out
}

// advanced returns the generator one draw on, and the draw. A step loop
// keeps a copy of its world's generator in a local variable and advances it
// with this, by value: a method through a pointer to the copy would take
// its address, and the compiler keeps a variable whose address is taken in
// memory, storing and loading its four words on every draw.
func (g rng) advanced() (rng, uint64) {
	out := bits.RotateLeft64(g.s1*5, 7) * 9
	t := g.s1 << 17
	g.s2 ^= g.s0
	g.s3 ^= g.s1
	g.s1 ^= g.s2
	g.s0 ^= g.s3
	g.s2 ^= t
	g.s3 = bits.RotateLeft64(g.s3, 45)
	return g, out
}

// below returns a uniform integer in [0, n). n must be positive.
func (r *rng) below(n uint64) uint64 {
	hi, lo := bits.Mul64(r.next(), n)
	if lo < n {
		*r, hi = r.reject(hi, lo, n)
	}
	return hi
}

// reject finishes a bounded draw whose low word fell below n: it draws
// again while the low word is below 2^64 mod n (Lemire's rejection), and
// returns the generator after it by value, as advanced does. It is rare (n
// draws in 2^64) and kept out of line.
//
//go:noinline
func (g rng) reject(hi, lo, n uint64) (rng, uint64) {
	thresh := -n % n
	for lo < thresh {
		var x uint64
		g, x = g.advanced()
		hi, lo = bits.Mul64(x, n)
	}
	return g, hi
}

// intn returns a uniform int in [0, n). n must be positive.
func (r *rng) intn(n int) int { return int(r.below(uint64(n))) }

// upTo returns a uniform integer in {0, ..., m}. m must not be negative.
func (r *rng) upTo(m int64) int64 { return int64(r.below(uint64(m) + 1)) }

// float64 returns a uniform float64 in [0, 1).
func (r *rng) float64() float64 { return float64(r.next()>>11) / (1 << 53) }

// shuffle puts p in a uniformly random order (Fisher–Yates).
func (r *rng) shuffle(p []int32) {
	g := *r // in registers for the loop
	for i := len(p) - 1; i > 0; i-- {
		n := uint64(i) + 1
		var x uint64
		g, x = g.advanced()
		j, lo := bits.Mul64(x, n) // g.below(n), its common case inline
		if lo < n {
			g, j = g.reject(j, lo, n)
		}
		p[i], p[j] = p[j], p[i]
	}
	*r = g
}
