package lang

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"commonwealth/internal/scenario"
)

// asked finds the message ids the program's source asks for by name:
// T("id" …), refusal("id"), the page's {{t "id"}} and its script's words
// {"page_…"}. (Ids chosen in a switch are found as string literals, by
// TestEveryIDIsInEnglish's second half; the metrics' words and units are
// asked for as metric.NAME and unit.NAME.)
var asked = regexp.MustCompile(`(?:\.T\(|refusal\(|\{\{t |\{)"([a-z][a-z0-9_]*)"`)

// literal finds string literals that could be message ids.
var literal = regexp.MustCompile(`"([a-z][a-z0-9_]*)"`)

// sourceIDs returns every id the source under internal/ and cmd/ asks for
// by name, with a file that asks for it, and every literal that could be
// an id.
func sourceIDs(t *testing.T) (ids map[string]string, literals map[string]bool) {
	t.Helper()
	ids, literals = map[string]string{}, map[string]bool{}
	for _, dir := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") ||
				!(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".html")) {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range asked.FindAllStringSubmatch(string(b), -1) {
				if !strings.HasSuffix(path, ".go") || m[0][0] != '{' || strings.HasPrefix(m[1], "page_") {
					ids[m[1]] = path // a Go map literal {"…" is a page's script word only if named page_…
				}
			}
			for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
				literals[m[1]] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return ids, literals
}

// TestEveryIDIsInEnglish checks that English has every message the program
// asks for, and that it has no message nothing asks for.
func TestEveryIDIsInEnglish(t *testing.T) {
	ids, literals := sourceIDs(t)
	if len(ids) < 100 {
		t.Fatalf("found only %d ids in the source: the pattern no longer matches how the code asks for words", len(ids))
	}
	for id, file := range ids {
		if messages["en"][id] == nil {
			t.Errorf("%s asks for %q, which internal/lang/texts/en.toml does not have", file, id)
		}
	}
	for id := range messages["en"] {
		if !literals[id] && !strings.HasPrefix(id, "metric.") && !strings.HasPrefix(id, "unit.") {
			t.Errorf("en.toml has %q, which nothing asks for: remove it", id)
		}
	}
}

// placeholders returns the {{.Name}}s of a text.
func placeholders(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// forms returns a message's non-empty plural forms' texts.
func forms(m *i18n.Message) []string {
	var out []string
	for _, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// lessonTexts are the built-in scenarios' translatable words by id.
func lessonTexts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range scenario.Names() {
		sc, err := scenario.Load(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range Texts(sc) {
			out[x.ID] = x.English
		}
	}
	return out
}

// TestTranslations checks every other language's file against English:
// each id is one English has (or a built-in lesson's word); a translation
// fills in only values the English fills in (or its description names); a lesson's translation
// records the hash of the English it translates as the scenario says it
// now (else it is stale, and unused: translate it again); every message
// has an "other" form.
func TestTranslations(t *testing.T) {
	lessons := lessonTexts(t)
	for _, code := range codes {
		if code == "en" {
			continue
		}
		for id, m := range messages[code] {
			if m.Other == "" {
				t.Errorf("%s.toml: %s has no \"other\" form", code, id)
			}
			if strings.HasPrefix(id, "lesson.") {
				en, ok := lessons[id]
				switch {
				case !ok:
					t.Errorf("%s.toml: %s is no built-in lesson's word (scenario.FIELD as lang.Texts names them)", code, id)
				case m.Hash != Hash(en):
					t.Errorf("%s.toml: %s translates English that its scenario no longer says: translate %q again and set hash = %q", code, id, en, Hash(en))
				}
				continue
			}
			en := messages["en"][id]
			if en == nil {
				t.Errorf("%s.toml: %s is not in en.toml", code, id)
				continue
			}
			want := placeholders(strings.Join(append(forms(en), en.Description), " ")) // the description names values the English leaves out
			for _, f := range forms(m) {
				for _, p := range placeholders(f) {
					if !slices.Contains(want, p) {
						t.Errorf("%s.toml: %s fills in {{.%s}}, which the English does not give (it gives %v)", code, id, p, want)
					}
				}
			}
		}
	}
}

// TestOpen checks that a language is opened by its code in any case, that
// "" is English, and that an unknown code is refused with the languages
// there are.
func TestOpen(t *testing.T) {
	for code, want := range map[string]string{"": "en", "en": "en", "ES": "es", " es ": "es"} {
		b, err := Open(code)
		if err != nil || b.Code() != want {
			t.Errorf("Open(%q) = %v, %v; want %s", code, b, err, want)
		}
	}
	_, err := Open("xx")
	if err == nil || !strings.Contains(err.Error(), `"xx"`) || !strings.Contains(err.Error(), "en, es") {
		t.Errorf("Open(xx): %v", err)
	}
}

// TestT checks filling in, plural forms by the language's rules, the
// fallback to English for a message a language lacks, and that a message
// missing everywhere shows its id.
func TestT(t *testing.T) {
	es, err := Open("es")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		b    *Book
		id   string
		args []any
		want string
	}{
		{English, "join_code", []any{"Code", "K7Q2"}, "Join on a phone: code K7Q2"},
		{es, "join_code", []any{"Code", "K7Q2"}, "Únete con el teléfono: código K7Q2"},
		{English, "data_centres", []any{"Count", 1}, "1 data centre"},
		{English, "data_centres", []any{"Count", 3}, "3 data centres"},
		{es, "data_centres", []any{"Count", 1}, "1 centro de datos"},
		{es, "data_centres", []any{"Count", 2}, "2 centros de datos"},
		{English, "round_window", []any{"Community", 2, "Said", 1, "Count", 1, "Seconds", "9"}, // a plain message given a Count
			"Community 2 decides on a data centre proposed there: 1 of its 1 residents have decided, 9 s left."},
		{English, "no_such_id", nil, "⟦no_such_id⟧"},
	}
	for _, c := range cases {
		if got := c.b.T(c.id, c.args...); got != c.want {
			t.Errorf("%s: T(%s, %v) = %q, want %q", c.b.Code(), c.id, c.args, got, c.want)
		}
	}
	// A language with one message of its own says the rest in English.
	if err := bundle.AddMessages(language.French, &i18n.Message{ID: "menu_title", Other: "Ouvrir un scénario"}); err != nil {
		t.Fatal(err)
	}
	fr := &Book{code: "fr", loc: i18n.NewLocalizer(bundle, "fr")}
	if got := fr.T("menu_title"); got != "Ouvrir un scénario" {
		t.Errorf("fr: %q", got)
	}
	if got, want := fr.T("join_code", "Code", "K7Q2"), English.T("join_code", "Code", "K7Q2"); got != want {
		t.Errorf("fr, which lacks join_code: %q, want the English %q", got, want)
	}
}

// TestTranslate checks a built-in lesson translated into Spanish, its
// scenario's English untouched for other readers, and an edited lesson's
// word left in English.
func TestTranslate(t *testing.T) {
	es, err := Open("es")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Load("ai-is-capital", nil)
	if err != nil {
		t.Fatal(err)
	}
	en := sc.Lesson
	question := en.Question
	sc.Lesson.Watch = "An edited line the translator has not seen."
	done, left := es.Translate(sc)
	if !strings.HasPrefix(sc.Lesson.Question, "Las mismas personas") {
		t.Errorf("the question is not in Spanish: %q", sc.Lesson.Question)
	}
	if en.Question != question {
		t.Errorf("Translate changed the scenario's own lesson: %q", en.Question)
	}
	if sc.Lesson.Watch != "An edited line the translator has not seen." {
		t.Errorf("an edited line was replaced by a translation of what it used to say: %q", sc.Lesson.Watch)
	}
	if done != 6 || left != 1 {
		t.Errorf("translated %d and left %d, want 6 and 1", done, left)
	}
	if d, l := English.Translate(sc); d != 0 || l != 0 {
		t.Errorf("English translated %d and left %d", d, l)
	}
}
