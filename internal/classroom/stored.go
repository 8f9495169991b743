package classroom

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"commonwealth/internal/scenario"
)

// answersJSON holds the built-in lessons' answers, computed ahead
// (`go test ./internal/classroom -run TestStoredAnswers -args -regen`) so that a
// browser, which computes an answer over every seed far slower than a
// desktop, shows it as soon as the run ends. TestStoredAnswers checks each
// against `headless check` on the scenario as written; a scenario edited
// or loaded with --set has another key, and its answer is computed.
//
//go:embed answers.json
var answersJSON []byte

// storedAnswer is what is kept of an answer: the values seed by seed,
// from which the rest is judged again. Numbers are kept as Go writes them
// ('g', shortest), so that NaN and the exact bits survive.
type storedAnswer struct {
	Key        string            `json:"key"` // answerKey of the scenario it answers
	Seeds      []uint64          `json:"seeds"`
	Arm        []string          `json:"arm"`
	Ref        []string          `json:"ref"`
	Passed     []bool            `json:"passed,omitempty"`
	Reason     string            `json:"reason,omitempty"`
	Conditions []storedCondition `json:"conditions,omitempty"`
}

// storedCondition is a scenario.Condition as kept.
type storedCondition struct {
	Metric, Arm string
	Mean        string
}

// answerKey identifies a scenario as written: its text and the --set
// flags applied.
func answerKey(sc *scenario.Scenario) string {
	h := sha256.Sum256([]byte(sc.Source + "\x00" + strings.Join(sc.Sets, "\x00")))
	return hex.EncodeToString(h[:16])
}

// storedAnswers returns the answers kept, by scenario name.
func storedAnswers() map[string]storedAnswer {
	m := map[string]storedAnswer{}
	json.Unmarshal(answersJSON, &m) // checked by TestStoredAnswers
	return m
}

// stored returns the answer kept for sc, or nil when none is kept for it
// as it is.
func stored(sc *scenario.Scenario) *Answer {
	s, ok := storedAnswers()[sc.Name]
	c := sc.LessonClaim()
	if !ok || c == nil || s.Key != answerKey(sc) || len(s.Arm) != len(s.Seeds) || len(s.Ref) != len(s.Seeds) {
		return nil
	}
	a := &Answer{Claim: c, Seeds: s.Seeds, Arm: floats(s.Arm), Ref: floats(s.Ref), Passed: s.Passed, Reason: s.Reason}
	for _, k := range s.Conditions {
		a.Conditions = append(a.Conditions, scenario.Condition{Metric: k.Metric, Arm: k.Arm, Mean: float(k.Mean)})
	}
	a.judge()
	return a
}

// keep returns what is kept of a, the answer of sc.
func keep(sc *scenario.Scenario, a *Answer) storedAnswer {
	s := storedAnswer{Key: answerKey(sc), Seeds: a.Seeds, Arm: texts(a.Arm), Ref: texts(a.Ref), Passed: a.Passed, Reason: a.Reason}
	for _, k := range a.Conditions {
		s.Conditions = append(s.Conditions, storedCondition{k.Metric, k.Arm, strconv.FormatFloat(k.Mean, 'g', -1, 64)})
	}
	return s
}

func texts(xs []float64) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return out
}

func floats(ss []string) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = float(s)
	}
	return out
}

// float reads a number as kept (NaN for one that is not).
func float(s string) float64 {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return x
}
