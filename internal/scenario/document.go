package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Limits on what a scenario file may hold. They are far above what any
// scenario needs and they are checked before the values are decoded, so that
// a hostile file gets a clear error instead of a stack overflow, gigabytes of
// memory or minutes of work.
const (
	MaxFileBytes = 1 << 20 // a scenario file's size
	MaxNesting   = 8       // arrays and inline tables inside one another
	MaxKeys      = 100_000 // keys in one file, counting each block's own
	MaxArms      = 32      // [[arm]] blocks
	MaxBlocks    = 10_000  // [[event]], [[claim]] or [[sweep]] blocks of one kind
)

// document is a scenario file read by the TOML parser: its values, and
// every key in document order with what it holds and its line.
type document struct {
	values map[string]any
	keys   []docKey
}

// keyKind says what a key of a document holds.
type keyKind int

const (
	kindValue keyKind = iota // a value, arrays included
	kindTable                // a table: [name], a dotted key's parent, or an inline table
	kindBlock                // one [[name]] block of an array of tables
)

// docKey is one key as the document sets it.
type docKey struct {
	path []string
	kind keyKind
	line int
}

// readDocument parses src in one pass over its syntax tree, which gives
// every key's line, checks the TOML rules on defining a key or a table
// twice and decodes the values, all in time linear in the file: the TOML
// library's own decoder tracks the keys it has seen in a list searched
// from the start for every key (43 s for 99,000 keys in one table), so the
// document is built here with hashed lookups instead, the library's parser
// still reading the syntax (TestDocumentAsLibrary holds the two equal).
func readDocument(file string, src []byte) (*document, error) {
	if len(src) > MaxFileBytes {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("the file is over %s, the most a scenario file may hold", byteSize(MaxFileBytes)),
			Hint: "is this the scenario you meant? a long list of events belongs in fewer, larger steps"}}
	}
	src = bytes.TrimPrefix(src, utf8BOM)
	root := newTable(headerTable, 0)
	w := docWalker{file: file, src: src, lineStarts: lineStarts(src), root: root, cur: root}
	var p unstable.Parser
	p.Reset(src)
	for p.NextExpression() && w.problem == nil {
		w.expression(p.Expression())
	}
	if err := p.Error(); err != nil {
		line := 0
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			line = w.lineOf(offsetIn(src, pe.Highlight))
		}
		msg := strings.ReplaceAll(strings.TrimPrefix(err.Error(), "toml: "), "character U+000A", "line end")
		return nil, Problems{{File: file, Line: line, Msg: "invalid TOML: " + msg}}
	}
	if w.problem != nil {
		return nil, Problems{*w.problem}
	}
	return &document{values: root.m, keys: w.keys}, nil
}

// utf8BOM is the byte-order mark some editors write at the start of a
// UTF-8 file; TOML allows it.
var utf8BOM = []byte("\xef\xbb\xbf")

// MaxKeyParts is the most parts a dotted key or a table's name may have
// (people.a.b... ): no scenario needs more than four.
const MaxKeyParts = 16

// docWalker lists a document's keys as the parser meets them and builds
// its tables.
type docWalker struct {
	file       string
	src        []byte
	lineStarts []int
	root, cur  *node    // the document, and the table the next key = value lines belong to
	table      []string // cur's path
	keys       []docKey
	problem    *Problem
}

// nodeKind is what a name of the document holds, as the TOML rules on
// defining names twice tell them apart.
type nodeKind int

const (
	impliedTable  nodeKind = iota // a parent of a [table] header, not defined yet
	headerTable                   // defined by a [table] header (or the document)
	dottedTable                   // defined by a dotted key
	arrayOfTables                 // [[name]] blocks
	valueNode                     // a value, inline tables and arrays included
)

// node is a name of the document: a table with its children by name (a
// hashed lookup, so that every key costs the same however many its table
// holds), the blocks of an array of tables, or a value.
type node struct {
	kind     nodeKind
	line     int
	children map[string]*node
	m        map[string]any // a table's decoded keys
	blocks   []*node        // an array of tables' blocks
}

func newTable(kind nodeKind, line int) *node {
	return &node{kind: kind, line: line, children: map[string]*node{}, m: map[string]any{}}
}

// child adds a table or an array of tables to t under name.
func (t *node) child(name string, kind nodeKind, line int) *node {
	c := &node{kind: kind, line: line}
	if kind == arrayOfTables {
		t.m[name] = []any{}
	} else {
		c.children, c.m = map[string]*node{}, map[string]any{}
		t.m[name] = c.m
	}
	t.children[name] = c
	return c
}

// last returns the table a name stands for in a path: for an array of
// tables, its last block.
func (t *node) last() *node {
	if t.kind == arrayOfTables {
		return t.blocks[len(t.blocks)-1]
	}
	return t
}

func (w *docWalker) fail(line int, msg string) {
	if w.problem == nil {
		w.problem = &Problem{File: w.file, Line: line, Msg: "invalid TOML: " + msg}
	}
}

// defined says, for messages, how a name was defined before.
func defined(name string, n *node) string {
	what := map[nodeKind]string{headerTable: "a table", dottedTable: "a table (by a dotted key)", arrayOfTables: "an array of tables", valueNode: "a value"}[n.kind]
	return fmt.Sprintf("%s is already %s, defined on line %d", strconv.Quote(name), what, n.line)
}

func (w *docWalker) expression(e *unstable.Node) {
	switch e.Kind {
	case unstable.Table, unstable.ArrayTable:
		path, line := w.keyOf(e.Key())
		if path == nil {
			return
		}
		t := w.root
		for i, part := range path[:len(path)-1] {
			c := t.children[part]
			switch {
			case c == nil:
				c = t.child(part, impliedTable, line)
				w.add(path[:i+1:i+1], kindTable, line)
			case c.kind == valueNode:
				w.fail(line, defined(part, c))
				return
			}
			t = c.last()
		}
		name := path[len(path)-1]
		c := t.children[name]
		if e.Kind == unstable.ArrayTable {
			switch {
			case c == nil:
				c = t.child(name, arrayOfTables, line)
			case c.kind != arrayOfTables:
				w.fail(line, defined(name, c)+"; [["+name+"]] needs an array of tables")
				return
			}
			block := newTable(headerTable, line)
			c.blocks = append(c.blocks, block)
			t.m[name] = append(t.m[name].([]any), block.m)
			w.add(path, kindBlock, line)
			w.cur, w.table = block, path
			return
		}
		switch {
		case c == nil:
			c = t.child(name, headerTable, line)
			w.add(path, kindTable, line)
		case c.kind == impliedTable:
			c.kind, c.line = headerTable, line
		default:
			w.fail(line, defined(name, c))
			return
		}
		w.cur, w.table = c, path
	case unstable.KeyValue:
		w.keyValue(w.cur, w.table, e, 1)
	}
}

// keyValue records a key = value line, with the tables its dotted key
// implies, and the keys inside an inline table value, and stores the value
// in t.
func (w *docWalker) keyValue(t *node, table []string, e *unstable.Node, depth int) {
	parts, line := w.keyOf(e.Key())
	if parts == nil {
		return
	}
	path := make([]string, 0, len(table)+len(parts))
	path = append(append(path, table...), parts...)
	for i, part := range parts[:len(parts)-1] {
		c := t.children[part]
		switch {
		case c == nil:
			c = t.child(part, dottedTable, line)
			w.add(path[:len(table)+i+1:len(table)+i+1], kindTable, line)
		case c.kind != dottedTable:
			w.fail(line, defined(part, c))
			return
		}
		t = c
	}
	name := parts[len(parts)-1]
	if c := t.children[name]; c != nil {
		w.fail(line, defined(name, c))
		return
	}
	t.children[name] = &node{kind: valueNode, line: line}
	v := e.Value()
	if v.Kind != unstable.InlineTable {
		w.add(path, kindValue, line)
		t.m[name] = w.value(v, line, depth)
		return
	}
	w.add(path, kindTable, line)
	t.m[name] = w.inline(v, path, line, depth)
}

// inline decodes an inline table whose keys are recorded under path.
func (w *docWalker) inline(v *unstable.Node, path []string, line, depth int) map[string]any {
	it := newTable(valueNode, line)
	if w.deep(depth, line) {
		return it.m
	}
	kv := v.Children()
	for kv.Next() && w.problem == nil {
		w.keyValue(it, path, kv.Node(), depth+1)
	}
	return it.m
}

// value decodes a value that is not an inline table at the top of a key.
func (w *docWalker) value(v *unstable.Node, line, depth int) any {
	switch v.Kind {
	case unstable.String:
		return string(v.Data)
	case unstable.Bool:
		return string(v.Data) == "true"
	case unstable.Array:
		list := []any{}
		if w.deep(depth, line) {
			return list
		}
		it := v.Children()
		for it.Next() && w.problem == nil {
			c := it.Node()
			if c.Kind == unstable.InlineTable {
				list = append(list, w.inlineValue(c, line, depth+1))
			} else {
				list = append(list, w.value(c, line, depth+1))
			}
		}
		return list
	case unstable.InlineTable:
		return w.inlineValue(v, line, depth)
	case unstable.Integer:
		if n, ok := plainInt(v.Data); ok {
			return n
		}
	case unstable.Float:
		if x, ok := plainFloat(v.Data); ok {
			return x
		}
	}
	return w.scalar(v, line)
}

// inlineValue decodes an inline table inside an array, whose keys are not
// the document's.
func (w *docWalker) inlineValue(v *unstable.Node, line, depth int) map[string]any {
	keys := len(w.keys)
	m := w.inline(v, nil, line, depth)
	w.keys = w.keys[:keys]
	return m
}

// scalar decodes a number written in another base or with underscores, or
// a date or time, as the TOML library does: rare enough in a scenario that
// a decoder run for each costs nothing.
func (w *docWalker) scalar(v *unstable.Node, line int) any {
	var m map[string]any
	if err := toml.Unmarshal(append([]byte("v = "), v.Data...), &m); err != nil {
		w.fail(line, strings.TrimPrefix(err.Error(), "toml: "))
		return nil
	}
	return m["v"]
}

// plainInt decodes a decimal integer without underscores.
func plainInt(b []byte) (int64, bool) {
	digits := b
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 1 && digits[0] == '0' || !allDigits(digits) {
		return 0, false
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	return n, err == nil
}

// plainFloat decodes a float as TOML writes it, without underscores, inf
// or nan: an integer part, then a fraction, an exponent or both.
func plainFloat(b []byte) (float64, bool) {
	mant, exp, hasExp := bytes.Cut(bytes.ToLower(b), []byte("e"))
	whole, frac, hasFrac := bytes.Cut(mant, []byte("."))
	if _, ok := plainInt(whole); !ok || hasFrac && (len(frac) == 0 || !allDigits(frac)) || !hasFrac && !hasExp {
		return 0, false
	}
	if hasExp {
		e := exp
		if len(e) > 0 && (e[0] == '+' || e[0] == '-') {
			e = e[1:]
		}
		if len(e) == 0 || !allDigits(e) {
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(string(b), 64)
	return x, err == nil
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// deep reports, once, a value nested deeper than MaxNesting.
func (w *docWalker) deep(depth, line int) bool {
	if depth < MaxNesting {
		return false
	}
	if w.problem == nil {
		w.problem = &Problem{File: w.file, Line: line, Msg: fmt.Sprintf("arrays and inline tables nested more than %d deep", MaxNesting),
			Hint: "a scenario needs at most two levels (a list of numbers, a table of settings)"}
	}
	return true
}

// add records a key; path is not copied, so callers pass a slice no one
// changes.
func (w *docWalker) add(path []string, kind keyKind, line int) {
	if len(w.keys) == MaxKeys && w.problem == nil {
		w.problem = &Problem{File: w.file, Line: line, Msg: fmt.Sprintf("more than %d keys", MaxKeys), Hint: "is this the scenario you meant?"}
	}
	w.keys = append(w.keys, docKey{path: path, kind: kind, line: line})
}

// keyOf returns a dotted key's parts and the line it is on, or nil (with a
// problem) for a key of more than MaxKeyParts parts.
func (w *docWalker) keyOf(it unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = w.lineOf(int(n.Raw.Offset))
		}
		if len(parts) == MaxKeyParts {
			if w.problem == nil {
				w.problem = &Problem{File: w.file, Line: line, Msg: fmt.Sprintf("a dotted name of more than %d parts", MaxKeyParts),
					Hint: "scenario keys have at most three (exchange.rule, arm.ownership.automation)"}
			}
			return nil, line
		}
		parts = append(parts, string(n.Data))
	}
	return parts, line
}

// lineOf returns the 1-based line of a byte offset.
func (w *docWalker) lineOf(offset int) int {
	if offset < 0 {
		return 0
	}
	return sort.Search(len(w.lineStarts), func(i int) bool { return w.lineStarts[i] > offset })
}

// lineStarts returns the offset of the start of every line.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetIn returns where part, a slice of src, starts in src, or -1.
func offsetIn(src, part []byte) int {
	off := cap(src) - cap(part)
	if part == nil || off < 0 || off > len(src) {
		return -1
	}
	return off
}

// byteSize formats a size in bytes for messages.
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// tablesOf returns an array of tables as the decoder gives it.
func tablesOf(v any) []map[string]any {
	list, _ := v.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		t, _ := x.(map[string]any)
		out = append(out, t)
	}
	return out
}
