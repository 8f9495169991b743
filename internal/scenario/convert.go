package scenario

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// convert checks a decoded TOML value against the key and returns it typed,
// or a message saying what was expected and a hint.
func (k *Key) convert(raw any) (value, string, string) {
	switch x := raw.(type) {
	case int64:
		switch k.Kind {
		case Int:
			return k.inRange(value{i: x}, float64(x), strconv.FormatInt(x, 10))
		case Float:
			return k.inRange(value{f: float64(x)}, float64(x), strconv.FormatInt(x, 10))
		}
	case float64:
		switch k.Kind {
		case Float:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return value{}, fmt.Sprintf("expected %s (%s), got %v", k.Kind, k.Range(), x), ""
			}
			return k.inRange(value{f: x}, x, num(x))
		case Int:
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				return k.inRange(value{i: int64(x)}, x, num(x))
			}
			return value{}, fmt.Sprintf("expected %s, got %s", k.Kind, num(x)), fmt.Sprintf("write a whole number such as %s", num(math.Round(x)))
		}
	case string:
		if k.Kind == String {
			return k.choose(x)
		}
	case bool:
		if k.Kind == Bool {
			return value{b: x}, "", ""
		}
	}
	return value{}, fmt.Sprintf("expected %s%s, got %s", k.Kind, k.unitNote(), describe(raw)), k.exampleHint()
}

// parse reads a --set value written as text and checks it like convert.
func (k *Key) parse(text string) (value, string, string) {
	t := strings.TrimSpace(text)
	switch k.Kind {
	case Int:
		if i, err := strconv.ParseInt(strings.ReplaceAll(t, "_", ""), 10, 64); err == nil {
			return k.convert(i)
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			return k.convert(f)
		}
	case Float:
		if f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64); err == nil {
			return k.convert(f)
		}
	case String:
		if u, err := strconv.Unquote(t); err == nil {
			t = u
		}
		return k.choose(t)
	case Bool:
		if b, err := strconv.ParseBool(t); err == nil {
			return value{b: b}, "", ""
		}
	}
	return value{}, fmt.Sprintf("expected %s%s, got %q", k.Kind, k.unitNote(), text), k.exampleHint()
}

func (k *Key) inRange(v value, x float64, shown string) (value, string, string) {
	low, high := x < k.Min, x > k.Max || (k.MaxOpen && x >= k.Max)
	if !low && !high {
		if k.check != nil {
			if msg, hint := k.check(v); msg != "" {
				return value{}, msg, hint
			}
		}
		return v, "", ""
	}
	msg := fmt.Sprintf("%s is out of range: expected %s", shown, k.Range())
	if k.Why != "" {
		msg += " (" + k.Why + ")"
	}
	return value{}, msg, ""
}

func (k *Key) choose(s string) (value, string, string) {
	if k.Choices == nil {
		return value{s: s}, "", ""
	}
	for _, c := range k.Choices {
		if s == c {
			return value{s: s}, "", ""
		}
	}
	return value{}, fmt.Sprintf("%q is not allowed: expected %s", s, k.Range()), didYouMean(s, k.Choices)
}

func (k *Key) unitNote() string {
	if k.Unit == "" || k.Kind == String || k.Kind == Bool {
		return ""
	}
	return " (" + k.Unit + ")"
}

func (k *Key) exampleHint() string {
	if k.Default() == "" {
		return ""
	}
	return fmt.Sprintf("for example %s = %s", k.Path, k.Default())
}

// describe names a decoded TOML value's type and shows it, for messages.
func describe(raw any) string {
	switch x := raw.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return "the number " + num(x)
	case bool:
		return fmt.Sprintf("the boolean %t", x)
	case time.Time, toml.LocalDate, toml.LocalDateTime:
		return "a date"
	case toml.LocalTime:
		return "a time of day"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", raw)
}
