package ui

import (
	"commonwealth/internal/classroom"
	"commonwealth/internal/lang"
	"commonwealth/internal/scenario"
)

// answerSentences are the answer card's sentences: what a dot is, with
// the band and what the compared worlds were like, and which way the
// worlds went ("" when the question does not apply).
func answerSentences(tx *lang.Book, cl *scenario.Claim, a *classroom.Answer) (dots, way string) {
	what := tx.T("metric_in_arm", "Metric", words(tx, cl.Metric), "Arm", cl.Arm)
	minus, than := tx.T("that_in_arm", "Arm", cl.Compare), tx.T("in_arm", "Arm", cl.Compare)
	if cl.Compare == "" {
		minus, than = withUnit(tx, cl.Metric, cl.Value), withUnit(tx, cl.Metric, cl.Value)
	}
	dots = tx.T("each_dot", "What", what, "Minus", minus)
	counted := len(a.Diff) - a.Failed
	switch {
	case a.Outcome == scenario.NotApplicable:
		return dots + " " + tx.T("not_applicable_line", "Reason", a.Reason, "Applicability", cl.Applicability()) + conditionsLine(tx, a.Conditions), ""
	case cl.Compare == "":
		way = tx.T("way_against_value", "Above", a.Above, "Count", counted, "What", what, "Than", than, "Below", a.Below)
	default:
		way = tx.T("way_against_arm", "Above", a.Above, "Count", counted, "Metric", words(tx, cl.Metric), "Arm", cl.Arm, "Than", than, "Below", a.Below)
	}
	dots += " " + tx.T("band_line", "Span", span(tx, cl.Metric, a.Lo, a.Hi))
	if a.Failed > 0 {
		dots += " " + tx.T("grey_dots", "Reason", a.Reason)
	}
	return dots + conditionsLine(tx, a.Conditions), way
}
