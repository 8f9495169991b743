package scenario

import (
	"errors"
	"fmt"
	"sort"
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
// every key's line in time linear in the file, then decodes its values.
func readDocument(file string, src []byte) (*document, error) {
	if len(src) > MaxFileBytes {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("the file is over %s, the most a scenario file may hold", byteSize(MaxFileBytes)),
			Hint: "is this the scenario you meant? a long list of events belongs in fewer, larger steps"}}
	}
	w := docWalker{file: file, lineStarts: lineStarts(src), arrays: map[string]int{}, seen: map[string]bool{}}
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
	doc := &document{keys: w.keys}
	if err := toml.Unmarshal(src, &doc.values); err != nil {
		p := Problem{File: file, Msg: "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			p.Line, _ = de.Position()
		}
		return nil, Problems{p}
	}
	return doc, nil
}

// docWalker lists a document's keys as the parser meets them.
type docWalker struct {
	file       string
	lineStarts []int
	table      []string       // the table the next key=value lines belong to
	where      string         // that table's identity: its path with each array of tables' block number
	arrays     map[string]int // blocks so far of each array of tables, by identity
	seen       map[string]bool
	keys       []docKey
	problem    *Problem
}

func (w *docWalker) expression(e *unstable.Node) {
	switch e.Kind {
	case unstable.Table, unstable.ArrayTable:
		path, line := w.keyOf(e.Key())
		where := ""
		for i, part := range path[:len(path)-1] {
			where = w.identity(where, part)
			w.add(path[:i+1], kindTable, line, where)
		}
		w.table = path
		if e.Kind == unstable.ArrayTable {
			array := where + "\x00" + path[len(path)-1]
			w.arrays[array]++
			w.where = fmt.Sprintf("%s#%d", array, w.arrays[array])
			w.add(path, kindBlock, line, "")
			return
		}
		w.where = w.identity(where, path[len(path)-1])
		w.add(path, kindTable, line, w.where)
	case unstable.KeyValue:
		w.keyValue(w.table, w.where, e, 1)
	}
}

// keyValue records a key = value line, with the tables its dotted key
// implies, and the keys inside an inline table value.
func (w *docWalker) keyValue(table []string, where string, e *unstable.Node, depth int) {
	parts, line := w.keyOf(e.Key())
	path := append(append([]string(nil), table...), parts...)
	for i := len(table); i < len(path)-1; i++ {
		where = w.identity(where, path[i])
		w.add(path[:i+1], kindTable, line, where)
	}
	where = w.identity(where, path[len(path)-1])
	v := e.Value()
	if v.Kind != unstable.InlineTable {
		w.add(path, kindValue, line, "")
		w.nest(v, line, depth)
		return
	}
	w.add(path, kindTable, line, where)
	if w.deep(depth, line) {
		return
	}
	it := v.Children()
	for it.Next() {
		w.keyValue(path, where, it.Node(), depth+1)
	}
}

// nest checks the depth of the arrays and inline tables inside a value.
func (w *docWalker) nest(v *unstable.Node, line, depth int) {
	if v.Kind != unstable.Array || w.deep(depth, line) {
		return
	}
	it := v.Children()
	for it.Next() {
		if c := it.Node(); c.Kind == unstable.InlineTable {
			if w.deep(depth+1, line) {
				return
			}
			kv := c.Children()
			for kv.Next() {
				w.nest(kv.Node().Value(), line, depth+2)
			}
		} else {
			w.nest(c, line, depth+1)
		}
	}
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

// add records a key; a table's parent implied again later is recorded once.
func (w *docWalker) add(path []string, kind keyKind, line int, identity string) {
	if identity != "" {
		if w.seen[identity] {
			return
		}
		w.seen[identity] = true
	}
	if len(w.keys) == MaxKeys && w.problem == nil {
		w.problem = &Problem{File: w.file, Line: line, Msg: fmt.Sprintf("more than %d keys", MaxKeys), Hint: "is this the scenario you meant?"}
	}
	w.keys = append(w.keys, docKey{path: append([]string(nil), path...), kind: kind, line: line})
}

// identity extends a table's identity by one part; the blocks of an array
// of tables are told apart by their number.
func (w *docWalker) identity(where, part string) string {
	id := where + "\x00" + part
	if n, ok := w.arrays[id]; ok {
		return fmt.Sprintf("%s#%d", id, n)
	}
	return id
}

// keyOf returns a dotted key's parts and the line it is on.
func (w *docWalker) keyOf(it unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = w.lineOf(int(n.Raw.Offset))
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
