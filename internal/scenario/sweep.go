package scenario

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"commonwealth/internal/economy"
	"commonwealth/internal/metrics"
)

// Sweep varies one key over a list of values: every value × every arm ×
// every seed is run, and the chosen metrics are plotted against the value.
// Several sweeps make a full factorial grid; with a Latin hypercube design
// (headless sweep --lhs N) each key is drawn from its range (or list)
// instead.
type Sweep struct {
	Key      string
	Values   []string // each as --set would take it, already checked; none for a bare range
	From, To float64  // the range, when the sweep gave one
	Ranged   bool     // From and To hold a range of numbers
	Log      bool     // a hypercube draws the range uniformly on a log scale
	Metrics  []string // what to plot against the value
	Moment            // when the metrics are read
	Line     int
	File     string // the file, or "--sweep"
}

// Design says how a sweep's points are chosen: every combination of the
// values (LHS = 0), or LHS points of a Latin hypercube over the ranges.
type Design struct {
	LHS int `json:"lhs,omitempty"`
}

var sweepKeys = []string{"key", "values", "from", "to", "step", "metrics", "month", "window"}

// unsweepable are keys a sweep may not vary.
var unsweepable = []string{"name", "description", "model", "seeds", "seed"}

// maxSweepValues bounds the values of one sweep.
const maxSweepValues = 1000

// DefaultSweepMetrics are plotted when a sweep names none.
func DefaultSweepMetrics(model string) []string {
	if model == economy.ModelCapitalism {
		return []string{"gini_wealth", "unemployed_share", "wage_share"}
	}
	return []string{"gini_wealth", "top10_share", "bottom50_share"}
}

// sweepLoader reads the [[sweep]] blocks.
type sweepLoader struct {
	blocks
	l *loader
}

func (sl *sweepLoader) check(sc *Scenario) {
	names := metrics.Names(sc.Run().Metrics())
	for i := range sl.tables {
		r := sl.block(sl.l, i)
		r.onlyKeys(sweepKeys)
		sw := Sweep{Line: sl.starts[i], File: sc.File}
		if !r.str("key", &sw.Key) {
			r.bad("key", "a sweep needs the key it varies", `for example key = "exchange.saving"`)
			continue
		}
		key := sweepKey(sc, sw.Key, func(msg, hint string) { r.bad("key", msg, hint) })
		if key == nil {
			continue
		}
		switch {
		case r.has("values") && (r.has("from") || r.has("to") || r.has("step")):
			r.bad("values", "give values, or from, to and step, not both", "")
		case r.has("values"):
			raw, ok := r.t["values"].([]any)
			if !ok || len(raw) == 0 {
				r.bad("values", "expected a list of values, got "+describe(r.t["values"]), "for example values = [0.1, 0.3, 0.5]")
				break
			}
			if len(raw) > maxSweepValues {
				r.bad("values", fmt.Sprintf("%d values; at most %d", len(raw), maxSweepValues), "")
				break
			}
			for _, v := range raw {
				val, msg, hint := key.convert(v)
				if msg != "" {
					r.bad("values", msg, hint)
					continue
				}
				sw.Values = append(sw.Values, valueText(key, val))
			}
		default:
			var step float64
			if !r.num("from", &sw.From) || !r.num("to", &sw.To) {
				r.bad("values", "a sweep needs values, or from and to (and step, but for a Latin hypercube)", "for example values = [0.1, 0.3, 0.5]")
				break
			}
			if msg := checkRange(key, sw.From, sw.To); msg != "" {
				r.bad("from", msg, "")
				break
			}
			sw.Ranged = true
			if r.num("step", &step) {
				vals, msg := rangeValues(key, sw.From, sw.To, step)
				if msg != "" {
					r.bad("step", msg, "")
				}
				sw.Values = vals
			}
		}
		var ms []any
		if v, ok := r.t["metrics"]; ok {
			if ms, ok = v.([]any); !ok {
				r.bad("metrics", "expected a list of metric names, got "+describe(v), `for example metrics = ["gini_wealth"]`)
			}
		}
		for _, m := range ms {
			name, _ := m.(string)
			if !slices.Contains(names, name) {
				r.bad("metrics", fmt.Sprintf("unknown metric %v for this model", m), didYouMeanOr(name, names, "metrics are "+quoteList(names)))
				continue
			}
			sw.Metrics = append(sw.Metrics, name)
		}
		if len(sw.Metrics) == 0 {
			sw.Metrics = DefaultSweepMetrics(sc.Run().Model)
		}
		r.window(&sw.Moment, true)
		sc.Sweeps = append(sc.Sweeps, sw)
	}
	for i := range sc.Sweeps {
		for j := range i {
			if sc.Sweeps[i].Key == sc.Sweeps[j].Key {
				sl.l.add(sc.Sweeps[i].Line, fmt.Sprintf("sweep[%d].key", i+1), fmt.Sprintf("%s is swept twice", sc.Sweeps[i].Key), "sweep each key once")
			}
		}
	}
}

// MaxPoints bounds the points of a sweep: the combinations of its values,
// or the points of its Latin hypercube.
const MaxPoints = 2500

// CheckSweeps refuses sweeps that the design cannot run: more than
// MaxPoints points, or a range without a step in a full grid.
func CheckSweeps(sweeps []Sweep, d Design) error {
	if d.LHS > 0 {
		if d.LHS > MaxPoints {
			return fmt.Errorf("--lhs %d: a sweep may have at most %d points", d.LHS, MaxPoints)
		}
		return nil
	}
	n := 1
	for _, sw := range sweeps {
		if len(sw.Values) == 0 {
			return fmt.Errorf("%s: a range without a step is for a Latin hypercube: add a step, or run with --lhs N", sw.Key)
		}
		n *= len(sw.Values)
		if n > MaxPoints {
			return fmt.Errorf("%d or more points to run; a sweep may have at most %d (a Latin hypercube, --lhs N, covers many keys with few points)", n, MaxPoints)
		}
	}
	return nil
}

// checkRange checks a sweep's range: numbers, from below to, both allowed.
func checkRange(k *Key, from, to float64) string {
	if k.Kind == String || k.Kind == Bool {
		return fmt.Sprintf("%s takes words, not a range of numbers; list them in values", k.Path)
	}
	if !finite(from) || !finite(to) || !(from < to) {
		return "expected finite numbers with from < to"
	}
	for _, x := range []float64{from, to} {
		var raw any = x
		if k.Kind == Int {
			raw = int64(math.Round(x))
		}
		if _, msg, _ := k.convert(raw); msg != "" {
			return msg
		}
	}
	return ""
}

// Value turns u in [0, 1) into one of the sweep's values: a point of its
// range (rounded for whole numbers), or one of its listed values, each
// taking an equal share of [0, 1).
func (sw *Sweep) Value(k *Key, u float64) string {
	if !sw.Ranged {
		return sw.Values[min(int(u*float64(len(sw.Values))), len(sw.Values)-1)]
	}
	x := sw.From + u*(sw.To-sw.From)
	if sw.Log {
		x = math.Exp(math.Log(sw.From) + u*(math.Log(sw.To)-math.Log(sw.From)))
	}
	var raw any = x
	if k.Kind == Int {
		raw = int64(math.Round(x))
	}
	v, _, _ := k.convert(raw)
	return valueText(k, v)
}

// Lookup returns the registry's key at path, or nil.
func Lookup(path string) *Key { return lookup(path) }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// sweepKey returns the registry key a sweep may vary, or reports why not.
func sweepKey(sc *Scenario, path string, bad func(msg, hint string)) *Key {
	key := lookup(path)
	switch {
	case key == nil:
		bad(fmt.Sprintf("unknown key %q", path), keyHint(path))
	case slices.Contains(unsweepable, path):
		bad(fmt.Sprintf("%s cannot be swept", path), "sweep a parameter of the model")
	case len(sc.armsSetting(path)) > 0 && len(sc.Arms) > 1:
		bad(armsSetMsg(sc, path), "sweep a key the arms share, or choose one arm to vary with --arm NAME")
	default:
		return key
	}
	return nil
}

// valueText writes a checked value as --set takes it.
func valueText(k *Key, v value) string {
	switch k.Kind {
	case Int:
		return strconv.FormatInt(v.i, 10)
	case Float:
		return strconv.FormatFloat(v.f, 'g', -1, 64)
	case Bool:
		return strconv.FormatBool(v.b)
	}
	return v.s
}

// rangeValues lists from, from+step, ... up to to (inclusive, allowing for
// rounding), each checked against the key.
func rangeValues(k *Key, from, to, step float64) ([]string, string) {
	if k.Kind == String || k.Kind == Bool {
		return nil, fmt.Sprintf("%s takes words, not a range of numbers; list them in values", k.Path)
	}
	for _, x := range []float64{from, to, step} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Sprintf("%v is not a number a range can use: expected finite from, to and step", x)
		}
	}
	if step <= 0 || to < from {
		return nil, "expected from ≤ to and step > 0"
	}
	count := math.Floor((to-from)/step+1e-9) + 1
	if count > maxSweepValues {
		return nil, fmt.Sprintf("%.4g values; at most %d", count, maxSweepValues)
	}
	n := int(count)
	var vals []string
	for i := range n {
		x := from + float64(i)*step
		x = math.Round(x*1e12) / 1e12 // 0.1+0.2 is 0.3 here
		var raw any = x
		if k.Kind == Int {
			raw = int64(math.Round(x))
		}
		v, msg, _ := k.convert(raw)
		if msg != "" {
			return nil, msg
		}
		vals = append(vals, valueText(k, v))
	}
	return vals, ""
}

// ParseSweepFlag reads a --sweep flag, key=a:b:step or key=v1,v2,..., for
// scenario sc, and replaces the metrics with ms when given.
func ParseSweepFlag(text string, sc *Scenario, ms []string) (Sweep, error) {
	sw := Sweep{File: "--sweep", Moment: Moment{Month: -1}}
	fail := func(msg, hint string) (Sweep, error) {
		return sw, Problems{{File: "--sweep", Key: text, Msg: msg, Hint: hint}}
	}
	path, list, ok := strings.Cut(text, "=")
	if !ok || list == "" {
		return fail("expected key=from:to:step, key=from:to (with --lhs) or key=v1,v2,...", "for example --sweep exchange.saving=0:0.9:0.1")
	}
	sw.Key = strings.TrimSpace(path)
	var msg, hint string
	key := sweepKey(sc, sw.Key, func(m, h string) { msg, hint = m, h })
	if key == nil {
		return fail(msg, hint)
	}
	if parts := strings.Split(list, ":"); len(parts) == 3 || len(parts) == 2 {
		nums := make([]float64, len(parts))
		for i, p := range parts {
			x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return fail(fmt.Sprintf("%q is not a number", p), "write from:to:step, such as 0:0.9:0.1 (or from:to for a Latin hypercube)")
			}
			nums[i] = x
		}
		if len(parts) == 3 {
			vals, msg := rangeValues(key, nums[0], nums[1], nums[2])
			if msg != "" {
				return fail(msg, "")
			}
			sw.Values = vals
		} else if msg := checkRange(key, nums[0], nums[1]); msg != "" {
			return fail(msg, "")
		}
		sw.From, sw.To, sw.Ranged = nums[0], nums[1], true
	} else {
		if n := strings.Count(list, ",") + 1; n > maxSweepValues {
			return fail(fmt.Sprintf("%d values; at most %d", n, maxSweepValues), "")
		}
		for _, p := range strings.Split(list, ",") {
			v, msg, hint := key.parse(p)
			if msg != "" {
				return fail(msg, hint)
			}
			sw.Values = append(sw.Values, valueText(key, v))
		}
	}
	names := metrics.Names(sc.Run().Metrics())
	for _, m := range ms {
		if !slices.Contains(names, m) {
			return fail(fmt.Sprintf("unknown metric %q for this model", m), didYouMeanOr(m, names, "metrics are "+quoteList(names)))
		}
	}
	sw.Metrics = ms
	if len(ms) == 0 {
		sw.Metrics = DefaultSweepMetrics(sc.Run().Model)
	}
	return sw, nil
}

// CheckSweepTimes reports sweeps read at a month the run does not reach.
func (s *Scenario) CheckSweepTimes() error {
	var ps Problems
	for i, sw := range s.Sweeps {
		if last := sw.Last(); last > s.Run().Months {
			ps = append(ps, Problem{File: sw.File, Line: sw.line, Key: fmt.Sprintf("sweep[%d].%s", i+1, sw.key),
				Msg:  fmt.Sprintf("the sweep reads month %d but the run lasts %d months", last, s.Run().Months),
				Hint: fmt.Sprintf("run at least %d months", last)})
		}
	}
	return ps.err()
}
