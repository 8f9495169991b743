package economy

// turns draw, for each step of Wright's model, the person activated and the
// step's spender, each from a stream of its own: the activated person from
// streamActivation, uniformly from everyone; the spender from
// streamSpending, uniformly from everyone else. Every other draw of a step
// (the employer hired by, the amounts spent, sampled and paid, who is
// fired) comes from the world's own generator.
//
// The law is Wright's — each step a person drawn uniformly, and a spender
// drawn uniformly from the others, independently of everything before —
// but how many numbers a step draws from the world's generator depends on
// the state (a class, an employer's staff), so with one stream the next
// step's persons are known only when the step ends. With streams of their
// own they are known as far ahead as a loop wants, and a loop over a large
// world can ask for their lines before it needs them (stepsAhead).
type turns struct{ who, spender rng }

// newTurns returns the turns of a world of seed.
func newTurns(seed uint64) turns {
	return turns{who: streamActivation.seeded(seed), spender: streamSpending.seeded(seed)}
}

// next draws the next step's activated person a from n people, and its
// spender b ≠ a.
func (t *turns) next(n uint64) (a, b int32) {
	a = int32(t.who.below(n))
	b = int32(t.spender.below(n - 1))
	if b >= a {
		b++
	}
	return a, b
}
