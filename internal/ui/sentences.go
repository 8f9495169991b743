package ui

import (
	"fmt"

	"commonwealth/internal/classroom"
	"commonwealth/internal/scenario"
)

// answerSentences are the answer card's sentences: what a dot is, with
// the band and what the compared worlds were like, and which way the
// worlds went ("" when the question does not apply).
func answerSentences(cl *scenario.Claim, a *classroom.Answer) (dots, way string) {
	what := fmt.Sprintf("the %s in “%s”", words(cl.Metric), cl.Arm)
	minus, than := "that in “"+cl.Compare+"”", "in “"+cl.Compare+"”"
	if cl.Compare == "" {
		minus, than = withUnit(cl.Metric, cl.Value), withUnit(cl.Metric, cl.Value)
	}
	dots = fmt.Sprintf("Each dot is one world: %s minus %s.", what, minus)
	switch {
	case a.Outcome == scenario.NotApplicable:
		return fmt.Sprintf("%s The white line is no difference. Not applicable: %s, and %s.%s", dots, a.Reason, cl.Applicability(), conditionsLine(a.Conditions)), ""
	case cl.Compare == "":
		way = fmt.Sprintf("In %d of %d worlds %s ended above %s; in %d, below.", a.Above, len(a.Diff)-a.Failed, what, than, a.Below)
	default:
		way = fmt.Sprintf("In %d of %d worlds the %s ended higher in “%s” than %s; in %d, lower.", a.Above, len(a.Diff)-a.Failed, words(cl.Metric), cl.Arm, than, a.Below)
	}
	dots += fmt.Sprintf(" The white line is no difference; the band is the mean's 95%% interval, %s.", span(cl.Metric, a.Lo, a.Hi))
	if a.Failed > 0 {
		dots += fmt.Sprintf(" Grey dots: %s; they are not counted.", a.Reason)
	}
	return dots + conditionsLine(a.Conditions), way
}
