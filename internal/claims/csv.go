package claims

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCSV writes claims.csv: a row per claim with its verdict and evidence.
func WriteCSV(w io.Writer, vs []Verdict) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"claim", "text", "supported", "mean", "lo", "hi", "p", "agree", "seeds", "evidence"})
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for i, v := range vs {
		cw.Write([]string{strconv.Itoa(i + 1), v.Claim.Text, strconv.FormatBool(v.Supported),
			f(v.Mean), f(v.Lo), f(v.Hi), f(v.P), strconv.Itoa(v.Agree), strconv.Itoa(len(v.Values)), v.Evidence})
	}
	cw.Flush()
	return cw.Error()
}
