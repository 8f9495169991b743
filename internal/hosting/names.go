package hosting

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxMarks is how many combining marks may follow one another in a
// nickname: enough for any script's vowel signs and an emoji's modifiers,
// not for a pile that writes over the lines around it.
const maxMarks = 4

// cleanName checks a nickname and returns it tidied (spaces of any kind
// made one space, trimmed, in Unicode's composed form). A nickname may be
// written in any script: letters of any language with their combining
// marks, digits, spaces, apostrophes (' and ’), hyphens, underscores,
// full stops, middle dots and emoji (with their skin tones, joiners and
// variation selectors). It may not hold control characters, characters
// that change the direction of text (such as U+202E) or other invisible
// formatting, except the zero-width joiners some scripts and emoji need.
func cleanName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", errName
	}
	name = norm.NFC.String(strings.Join(strings.Fields(name), " "))
	if name == "" || utf8.RuneCountInString(name) > MaxName {
		return "", errName
	}
	marks, visible := 0, false
	for _, r := range name {
		switch {
		case unicode.IsMark(r):
			if marks++; marks > maxMarks {
				return "", errName
			}
			continue
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.So, r), isSkinTone(r):
			visible = true
		case r == ' ', strings.ContainsRune("-_.'’·", r), r == '\u200c', r == '\u200d': // ZWNJ and ZWJ
		default:
			return "", errName // controls, direction and other format characters, symbols of markup
		}
		marks = 0
	}
	if !visible {
		return "", errName
	}
	return name, nil
}

// isSkinTone reports the emoji modifiers (Fitzpatrick types 1–6), the only
// modifier symbols a nickname takes.
func isSkinTone(r rune) bool { return r >= 0x1f3fb && r <= 0x1f3ff }
