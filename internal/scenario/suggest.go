package scenario

import (
	"fmt"

	"commonwealth/internal/cli"
)

// closest returns the candidate nearest to s, if it is a likely typo, or
// "" (cli.Closest).
func closest(s string, candidates []string) string { return cli.Closest(s, candidates) }

// didYouMean returns a hint naming the closest candidate, or "".
func didYouMean(s string, candidates []string) string {
	if c := closest(s, candidates); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return ""
}
