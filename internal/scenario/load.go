package scenario

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"commonwealth/internal/economy"
)

const (
	armTable       = "arm"
	claimTable     = "claim"
	sweepTable     = "sweep"
	eventTable     = "event"
	uncertainTable = "uncertain"
	metricTable    = "metric"
	lessonTable    = "lesson"
	classTable     = "participation"
)

// Parse reads a scenario from src, named file in messages, applies the --set
// flags sets ("path=value") to every arm, and checks everything. On failure
// the error is Problems, listing every problem found.
func Parse(file string, src []byte, sets []string) (*Scenario, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, Problems{{File: file, Msg: "the file is empty", Hint: "a scenario sets at least `model`; `headless list` shows the built-in ones to copy"}}
	}
	doc, err := readDocument(file, src)
	if err != nil {
		return nil, err
	}
	l := &loader{file: file, doc: doc.values, keys: doc.keys, sets: sets}
	sc := &Scenario{
		Name:   strings.TrimSuffix(filepath.Base(strings.TrimPrefix(file, "embedded:")), ".toml"),
		File:   file,
		Source: string(src),
		Sets:   sets,
		Base:   Defaults(),
	}
	l.walk(sc)
	l.applySets(sc, l.selectArms(sc, sets))
	if len(sc.Arms) == 0 {
		sc.Arms = []Arm{{Name: sc.Name, Settings: sc.Base}}
	}
	for i := range sc.Arms {
		l.checkWhole(sc, i)
	}
	l.metrics.check(sc)
	l.claims.check(sc)
	l.sweeps.check(sc)
	l.events.check(sc)
	l.metrics.checkMoments(sc)
	l.uncertain.check(sc)
	l.lesson.check(sc)
	l.class.check(sc)
	if err := l.problems.sorted().err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// loader holds the state of one Parse.
type loader struct {
	file      string
	doc       map[string]any
	keys      []docKey
	sets      []string // the --set flags
	dropped   []string // the arms the --arm flags leave out
	problems  Problems
	keyLine   map[string]int // line of each key set, by displayed path
	claims    claimLoader
	sweeps    sweepLoader
	events    eventLoader
	uncertain uncertainLoader
	metrics   metricLoader
	lesson    lessonLoader
	class     participationLoader
}

// hint returns the suggestion for path, or "" once there are more
// problems than an error shows several times over: a file of 99,000
// unknown keys must not spend seconds on suggestions nobody sees.
func (l *loader) hint(suggest func(string) string, path string) string {
	if len(l.problems) >= 4*MaxShown {
		return ""
	}
	return suggest(path)
}

func (l *loader) add(line int, key, msg, hint string) {
	l.problems = append(l.problems, Problem{File: l.file, Line: line, Key: key, Msg: msg, Hint: hint})
}

// walk applies every key of the document, in document order.
func (l *loader) walk(sc *Scenario) {
	l.keyLine = map[string]int{}
	l.claims.l, l.claims.name = l, claimTable
	l.sweeps.l, l.sweeps.name = l, sweepTable
	l.events.l, l.events.name = l, eventTable
	l.uncertain.l, l.uncertain.name = l, uncertainTable
	l.metrics.l, l.metrics.name = l, metricTable
	l.lesson.l, l.lesson.name, l.lesson.single = l, lessonTable, true
	l.class.l, l.class.name, l.class.single = l, classTable, true
	arm := -1
	badTables := map[string]bool{} // tables whose keys are not read: their problem is reported once
	for _, dk := range l.keys {
		k, typ, line := dk.path, dk.kind, dk.line
		path := strings.Join(k, ".")
		if underBad(badTables, k) {
			continue
		}
		if t := l.table(k[0]); t != nil {
			if !t.key(l, k, typ, line) {
				badTables[k[0]] = true
			}
			continue
		}
		if b := l.blockSet(k[0]); b != nil {
			if !l.blockKey(b, k, typ, line) {
				badTables[k[0]] = true
			}
			continue
		}
		if k[0] == armTable {
			if len(k) == 1 {
				if typ != kindBlock {
					l.add(line, armTable, "expected [[arm]] blocks (an array of tables), got "+describe(l.doc[armTable]), "write each arm as a block starting with the line [[arm]]")
					badTables[armTable] = true
					continue
				}
				if arm+1 == MaxArms {
					l.add(line, armTable, fmt.Sprintf("more than %d arms", MaxArms), "compare fewer worlds at once; a sweep varies one key over many values")
					badTables[armTable] = true
					continue
				}
				arm++
				sc.Arms = append(sc.Arms, Arm{Name: fmt.Sprintf("arm %d", arm+1)})
				l.keyLine[fmt.Sprintf("arm[%d]", arm)] = line
				continue
			}
			if bad := l.armKey(sc, arm, k[1:], typ, line); bad != "" {
				badTables["arm."+bad] = true
			}
			continue
		}
		if typ == kindTable && lookup(path) != nil {
			badTables[path] = true // a table where a value belongs: report it once, below
		} else if typ == kindTable {
			if !isTable(path) {
				l.add(line, path, "unknown table", l.hint(tableHint, path))
				badTables[path] = true
			}
			continue
		}
		raw := dig(l.doc, k)
		l.keyLine[path] = line
		switch path {
		case "name":
			l.text(line, path, raw, &sc.Name)
		case "description":
			l.text(line, path, raw, &sc.Description)
		case "stop_when":
			l.text(line, path, raw, &l.metrics.stopWhen)
			l.metrics.stopLine = line
		default:
			l.set(line, path, path, raw, &sc.Base)
		}
	}
	l.finishArms(sc)
}

// underBad reports whether the key k lies inside one of the bad tables:
// a lookup per prefix (keys have at most MaxKeyParts parts), not a scan of
// every bad table for every key.
func underBad(bad map[string]bool, k []string) bool {
	if len(bad) == 0 {
		return false
	}
	prefix := k[0]
	for _, part := range k[1:] {
		if bad[prefix] {
			return true
		}
		prefix += "." + part
	}
	return false
}

// blocks are the [[NAME]] tables of a document (claims, sweeps), with the
// line of each block and of each of its keys.
type blocks struct {
	name   string
	single bool // one [NAME] table, not [[NAME]] blocks
	tables []map[string]any
	starts []int
	lines  []map[string]int
}

// blockSet returns the blocks a top-level name collects, or nil.
func (l *loader) blockSet(name string) *blocks {
	switch name {
	case claimTable:
		return &l.claims.blocks
	case sweepTable:
		return &l.sweeps.blocks
	case eventTable:
		return &l.events.blocks
	case uncertainTable:
		return &l.uncertain.blocks
	case metricTable:
		return &l.metrics.blocks
	}
	return nil
}

// blockKey records a key of a [[NAME]] block; it returns false when NAME is
// not an array of tables.
func (l *loader) blockKey(b *blocks, k []string, typ keyKind, line int) bool {
	if len(k) == 1 {
		if typ != kindBlock {
			l.add(line, b.name, fmt.Sprintf("expected [[%s]] blocks (an array of tables), got %s", b.name, describe(l.doc[b.name])),
				fmt.Sprintf("write each one as a block starting with the line [[%s]]", b.name))
			return false
		}
		if len(b.starts) == MaxBlocks {
			l.add(line, b.name, fmt.Sprintf("more than %d [[%s]] blocks", MaxBlocks, b.name), "")
			return false
		}
		if b.tables == nil { // the document is decoded already: every block is there
			b.tables = tablesOf(l.doc[b.name])
		}
		b.starts = append(b.starts, line)
		b.lines = append(b.lines, map[string]int{})
		return true
	}
	b.lines[len(b.starts)-1][strings.Join(k[1:], ".")] = line
	return true
}

// armKey applies one key found inside the arm'th [[arm]] block and returns
// the table it names when that table is unknown.
func (l *loader) armKey(sc *Scenario, arm int, k []string, typ keyKind, line int) string {
	path := strings.Join(k, ".")
	shown := fmt.Sprintf("arm[%d].%s", arm+1, path)
	if typ == kindTable && lookup(path) == nil {
		if !isTable(path) {
			l.add(line, shown, "unknown table", l.hint(tableHint, path))
			return path
		}
		return ""
	}
	a := &sc.Arms[arm]
	raw := dig(tablesOf(l.doc[armTable])[arm], k)
	if path == "name" {
		l.text(line, shown, raw, &a.Name)
		return ""
	}
	if key := lookup(path); key != nil && key.Shared {
		l.add(line, shown, "cannot differ between arms: arms are the same people over the same months", fmt.Sprintf("set %s once, above the first [[arm]]", path))
		return ""
	}
	a.Overrides = append(a.Overrides, path)
	l.keyLine[shown] = line
	return ""
}

// finishArms builds each arm's settings from the base and its overrides, and
// checks that arm names are unique.
func (l *loader) finishArms(sc *Scenario) {
	seen := map[string]int{}
	for i := range sc.Arms {
		a := &sc.Arms[i]
		a.Settings = sc.Base
		for _, path := range a.Overrides {
			k := []string(strings.Split(path, "."))
			shown := fmt.Sprintf("arm[%d].%s", i+1, path)
			l.set(l.keyLine[shown], shown, path, dig(tablesOf(l.doc[armTable])[i], k), &a.Settings)
		}
		if j, dup := seen[a.Name]; dup {
			l.add(l.keyLine[fmt.Sprintf("arm[%d]", i)], fmt.Sprintf("arm[%d].name", i+1), fmt.Sprintf("%q is already the name of arm %d", a.Name, j+1), "give every arm its own name")
		}
		seen[a.Name] = i
	}
}

// set checks raw against the key at path and stores it in s.
func (l *loader) set(line int, shown, path string, raw any, s *Settings) {
	key := lookup(path)
	if key == nil {
		l.add(line, shown, "unknown key", l.hint(keyHint, path))
		return
	}
	v, msg, hint := key.convert(raw)
	if msg != "" {
		l.add(line, shown, msg, hint)
		return
	}
	key.set(s, v)
}

func (l *loader) text(line int, shown string, raw any, dst *string) {
	s, ok := raw.(string)
	if !ok {
		l.add(line, shown, "expected a string, got "+describe(raw), `write it in double quotes`)
		return
	}
	if strings.TrimSpace(s) == "" && strings.HasSuffix(shown, "name") {
		l.add(line, shown, "is empty", "give it a short name")
		return
	}
	if strings.ContainsFunc(s, unicode.IsControl) && strings.HasSuffix(shown, "name") {
		l.add(line, shown, fmt.Sprintf("%q holds a control character", s), "a name is one line of plain text: it titles tables, plots and file names")
	}
	*dst = s
}

// selectArms keeps only the arms that --arm flags name (given among the
// sets as "arm=NAME"), in the file's order, and returns the other sets.
func (l *loader) selectArms(sc *Scenario, sets []string) []string {
	var names, rest []string
	for _, f := range sets {
		if p, v, ok := strings.Cut(f, "="); ok && strings.TrimSpace(p) == "arm" {
			names = append(names, v)
			continue
		}
		rest = append(rest, f)
	}
	if len(names) == 0 {
		return sets
	}
	var all []string
	for _, a := range sc.Arms {
		all = append(all, a.Name)
	}
	for _, n := range names {
		if !slices.Contains(all, n) {
			l.problems = append(l.problems, Problem{File: "--arm", Key: n, Msg: "unknown arm", Hint: didYouMeanOr(n, all, "arms are "+quoteList(all))})
		}
	}
	kept := sc.Arms[:0]
	for _, a := range sc.Arms {
		if slices.Contains(names, a.Name) {
			kept = append(kept, a)
		} else {
			l.dropped = append(l.dropped, a.Name)
		}
	}
	sc.Arms = kept
	return rest
}

// flagged reports whether a --set flag sets the key at path.
func (l *loader) flagged(path string) bool {
	return slices.ContainsFunc(l.sets, func(f string) bool {
		p, _, _ := strings.Cut(f, "=")
		return strings.TrimSpace(p) == path
	})
}

// applySets applies --set flags to the base and to every arm, after the
// arms' own overrides: a flag wins over the file.
func (l *loader) applySets(sc *Scenario, sets []string) {
	for _, flag := range sets {
		path, text, ok := strings.Cut(flag, "=")
		path = strings.TrimSpace(path)
		p := Problem{File: "--set", Key: path}
		switch key := lookup(path); {
		case !ok || path == "":
			p.Key, p.Msg, p.Hint = flag, "expected key=value", "for example --set people=5000"
		case path == "name" || path == "description":
			p.Msg = "cannot be set from the command line"
		case path == "stop_when":
			l.metrics.stopWhen, l.metrics.stopLine = strings.TrimSpace(text), 0 // 0: from --set
			continue
		case key == nil:
			p.Msg, p.Hint = "unknown key", keyHint(path)
		case len(sc.armsSetting(path)) > 0 && len(sc.Arms) > 1:
			p.Msg, p.Hint = armsSetMsg(sc, path), "drop the --set, choose one arm to vary with --arm NAME, or change the arms in the file"
		default:
			v, msg, hint := key.parse(text)
			if msg == "" {
				if arms := sc.armsSetting(path); len(arms) > 0 {
					sc.Notes = append(sc.Notes, fmt.Sprintf("--set %s replaces arm %s's own value", flag, arms[0]))
				}
				key.set(&sc.Base, v)
				for i := range sc.Arms {
					key.set(&sc.Arms[i].Settings, v)
				}
				continue
			}
			p.Msg, p.Hint = msg, hint
		}
		l.problems = append(l.problems, p)
	}
}

// VaryingKeys returns the keys whose values differ between the arms, in
// the registry's order: the columns that tell the arms apart in a table.
func VaryingKeys(s *Scenario) []string {
	var keys []string
	first := Values(s.Arms[0].Settings)
	for _, a := range s.Arms[1:] {
		vals := Values(a.Settings)
		for i := range Keys {
			k := Keys[i].Path
			if fmt.Sprint(vals[k]) != fmt.Sprint(first[k]) && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.SortStableFunc(keys, func(a, b string) int { return keyIndex(a) - keyIndex(b) })
	return keys
}

// keyIndex is a key's place in the registry.
func keyIndex(path string) int {
	return slices.IndexFunc(Keys, func(k Key) bool { return k.Path == path })
}

// armsSetting returns the names of the arms that set the key at path.
func (s *Scenario) armsSetting(path string) []string {
	var names []string
	for _, a := range s.Arms {
		if slices.Contains(a.Overrides, path) {
			names = append(names, a.Name)
		}
	}
	return names
}

// armsSetMsg says why a key the arms set cannot be set for all of them.
func armsSetMsg(s *Scenario, path string) string {
	return fmt.Sprintf("the arms %s set this key themselves: one value for every arm would make them the same world under different names",
		quoteList(s.armsSetting(path)))
}

// checkWhole checks what no single key can: relations between keys, and the
// size of the world.
func (l *loader) checkWhole(sc *Scenario, i int) {
	a := &sc.Arms[i]
	s := &a.Settings
	where := func(path string) (int, string) {
		shown := fmt.Sprintf("arm[%d].%s", i+1, path)
		if line, ok := l.keyLine[shown]; ok {
			return line, shown
		}
		return l.keyLine[path], path
	}
	if s.Model == economy.ModelCapitalism && s.Capitalism.WageMin > s.Capitalism.WageMax {
		line, shown := where("capitalism.wage_min")
		l.add(line, shown, fmt.Sprintf("%d is above capitalism.wage_max = %d", s.Capitalism.WageMin, s.Capitalism.WageMax), "the lowest wage cannot exceed the highest")
	}
	if s.StartWealth > 0 && int64(s.People) > math.MaxInt64/4/s.StartWealth {
		line, shown := where("start_wealth")
		l.add(line, shown, fmt.Sprintf("people × start_wealth = %d × %d is more money than the ledger counts (at most %d units)", s.People, s.StartWealth, int64(math.MaxInt64/4)), "lower start_wealth")
	}
}
