package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"commonwealth/internal/lang"
)

// words returns a metric's name in words (its name with spaces for the
// underscores, for a metric the book has no words for: a scenario's own).
func words(tx *lang.Book, metric string) string {
	if id := "metric." + metric; lang.Has(id) {
		return tx.T(id)
	}
	return strings.ReplaceAll(metric, "_", " ")
}

// unit returns a metric's unit in words, or "" for shares (shown as
// percentages), counts and indices.
func unit(tx *lang.Book, metric string) string {
	if id := "unit." + metric; lang.Has(id) {
		return tx.T(id)
	}
	return ""
}

// titled returns a metric's name in words with its unit, if it has one:
// "price of compute (money a unit)".
func titled(tx *lang.Book, metric string) string {
	if u := unit(tx, metric); u != "" {
		return words(tx, metric) + " (" + u + ")"
	}
	return words(tx, metric)
}

// withUnit writes a metric's value with its unit: "3.10 money a unit",
// "2.44 × an even share", "12%".
func withUnit(tx *lang.Book, metric string, v float64) string {
	if u := unit(tx, metric); u != "" {
		return number(metric, v) + " " + u
	}
	return number(metric, v)
}

// percent reports whether a metric reads best as a percentage: shares and
// rates of people or of money, and skill.
func percent(metric string) bool {
	return (strings.HasSuffix(metric, "_share") || strings.HasSuffix(metric, "_rate") || metric == "leisure" || metric == "hours" ||
		metric == "mean_skill" || metric == "skill_wage_loss") &&
		metric != "wage_share" && metric != "labour_share"
}

// number formats a metric's value for the screen; from 10,000 up its
// digits are grouped in threes.
func number(metric string, v float64) string {
	switch {
	case percent(metric) && v != 0 && math.Abs(v) < 0.1:
		return fmt.Sprintf("%.1f%%", 100*v)
	case percent(metric):
		return fmt.Sprintf("%.0f%%", 100*v)
	case v == 0:
		return "0"
	case v >= 10000 || v <= -10000:
		return grouped(int64(math.Round(v)))
	case v >= 100 || v <= -100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10 || v <= -10:
		return fmt.Sprintf("%.1f", v)
	case v > -1 && v < 1:
		return fmt.Sprintf("%.2g", v) // two figures, however small: 0.75, 0.0034
	}
	return fmt.Sprintf("%.2f", v)
}

// grouped writes a whole number with its digits in groups of three:
// 1,234,567.
func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// difference formats a difference of a metric, with its sign.
func difference(tx *lang.Book, metric string, v float64) string {
	s := number(metric, v)
	if percent(metric) {
		s = tx.T("points", "Points", fmt.Sprintf("%.1f", 100*v))
	}
	if v > 0 {
		return "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
}

// span writes the ends of an interval of differences, with their signs,
// the same number of decimals and the unit once: "+0.90 to +2.70 money a
// unit", "−8.0 points to −2.0 points".
func span(tx *lang.Book, metric string, lo, hi float64) string {
	if percent(metric) {
		return tx.T("span", "Low", difference(tx, metric, lo), "High", difference(tx, metric, hi))
	}
	d := max(decimalsShown(lo), decimalsShown(hi))
	end := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', d, 64)
		if v > 0 {
			s = "+" + s
		}
		return strings.Replace(s, "-", "−", 1)
	}
	s := tx.T("span", "Low", end(lo), "High", end(hi))
	if u := unit(tx, metric); u != "" {
		s += " " + u
	}
	return s
}

// decimalsShown is how many decimals number writes v with (a number below
// one with two significant figures, at most six decimals).
func decimalsShown(v float64) int {
	a := math.Abs(v)
	switch {
	case a == 0 || a >= 100:
		return 0
	case a >= 10:
		return 1
	case a >= 1:
		return 2
	}
	return min(6, 1-int(math.Floor(math.Log10(a))))
}

// differenceWithUnit is difference with the metric's unit: "+1.2 money a
// unit", "−3.0 points".
func differenceWithUnit(tx *lang.Book, metric string, v float64) string {
	if u := unit(tx, metric); u != "" {
		return difference(tx, metric, v) + " " + u
	}
	return difference(tx, metric, v)
}

// sliderWord is a live key as a slider's label: what it is, with its unit.
type sliderWord struct {
	key, label string
	hi         float64 // the slider's top, where the key's own range is open-ended
}

// sliderKeys are the live keys the sliders offer, by model: a lesson's
// main levers.
var sliderKeys = map[string][]sliderWord{
	"exchange": {
		{"exchange.saving", "Share of money kept out of each trade", 0.99},
		{"exchange.fraction", "Share of the poorer trader's money at stake", 0},
		{"exchange.redistribution", "Wealth tax shared equally (a month)", 0},
		{"exchange.advantage", "How much the coin favours the rich", 1},
	},
	"capitalism": {
		{"capitalism.wage_min", "Lowest wage (money a month)", 200},
		{"capitalism.wage_max", "Highest wage (money a month)", 200},
	},
	"ai": {
		{"resistance.base", "Chance a community refuses a data centre", 0},
		{"data.dividend", "Share of compute rent paid as a data dividend", 0},
		{"compute.price", "Lowest price of compute (money a unit)", 100},
		{"labour.bargaining", "Workers' bargaining power", 0},
	},
}
