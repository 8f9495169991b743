package scenario

import (
	"fmt"
	"slices"
)

// block reads one [[NAME]] block, reporting problems at the line of the key
// they are about.
type block struct {
	l *loader
	b *blocks
	i int            // which block
	t map[string]any // its keys
}

func (set *blocks) block(l *loader, i int) block {
	return block{l: l, b: set, i: i, t: set.tables[i]}
}

// where returns the line of key in the block (or of the block's header) and
// the key as shown in messages.
func (r block) where(key string) (int, string) {
	name := fmt.Sprintf("%s[%d]", r.b.name, r.i+1)
	if r.b.single {
		name = r.b.name
	}
	if line, ok := r.b.lines[r.i][key]; ok {
		return line, name + "." + key
	}
	return r.b.starts[r.i], name
}

func (r block) bad(key, msg, hint string) {
	line, shown := r.where(key)
	r.l.add(line, shown, msg, hint)
}

func (r block) has(key string) bool {
	_, ok := r.t[key]
	return ok
}

// str reads a string key; it reports a value of another type.
func (r block) str(key string, dst *string) bool {
	v, ok := r.t[key]
	if !ok {
		return false
	}
	s, isStr := v.(string)
	if !isStr {
		r.bad(key, "expected a string, got "+describe(v), "write it in double quotes")
		return false
	}
	*dst = s
	return true
}

// num reads a number key; it reports a value of another type.
func (r block) num(key string, dst *float64) bool {
	switch v := r.t[key].(type) {
	case nil:
		return false
	case int64:
		*dst = float64(v)
	case float64:
		*dst = v
	default:
		r.bad(key, "expected a number, got "+describe(v), "")
		return false
	}
	return true
}

// boolean reads a true/false key; it reports a value of another type.
func (r block) boolean(key string, dst *bool) bool {
	v, ok := r.t[key]
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		r.bad(key, "expected true or false, got "+describe(v), "")
		return false
	}
	*dst = b
	return true
}

// onlyKeys reports the keys of the block not in allowed.
func (r block) onlyKeys(allowed []string) {
	for _, k := range sortedKeys(r.t) {
		if !slices.Contains(allowed, k) {
			r.bad(k, "unknown key of a "+r.b.name, didYouMeanOr(k, allowed, r.b.name+" keys are "+quoteList(allowed)))
		}
	}
}

// window reads `month = N` (when oneMonth allows it) or `window = [first,
// last]` into m. Whether they fall within the run is checked when the
// results are judged, since --months may shorten a run.
func (r block) window(m *Moment, oneMonth bool) {
	m.Month = -1
	if v, ok := r.t["month"]; ok {
		n, isInt := v.(int64)
		if !oneMonth {
			r.bad("month", "a single month is noise (one run's Gini moves by ±0.05 from month to month); judge the mean over a window of months",
				"for example window = [480, 600]; without a window the claim reads the mean of the last 12 months")
		} else if !isInt || n < 0 {
			r.bad("month", fmt.Sprintf("expected a month number (0 is the start), got %v", v), "")
		} else {
			m.Month = int(n)
		}
	}
	if v, ok := r.t["window"]; ok {
		w, isArr := v.([]any)
		var from, to int64
		good := isArr && len(w) == 2
		if good {
			from, good = w[0].(int64)
			if good {
				to, good = w[1].(int64)
			}
		}
		if !good || from < 0 || to <= from {
			r.bad("window", fmt.Sprintf("expected [first, last] months with 0 ≤ first < last, got %v", v), "for example window = [600, 1200]")
			return
		}
		if m.Month >= 0 {
			r.bad("window", "one month or one window, not both", "")
		}
		m.From, m.To = int(from), int(to)
	}
	if m.Month >= 0 || m.To > 0 {
		m.key = "window"
		if m.Month >= 0 {
			m.key = "month"
		}
		m.line, _ = r.where(m.key)
	}
}

// Moment is when a claim or a sweep reads a metric: at one month (sweeps
// only), as the mean over a window of months, or, by default, as the mean
// over the last EndMonths months.
type Moment struct {
	Month    int // -1 unless at one month
	From, To int // the window, when To > 0
	key      string
	line     int
}

// When describes the moment, for messages and plots.
func (m Moment) When() string {
	switch {
	case m.To > 0:
		return fmt.Sprintf("mean over months %d–%d", m.From, m.To)
	case m.Month >= 0:
		return fmt.Sprintf("at month %d", m.Month)
	}
	return fmt.Sprintf("mean over the last %d months", EndMonths)
}

// EndMonths is how many months the default moment averages: the last year
// of a run, since a single month of a single run is noise.
const EndMonths = 12

// Rows returns the rows [from, to) of a run's n rows (month 0, then each
// month) that the moment reads: one month, a window's months, or the last
// EndMonths months (all the months after the start in a shorter run).
func (m Moment) Rows(n int) (from, to int) {
	switch {
	case m.To > 0:
		return m.From, m.To + 1
	case m.Month >= 0:
		return m.Month, m.Month + 1
	}
	return max(n-EndMonths, min(1, n-1)), n
}

// Last returns the last month the moment needs, or -1 for the end.
func (m Moment) Last() int { return max(m.Month, m.To) }
