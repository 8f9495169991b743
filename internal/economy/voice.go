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
