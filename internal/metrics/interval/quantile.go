//go:build !js

package interval

import "gonum.org/v1/gonum/stat/distuv"

// tQuantile is Student's t distribution's p quantile with df degrees of
// freedom.
func tQuantile(p float64, df int) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(p)
}
