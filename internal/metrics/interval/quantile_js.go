//go:build js

package interval

// tQuantile is Student's t distribution's p quantile with df degrees of
// freedom: gonum's own values for the 95% interval up to len(t975) degrees
// of freedom (every built-in scenario's seeds), and otherwise the
// Cornish–Fisher expansion, within 1e-9 of gonum's beyond that.
func tQuantile(p float64, df int) float64 {
	if p == 0.975 && df >= 1 && df <= len(t975) {
		return t975[df-1]
	}
	return cornishFisher(p, df)
}
