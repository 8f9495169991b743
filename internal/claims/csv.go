package claims

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// WriteCSV writes claims.csv: a row per claim with its verdict and evidence.
func WriteCSV(w io.Writer, vs []Verdict) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"claim", "text", "verdict", "test", "effect", "lo", "hi", "tolerance", "p", "agree", "seeds", "evidence"})
	// Empty where a number does not apply: no p without a sign test, no
	// interval with one, no tolerance but for "within".
	f := func(x float64, applies bool) string {
		if !applies || math.IsNaN(x) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	for _, v := range vs {
		cw.Write([]string{strconv.Itoa(v.Claim.Number), v.Claim.Text, v.Outcome.String(), v.Test,
			f(v.Mean, true), f(v.Lo, !v.Boolean), f(v.Hi, !v.Boolean), f(v.Tol, v.Claim.Op == "within" && !v.Boolean), f(v.P, v.Boolean),
			strconv.Itoa(v.Agree), strconv.Itoa(len(v.Values)), v.Evidence})
	}
	cw.Flush()
	return cw.Error()
}
