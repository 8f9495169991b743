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
// evidence and, after a robust check (rob not nil), the share of parameter
// sets giving each verdict and the most influential uncertain keys. Cells
// where a number does not apply are empty: no p without a sign test, no
// interval with one, no tolerance but for "within", no margin (by) but
// where the claim has one.
func WriteCSV(w io.Writer, vs []Verdict, rob []Robustness) error {
	cw := csv.NewWriter(w)
	head := []string{"claim", "text", "verdict", "test", "effect", "lo", "hi", "tolerance", "by", "p", "agree", "seeds", "evidence"}
	if rob != nil {
		head = append(head, "robust_sets", "robust_supported", "robust_contradicted", "robust_inconclusive", "most_influential")
	}
	cw.Write(head)
	for i, v := range vs {
		rec := []string{strconv.Itoa(v.Claim.Number), v.Claim.Text, v.Outcome.String(), v.Test,
			num(v.Mean, true), num(v.Lo, !v.Boolean), num(v.Hi, !v.Boolean), num(v.Tol, v.Claim.Op == "within" && !v.Boolean),
			num(v.Claim.By, v.Claim.By != 0), num(v.P, v.Boolean),
			strconv.Itoa(v.Agree), strconv.Itoa(len(v.Values)), v.Evidence}
		if rob != nil {
			r := rob[i]
			rec = append(rec, strconv.Itoa(r.Sets), num(r.Share[Supported], true), num(r.Share[Contradicted], true),
				num(r.Share[Inconclusive], true), r.InfluenceText(len(r.Influence)))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// WriteRobustCSV writes robust.csv in long format: a row per drawn
// parameter set and claim, with the uncertain keys' values, the verdict,
// the effect and its interval.
func WriteRobustCSV(w io.Writer, keys []string, x [][]float64, verdicts [][]Verdict) error {
	cw := csv.NewWriter(w)
	cw.Write(append(append([]string{"set"}, keys...), "claim", "verdict", "effect", "lo", "hi"))
	for s, vs := range verdicts {
		lead := []string{strconv.Itoa(s + 1)}
		for _, v := range x[s] {
			lead = append(lead, strconv.FormatFloat(v, 'g', -1, 64))
		}
		for _, v := range vs {
			cw.Write(append(append(lead[:len(lead):len(lead)], fmt.Sprint(v.Claim.Number), v.Outcome.String()),
				num(v.Mean, true), num(v.Lo, !v.Boolean), num(v.Hi, !v.Boolean)))
		}
	}
	cw.Flush()
	return cw.Error()
}
