package interval

import "math"

// cornishFisher approximates Student's t p quantile with df degrees of
// freedom by the Cornish–Fisher expansion about the normal quantile
// (Abramowitz and Stegun 26.7.5), to the fourth power of 1/df: for the
// browser build, beyond the table of gonum's values.
func cornishFisher(p float64, df int) float64 {
	z := math.Sqrt2 * math.Erfinv(2*p-1)
	z2 := z * z
	nu := float64(df)
	g1 := z * (z2 + 1) / 4
	g2 := z * ((5*z2+16)*z2 + 3) / 96
	g3 := z * (((3*z2+19)*z2+17)*z2 - 15) / 384
	g4 := z * ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) / 92160
	return z + g1/nu + g2/(nu*nu) + g3/(nu*nu*nu) + g4/(nu*nu*nu*nu)
}
