package claims

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// num writes a number in full, or nothing where it does not apply.
func num(x float64, applies bool) string {
	if !applies || math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// WriteCSV writes claims.csv: a row per claim with its verdict and
// evidence (with its margin, by, where it has one), its precondition and
// the seeds where it failed, and, after a robust check (rob not nil), the
// share of parameter sets giving each verdict, apart from them the share
// where the precondition failed, and the most influential uncertain keys
// with their PRCCs' 95% intervals. Cells where a number does not apply are
// empty: no p without a sign test, no interval with one (nor when not
// applicable), no tolerance but for "within", no margin but where the
// claim has one, no count of failed seeds without a precondition.
func WriteCSV(w io.Writer, vs []Verdict, rob []Robustness) error {
	cw := csv.NewWriter(w)
	head := []string{"claim", "text", "verdict", "test", "effect", "lo", "hi", "tolerance", "by", "p", "agree", "seeds", "evidence", "given", "given_failed"}
	if rob != nil {
		head = append(head, "robust_sets", "robust_supported", "robust_contradicted", "robust_inconclusive", "most_influential",
			"robust_not_applicable", "robust_seeds_failed", "robust_judged", "robust_warning")
	}
	cw.Write(head)
	for i, v := range vs {
		rec := []string{strconv.Itoa(v.Claim.Number), v.Claim.Text, v.Outcome.String(), v.Test,
			num(v.Mean, true), num(v.Lo, !v.Boolean), num(v.Hi, !v.Boolean), num(v.Tol, v.Claim.Op == "within" && !v.Boolean),
			num(v.Claim.By, v.Claim.By != 0), num(v.P, v.Boolean),
			strconv.Itoa(v.Agree), strconv.Itoa(len(v.Values)), v.Evidence}
		given := v.Claim.Given != nil
		if given {
			rec = append(rec, v.Claim.Given.Text, strconv.Itoa(v.Failed))
		} else {
			rec = append(rec, "", "")
		}
		if rob != nil {
			r := rob[i]
			rec = append(rec, strconv.Itoa(r.Sets), num(r.Share[Supported], true), num(r.Share[Contradicted], true),
				num(r.Share[Inconclusive], true), r.InfluenceText(len(r.Influence)),
				num(r.Share[NotApplicable], r.Given), num(r.SeedsFailed, r.Given), strconv.Itoa(r.Judged), r.Warning)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteRobustCSV writes robust.csv in long format: a row per drawn
// parameter set and claim, with the uncertain keys' values, the verdict,
// the effect and its interval, and the seeds where the claim's
// precondition failed (empty without one).
func WriteRobustCSV(w io.Writer, keys []string, x [][]float64, verdicts [][]Verdict) error {
	cw := csv.NewWriter(w)
	cw.Write(append(append([]string{"set"}, keys...), "claim", "verdict", "effect", "lo", "hi", "seeds_failed"))
	for s, vs := range verdicts {
		lead := []string{strconv.Itoa(s + 1)}
		for _, v := range x[s] {
			lead = append(lead, strconv.FormatFloat(v, 'g', -1, 64))
		}
		for _, v := range vs {
			failed := ""
			if v.Claim.Given != nil {
				failed = strconv.Itoa(v.Failed)
			}
			cw.Write(append(append(lead[:len(lead):len(lead)], fmt.Sprint(v.Claim.Number), v.Outcome.String()),
				num(v.Mean, true), num(v.Lo, !v.Boolean), num(v.Hi, !v.Boolean), failed))
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteInfluenceCSV writes robust_influence.csv: a row per claim and
// uncertain key with the key's PRCC and its 95% interval (Fisher z, with
// n − 2 − k degrees of freedom: n the sets judged, k the other keys), the
// sets judged, the smallest |PRCC| that differs from none with so many
// sets, and the warning when they are too few.
func WriteInfluenceCSV(w io.Writer, claims []int, rob []Robustness) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"claim", "key", "prcc", "lo", "hi", "sets_judged", "df", "smallest_significant", "warning"})
	for i, r := range rob {
		k := len(r.Influence) - 1
		df := "" // none below 1
		if r.Judged-2-k >= 1 {
			df = strconv.Itoa(r.Judged - 2 - k)
		}
		for _, in := range r.Influence {
			cw.Write([]string{strconv.Itoa(claims[i]), in.Key, num(in.PRCC, true), num(in.Lo, true), num(in.Hi, true),
				strconv.Itoa(r.Judged), df, num(SmallestPRCC(r.Judged, k+1), true), r.Warning})
		}
	}
	cw.Flush()
	return cw.Error()
}
