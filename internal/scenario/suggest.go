package scenario

import (
	"fmt"

	"github.com/agnivade/levenshtein"
)

// closest returns the candidate nearest to s in edit distance, if it is
// near enough to be a likely typo (at most a third of its length, and at
// least 1), or "".
func closest(s string, candidates []string) string {
	best, bestD := "", max(1, len(s)/3)+1
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// didYouMean returns a hint naming the closest candidate, or "".
func didYouMean(s string, candidates []string) string {
	if c := closest(s, candidates); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return ""
}
