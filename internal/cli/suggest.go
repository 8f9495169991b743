package cli

import "github.com/agnivade/levenshtein"

// Closest returns the candidate nearest to s in edit distance, if it is
// near enough to be a likely typo (at most a third of its length, and at
// least 1), or "".
func Closest(s string, candidates []string) string {
	return Within(s, candidates, max(1, len(s)/3))
}

// Within returns the candidate nearest to s in edit distance if it is at
// most d edits away, or "".
func Within(s string, candidates []string, d int) string {
	best, bestD := "", d+1
	for _, c := range candidates {
		if e := levenshtein.ComputeDistance(s, c); e < bestD {
			best, bestD = c, e
		}
	}
	return best
}
