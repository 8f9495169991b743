package claims

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"commonwealth/internal/scenario"
)

// Expected is the verdict a file expects for one of a scenario's claims.
type Expected struct {
	Number  int     // the claim's place among the scenario's claims, from 1
	Outcome Outcome // the verdict expected
	Text    string  // the claim's sentence as the file gives it, or ""
	Line    int     // the file's line
}

// expectLine matches a line giving a verdict: a lesson page's
// "- SUPPORTED — text", check's own " 1. SUPPORTED     text", or a bare
// "INCONCLUSIVE".
var expectLine = regexp.MustCompile(`^\s*(?:[-*]\s+|(\d+)[.)]\s+)?(SUPPORTED|CONTRADICTED|INCONCLUSIVE|NOT APPLICABLE)(?:\s+(?:[—–-]\s+)?(.*))?$`)

// ParseExpected reads expected verdicts from a file's text. Each line whose
// first word, after an optional "-", "*" or claim number ("3."), is
// SUPPORTED, CONTRADICTED, INCONCLUSIVE or NOT APPLICABLE gives the
// verdict of a claim:
// the numbered claim, or else the claim after the previous line's; the
// rest of the line, when there is any, is the claim's sentence. Every
// other line is ignored, so a lesson's page (docs/lessons/NAME.md) and the
// output of `headless check` can both serve.
func ParseExpected(file string, text []byte) ([]Expected, error) {
	var es []Expected
	next := 1
	sc := bufio.NewScanner(bytes.NewReader(text))
	for line := 1; sc.Scan(); line++ {
		m := expectLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		e := Expected{Number: next, Text: oneLine(m[3]), Line: line}
		if m[1] != "" {
			e.Number, _ = strconv.Atoi(m[1])
		}
		for _, o := range []Outcome{Inconclusive, Supported, Contradicted, NotApplicable} {
			if o.String() == m[2] {
				e.Outcome = o
			}
		}
		for _, prev := range es {
			if prev.Number == e.Number {
				return nil, fmt.Errorf("%s:%d: a second verdict for claim %d (the first is on line %d)", file, line, e.Number, prev.Line)
			}
		}
		es = append(es, e)
		next = e.Number + 1
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(es) == 0 {
		return nil, fmt.Errorf("%s: no expected verdicts: expected lines such as \"- SUPPORTED — the claim's text\" or \"2. INCONCLUSIVE\"", file)
	}
	return es, nil
}

// ReadExpected reads a file of expected verdicts (ParseExpected).
func ReadExpected(file string) ([]Expected, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return ParseExpected(file, text)
}

// CheckExpected reports, before anything runs, expectations that do not fit
// the scenario: a claim it does not have, a sentence that is not the
// claim's, a claim with no expected verdict. file names the file of
// expectations in the messages.
func CheckExpected(file string, es []Expected, sc *scenario.Scenario) error {
	var errs []error
	has := map[int]bool{}
	for _, e := range es {
		has[e.Number] = true
		c := claimNumbered(sc, e.Number)
		switch {
		case c == nil && !leftOut(sc, e.Number):
			errs = append(errs, fmt.Errorf("%s:%d: a verdict for claim %d, but %s has no claim %d", file, e.Line, e.Number, sc.Name, e.Number))
		case c != nil && e.Text != "" && e.Text != oneLine(c.Text):
			errs = append(errs, fmt.Errorf("%s:%d: claim %d is %q in %s, not %q", file, e.Line, e.Number, oneLine(c.Text), sc.Name, e.Text))
		}
	}
	for _, c := range sc.Claims {
		if !has[c.Number] {
			errs = append(errs, fmt.Errorf("%s: no expected verdict for claim %d (%q)", file, c.Number, oneLine(c.Text)))
		}
	}
	return errors.Join(errs...)
}

// Unexpected lists, one line each, the verdicts that differ from what es
// expects.
func Unexpected(vs []Verdict, es []Expected) []string {
	want := map[int]Outcome{}
	for _, e := range es {
		want[e.Number] = e.Outcome
	}
	var lines []string
	for _, v := range vs {
		if w, ok := want[v.Claim.Number]; !ok || w != v.Outcome {
			lines = append(lines, fmt.Sprintf("claim %d: %s, expected %s: %s", v.Claim.Number, v.Outcome, w, oneLine(v.Claim.Text)))
		}
	}
	return lines
}

// claimNumbered returns the scenario's claim with that number, or nil
// (left out by --arm, or no such claim).
func claimNumbered(sc *scenario.Scenario, n int) *scenario.Claim {
	for i := range sc.Claims {
		if sc.Claims[i].Number == n {
			return &sc.Claims[i]
		}
	}
	return nil
}

// leftOut reports whether --arm left out the claim numbered n (the
// scenario says so in a note).
func leftOut(sc *scenario.Scenario, n int) bool {
	for _, note := range sc.Notes {
		if strings.Contains(note, fmt.Sprintf(": claim %d is about arm ", n)) {
			return true
		}
	}
	return false
}

// oneLine collapses runs of white space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
