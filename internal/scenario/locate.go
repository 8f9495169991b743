package scenario

import (
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// lineIndex finds the line of each key of a TOML document. The toml package
// reports keys in document order but not where they are, so lineIndex walks
// the lines forward, matching each key's last part where a key can stand (at
// the start of a line, after a dot, a brace or a comma, or in a table header)
// and never inside a multi-line string or a comment.
type lineIndex struct {
	lines  []string // with comments and multi-line string bodies blanked
	cursor int
}

func newLineIndex(src string) *lineIndex {
	lines := strings.Split(src, "\n")
	inString := ""
	for i, l := range lines {
		if inString != "" {
			if j := strings.Index(l, inString); j >= 0 {
				l, inString = strings.Repeat(" ", j+3)+l[j+3:], ""
			} else {
				lines[i] = ""
				continue
			}
		}
		for _, q := range []string{`"""`, `'''`} {
			if j := strings.Index(l, q); j >= 0 && !strings.Contains(l[j+3:], q) {
				l, inString = l[:j], q
				break
			}
		}
		if j := strings.IndexByte(l, '#'); j >= 0 && !strings.ContainsAny(l[:j], `"'`) {
			l = l[:j]
		}
		lines[i] = blankValues(l)
	}
	return &lineIndex{lines: lines}
}

// quoted matches a one-line TOML string.
var quoted = regexp.MustCompile(`"(\\.|[^"\\])*"|'[^']*'`)

// blankValues blanks the strings after a line's first '=', so that text in a
// value is never taken for a key.
func blankValues(l string) string {
	eq := strings.IndexByte(l, '=')
	if eq < 0 {
		return l
	}
	return l[:eq] + quoted.ReplaceAllStringFunc(l[eq:], func(q string) string { return strings.Repeat(" ", len(q)) })
}

// next returns the 1-based line of key, the next key in document order, or 0.
func (x *lineIndex) next(key toml.Key) int {
	last := regexp.QuoteMeta(key[len(key)-1])
	pat := regexp.MustCompile(`(^|[\s.{,\[])["']?` + last + `["']?\s*(=|\.|\]|$)`)
	for i := x.cursor; i < len(x.lines); i++ {
		if pat.MatchString(x.lines[i]) {
			x.cursor = i
			return i + 1
		}
	}
	return 0
}
