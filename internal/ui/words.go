package ui

import (
	"fmt"
	"math"
	"strings"
)

// metricWords are the metrics the window shows, in words a class reads.
var metricWords = map[string]string{
	"gini_wealth":              "Gini of wealth",
	"top10_share":              "richest tenth's share",
	"bottom50_share":           "poorest half's share",
	"richest_share":            "richest person's share",
	"broke_share":              "people with nothing",
	"workers_share":            "workers",
	"capitalists_share":        "capitalists",
	"unemployed_share":         "unemployed",
	"wage_share":               "wage share",
	"largest_firm_share":       "largest firm",
	"automation_units":         "machines at work",
	"automation_share":         "work done by machines",
	"compute_price":            "price of compute",
	"compute_capacity":         "compute capacity",
	"datacenters_blocked":      "proposals refused",
	"output":                   "goods a person",
	"consumption":              "consumption",
	"labour_share":             "labour share",
	"data_dividend_paid":       "data dividend paid",
	"data_value_appropriated":  "rent to private owners",
	"commons_fund":             "commons fund",
	"commons_paid":             "paid by the commons",
	"poverty_rate":             "in poverty",
	"hours":                    "hours worked",
	"leisure":                  "free time",
	"effort":                   "effort",
	"skill_wage_loss":          "pay lost to deskilling",
	"burden_bottom20_share":    "poorest fifth's burden",
	"poorest_community_wealth": "poorest community",
	"burden_gap":               "burden gap",
	"mean_skill":               "skill",
}

// words returns a metric's name in words.
func words(metric string) string {
	if w, ok := metricWords[metric]; ok {
		return w
	}
	return strings.ReplaceAll(metric, "_", " ")
}

// percent reports whether a metric reads best as a percentage: shares and
// rates of people or of money.
func percent(metric string) bool {
	return (strings.HasSuffix(metric, "_share") || strings.HasSuffix(metric, "_rate") || metric == "leisure" || metric == "hours") &&
		metric != "wage_share" && metric != "labour_share"
}

// number formats a metric's value for the screen.
func number(metric string, v float64) string {
	switch {
	case percent(metric) && v != 0 && math.Abs(v) < 0.1:
		return fmt.Sprintf("%.1f%%", 100*v)
	case percent(metric):
		return fmt.Sprintf("%.0f%%", 100*v)
	case v == 0:
		return "0"
	case v >= 100 || v <= -100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10 || v <= -10:
		return fmt.Sprintf("%.1f", v)
	case v > -1 && v < 1:
		return fmt.Sprintf("%.2g", v) // two figures, however small: 0.75, 0.0034
	}
	return fmt.Sprintf("%.2f", v)
}

// difference formats a difference of a metric, with its sign.
func difference(metric string, v float64) string {
	s := number(metric, v)
	if percent(metric) {
		s = fmt.Sprintf("%.1f points", 100*v)
	}
	if v > 0 {
		return "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
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
