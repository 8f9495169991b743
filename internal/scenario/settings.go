package scenario

import (
	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// Settings is everything one arm of a scenario runs with: the world's
// parameters and how long and how often to run it.
type Settings struct {
	economy.Params
	Months int     // months each run lasts
	Seeds  int     // how many seeds each arm runs
	Seed   uint64  // the first seed; the others follow it
	Custom *Custom // the scenario's own metrics and stop condition, or nil
}

// SeedList returns the seeds every arm runs: Seed, Seed+1, ..., Seed+Seeds−1.
func (s Settings) SeedList() []uint64 {
	seeds := make([]uint64, s.Seeds)
	for i := range seeds {
		seeds[i] = s.Seed + uint64(i)
	}
	return seeds
}

// Metrics returns the metrics measured on worlds of these settings: the
// built-in ones, then the scenario's own (which only an Observer computes:
// metrics.Meter measures the built-in ones).
func (s Settings) Metrics() []metrics.Metric {
	capitalism := s.Model == economy.ModelCapitalism
	ms := metrics.For(capitalism, capitalism && s.AI.Enabled)
	if s.Custom != nil {
		for _, m := range s.Custom.Metrics {
			ms = append(ms, metrics.Metric{Name: m.Name, Unit: m.Unit, Doc: m.Text})
		}
	}
	return ms
}
