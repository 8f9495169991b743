package economy

// A stream is the random generator of one mechanism of the production
// economy, or of Wright's model's turns (turns.go). Each is seeded from the world's seed and its own number, so two
// arms of a scenario draw the same numbers for a mechanism until their
// difference changes what that mechanism does: the arms stay the same world
// as long as they can (common random numbers).
type stream int

// The streams, one per mechanism.
const (
	streamActivation stream = iota // who is activated
	streamSpending                 // the spending order and the sellers
	streamHiring                   // employers drawn, local or not
	streamFiring                   // who is let go
	streamUnits                    // the workers automation displaces, reinstated tasks
	streamNeeds                    // each person's need
	streamOwners                   // the owners of the first data centres
	streamSiting                   // where data centres are proposed
	streamResistance               // whether communities refuse them
	streamTasks                    // how automatable each firm's tasks are
	streamMatching                 // searches that meet a vacancy, contracts renegotiated
	numStreams
)

// streams are a world's generators, one per mechanism.
type streams [numStreams]rng

// newStreams seeds every stream from seed.
func newStreams(seed uint64) *streams {
	s := &streams{}
	for i := range s {
		s[i] = stream(i).seeded(seed)
	}
	return s
}

// seeded returns the generator of mechanism m for seed: stream m + 1 of
// seed (stream 0 is the world's own generator).
func (m stream) seeded(seed uint64) rng {
	var r rng
	r.seed(seed, uint64(m)+1)
	return r
}

// of returns the generator of mechanism m.
func (s *streams) of(m stream) *rng { return &s[m] }
