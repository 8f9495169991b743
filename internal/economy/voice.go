package economy

import (
	"errors"
	"math"
)

// SetVoice lets a class decide, or weigh on, whether each community
// refuses a data centre: voice[c] is the share of community c's residents
// in the class who would refuse one, NaN where none has said. With decides
// it is the chance of refusal; otherwise the chance is the mean of it and
// the model's. A nil voice gives the model back its own. The draw stays
// the model's, from its own random stream.
func (w *World) SetVoice(voice []float64, decides bool) error {
	c, ok := w.rules.(*capitalism)
	if !ok || c.ai == nil {
		return errors.New("economy: only worlds with automation have communities to vote in")
	}
	cm := &c.ai.comm
	if voice != nil && len(voice) != len(cm.refused) {
		return errors.New("economy: a voice a community")
	}
	for _, v := range voice {
		if !math.IsNaN(v) && (v < 0 || v > 1) {
			return errors.New("economy: a voice is a share, from 0 to 1")
		}
	}
	cm.voice, cm.decides = append(cm.voice[:0:0], voice...), decides
	return nil
}

// A Decider decides for people of a world in place of the model's rule:
// a class whose students hold the world's communities is one (package
// classroom). The world asks it on its own goroutine, in the middle of a
// month, and waits for the answer.
type Decider interface {
	// RefusesDatacentre is asked when a data centre is proposed to
	// community c in month m (months completed): whether the community
	// refuses it, with decided false where the model's own rule stands.
	RefusesDatacentre(m, c int) (refuse, decided bool)
}

// SetDecider lets d decide whether communities refuse the data centres
// proposed to them; nil gives the model back its own rule. The model draws
// its own chance of refusal first, as it would without d, so that a world
// whose decider never decides is the model's world draw for draw, and the
// same decisions give the same world.
func (w *World) SetDecider(d Decider) error {
	c, ok := w.rules.(*capitalism)
	if !ok || c.ai == nil {
		return errors.New("economy: only worlds with automation have communities to decide")
	}
	c.ai.comm.decider = d
	return nil
}
