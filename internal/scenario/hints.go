package scenario

import (
	"fmt"
	"slices"
	"strings"
)

// dig returns the value at path k in a decoded TOML table, or nil.
func dig(m map[string]any, k []string) any {
	var v any = m
	for _, part := range k {
		t, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = t[part]
	}
	return v
}

// tables returns the names of the tables keys live in, such as "exchange".
func tables() []string {
	var ts []string
	for _, k := range Keys {
		if t, _, ok := strings.Cut(k.Path, "."); ok && !slices.Contains(ts, t) {
			ts = append(ts, t)
		}
	}
	return ts
}

func isTable(path string) bool { return slices.Contains(tables(), path) }

func tableHint(path string) string {
	if h := didYouMean(path, tables()); h != "" {
		return h
	}
	return "tables are " + quoteList(tables())
}

// keyHint suggests the key meant by an unknown path: the same name in
// another table, else the nearest path, else the keys of its table.
func keyHint(path string) string {
	last := path[strings.LastIndexByte(path, '.')+1:]
	var paths []string
	for _, k := range Keys {
		paths = append(paths, k.Path)
		if strings.HasSuffix(k.Path, "."+last) || k.Path == last {
			return fmt.Sprintf("did you mean %q?", k.Path)
		}
	}
	if h := didYouMean(path, paths); h != "" {
		return h
	}
	for _, p := range paths {
		if strings.Contains(p[strings.LastIndexByte(p, '.')+1:], last) {
			return fmt.Sprintf("did you mean %q?", p)
		}
	}
	if t, _, ok := strings.Cut(path, "."); ok && isTable(t) {
		var in []string
		for _, p := range paths {
			if strings.HasPrefix(p, t+".") {
				in = append(in, p)
			}
		}
		return "keys of [" + t + "] are " + quoteList(in)
	}
	return "`headless keys` lists every key"
}
