// Package lang holds the words a class reads, in every language the
// program has them in: the window's lesson cards and the phones' page and
// messages (one file a language in texts/, as PhET keeps one strings file
// a language), and the built-in lessons' own words translated from their
// scenario files. English is complete; another language falls back to
// English, message by message, where it has no translation yet.
//
// The files are go-i18n message files: an ID, its text as a Go template
// ({{.Name}}), and plural forms (one, other, …) by the language's CLDR
// rules.
package lang

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"commonwealth/internal/lang/texts"
)

// bundle holds every language's messages, English the default; codes
// are the languages; messages are each language's messages by id, as its
// file holds them.
var bundle, codes, messages = load()

func load() (*i18n.Bundle, []string, map[string]map[string]*i18n.Message) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	cs := texts.Codes()
	ms := map[string]map[string]*i18n.Message{}
	for _, c := range cs {
		mf, err := b.LoadMessageFileFS(texts.Files, c+".toml")
		if err != nil {
			panic(fmt.Sprintf("internal/lang/texts/%s.toml: %v", c, err)) // embedded: any test of lang catches it before a build ships
		}
		ms[c] = map[string]*i18n.Message{}
		for _, m := range mf.Messages {
			ms[c][m.ID] = m
		}
	}
	return b, cs, ms
}

// Codes returns the languages the program has words in, as their codes
// ("en", "es").
func Codes() []string { return slices.Clone(codes) }

// Book is the words of one language.
type Book struct {
	code string
	loc  *i18n.Localizer
}

// English is the book of the program's own language, complete.
var English = &Book{code: "en", loc: i18n.NewLocalizer(bundle, "en")}

// Open returns the book of the language with code ("" for English), or an
// error naming the languages there are.
func Open(code string) (*Book, error) {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" || code == "en" {
		return English, nil
	}
	if !slices.Contains(codes, code) {
		return nil, fmt.Errorf("no words in language %q: the languages are %s (one file each in internal/lang/texts; docs/lessons/languages.md says how to add one)",
			code, strings.Join(codes, ", "))
	}
	return &Book{code: code, loc: i18n.NewLocalizer(bundle, code)}, nil
}

// Code returns the book's language code.
func (b *Book) Code() string { return b.code }

// T returns the message id in the book's language (in English where it has
// no translation yet), filled with args given as name, value pairs:
// T("joined", "Count", 3, "Code", "K7Q2"). A "Count" picks the plural
// form of a message that has them. A message missing from English too is returned as ⟦id⟧ (the tests
// find every id the code asks for in English).
func (b *Book) T(id string, args ...any) string {
	data := make(map[string]any, len(args)/2)
	var count any
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		data[name] = args[i+1]
		if name == "Count" && (plural(messages[b.code][id]) || plural(messages["en"][id])) {
			count = args[i+1]
		}
	}
	s, err := b.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	var missing *i18n.MessageNotFoundErr
	if err != nil && !(errors.As(err, &missing) && s != "") {
		return "⟦" + id + "⟧"
	}
	return s
}

// plural reports whether a message has plural forms (not only "other").
func plural(m *i18n.Message) bool {
	return m != nil && (m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "")
}

// Has reports whether English has a message id.
func Has(id string) bool { return messages["en"][id] != nil }

// Counts says how many chose each answer: "3 commons, 2 private, 0 no
// clear difference".
func (b *Book) Counts(answers []string, counts []int) string {
	parts := make([]string, len(counts))
	for i, n := range counts {
		parts[i] = b.T("count_answer", "Count", n, "Answer", answers[i])
	}
	return strings.Join(parts, ", ")
}
