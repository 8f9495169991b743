package scenario

import (
	"fmt"
	"slices"
)

// Uncertain is a key whose value nobody knows well: `headless check
// --robust N` judges the claims at N values of all the uncertain keys at
// once, drawn from their ranges by a Latin hypercube.
type Uncertain struct {
	Key      string
	From, To float64
	Log      bool   // drawn uniformly on a log scale (for a range over orders of magnitude)
	Why      string // where the range comes from
	Line     int
}

var uncertainKeys = []string{"key", "from", "to", "distribution", "why"}

// maxUncertain bounds the uncertain keys of a scenario.
const maxUncertain = 20

// uncertainLoader reads the [[uncertain]] blocks.
type uncertainLoader struct {
	blocks
	l *loader
}

func (ul *uncertainLoader) check(sc *Scenario) {
	for i := range ul.tables {
		r := ul.block(ul.l, i)
		r.onlyKeys(uncertainKeys)
		u := Uncertain{Line: ul.starts[i]}
		if !r.str("key", &u.Key) {
			r.bad("key", "an uncertain key needs its key", `for example key = "ai.productivity"`)
			continue
		}
		key := sweepKey(sc, u.Key, func(msg, hint string) { r.bad("key", msg, hint) })
		if key == nil {
			continue
		}
		if !r.num("from", &u.From) || !r.num("to", &u.To) {
			r.bad("from", "an uncertain key needs its range: from and to", "for example from = 2.0 and to = 8.0")
			continue
		}
		if msg := checkRange(key, u.From, u.To); msg != "" {
			r.bad("from", msg, "")
			continue
		}
		var dist string
		if r.str("distribution", &dist) {
			switch dist {
			case "uniform":
			case "loguniform":
				u.Log = true
				if u.From <= 0 {
					r.bad("distribution", "a log-uniform range must start above 0", "")
				}
			default:
				r.bad("distribution", fmt.Sprintf("%q is not a distribution: expected \"uniform\" or \"loguniform\"", dist), didYouMean(dist, []string{"uniform", "loguniform"}))
			}
		}
		r.str("why", &u.Why)
		if slices.ContainsFunc(sc.Uncertain, func(o Uncertain) bool { return o.Key == u.Key }) {
			r.bad("key", fmt.Sprintf("%s is uncertain twice", u.Key), "")
			continue
		}
		sc.Uncertain = append(sc.Uncertain, u)
	}
	if len(sc.Uncertain) > maxUncertain {
		ul.l.add(ul.starts[maxUncertain], "uncertain", fmt.Sprintf("more than %d uncertain keys", maxUncertain), "")
	}
}

// RobustSweeps returns the uncertain keys as the ranges of a sweep, for a
// Latin hypercube over them.
func (s *Scenario) RobustSweeps() []Sweep {
	var sws []Sweep
	for _, u := range s.Uncertain {
		sws = append(sws, Sweep{Key: u.Key, From: u.From, To: u.To, Ranged: true, Log: u.Log, Line: u.Line, File: s.File,
			Metrics: DefaultSweepMetrics(s.Run().Model), Moment: Moment{Month: -1}})
	}
	return sws
}
