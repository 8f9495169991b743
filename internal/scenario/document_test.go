package scenario

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"

	"commonwealth/scenarios"
)

// tomlCases are documents on the edges of TOML's rules on defining names,
// valid and not, and of its values.
var tomlCases = []string{
	"a = 1\na = 2\n",
	"[a]\n[a]\n",
	"[a.b]\n[a]\nx = 1\n",
	"[a]\nb.c = 1\n[a.b]\n",
	"[a]\nb.c = 1\n[a.b.d]\nx = 2\n",
	"[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
	"[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1\n",
	"[a.b]\nx = 1\n[a]\nb.y = 2\n",
	"a = {x = 1}\n[a.y]\n",
	"a = {x = 1}\na.y = 2\n",
	"a = [1, 2]\n[[a]]\n",
	"[[a]]\nx = 1\n[a]\n",
	"[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3\n[[a.c]]\nz = 4\n[[a]]\n",
	"[[a]]\n[a.b]\n[[a]]\n[a.b]\n",
	"[[a]]\n[a.b]\n[a.b]\n",
	"x.y.z = 1\nx.y.w = 2\nx.v = 3\n",
	"x.y = 1\nx.y.z = 2\n",
	"x = {a.b = 1, a.c = 2}\n",
	"x = {a = 1, a = 2}\n",
	"x = [{a = 1}, {a = 2, b = {c = [1, {d = 3}]}}]\n",
	"[a]\nx = 1\n[b]\nx = 2\n[a.c]\nx = 3\n",
	"\"quoted.key\" = 1\n'lit' = 2\n\"\" = 3\n",
	"i = [0, -1, +7, 1_000, 0xff, 0o17, 0b101, 9223372036854775807, -9223372036854775808]\n",
	"f = [1.5, -0.0, 1e3, 1E-3, 6.02e+23, 1_0.5, inf, -inf, nan, 0.1]\n",
	"big = 9223372036854775808\n",
	"bad = 01\n", "bad = 1.\n", "bad = .5\n", "bad = 1e\n", "bad = 1__0\n", "bad = _1\n", "bad = 1.e5\n", "bad = 0x\n",
	"d = [1979-05-27, 07:32:00, 1979-05-27T07:32:00, 1979-05-27T07:32:00Z, 1979-05-27 07:32:00.999-07:00]\n",
	"bad = 1979-02-30\n",
	"s = [\"a\\tb\\u00e9\", 'c\\d', \"\"\"\nml\\\n  x\"\"\", '''\nraw''']\n",
	"b = [true, false]\n",
	"\xef\xbb\xbfpeople = 10\n",
	"[a]\n[[a.b]]\n[[a.b]]\n[a.c]\n",
	"[[arm]]\nname = \"x\"\n[arm.exchange]\nrule = \"mesa\"\n[[arm]]\nname = \"y\"\n[arm.exchange]\nrule = \"random\"\n",
}

// TestDocumentAsLibrary checks that the document readDocument builds is the
// TOML library's, value for value, and that it refuses what the library
// refuses — for the built-in scenarios and for documents on the edges of
// TOML's rules.
func TestDocumentAsLibrary(t *testing.T) {
	srcs := append([]string(nil), tomlCases...)
	for _, n := range Names() {
		b, _ := scenarios.FS.ReadFile(n + ".toml")
		srcs = append(srcs, string(b))
	}
	for _, src := range srcs {
		sameAsLibrary(t, src)
	}
}

// FuzzDocument compares readDocument with the TOML library on any text:
// `go test -fuzz FuzzDocument ./internal/scenario`.
func FuzzDocument(f *testing.F) {
	for _, c := range tomlCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, src string) { sameAsLibrary(t, src) })
}

// sameAsLibrary fails the test when readDocument and the library disagree
// on src.
func sameAsLibrary(t *testing.T, src string) {
	t.Helper()
	var want map[string]any
	werr := toml.Unmarshal([]byte(strings.TrimPrefix(src, "\xef\xbb\xbf")), &want)
	doc, err := readDocument("x.toml", []byte(src))
	if err != nil || werr != nil {
		if (err == nil) != (werr == nil) && !strings.Contains(fmt.Sprint(err), "nested more than") && !strings.Contains(fmt.Sprint(err), "more than") {
			t.Errorf("%q: the library says %v, readDocument %v", src, werr, err)
		}
		return
	}
	if !reflect.DeepEqual(doc.values, want) && !bothNaN(doc.values, want) {
		t.Errorf("%q:\nreadDocument %#v\nthe library  %#v", src, doc.values, want)
	}
}

// bothNaN reports whether two documents differ only by NaNs (never equal
// to themselves).
func bothNaN(a, b map[string]any) bool {
	return fmt.Sprint(a) == fmt.Sprint(b) && strings.Contains(fmt.Sprint(a), "NaN")
}

// loadShapes are the shapes of scenario file that once loaded in quadratic
// time (issue 24), each at the size it was measured at.
func loadShapes() map[string]string {
	deep := strings.Repeat("a.", 9_999) + "a"
	var many, events strings.Builder
	many.WriteString("[exchange]\n")
	for i := range 99_000 {
		fmt.Fprintf(&many, "k%d=1\n", i)
	}
	events.WriteString("model = \"exchange\"\nmonths = 20000\n")
	for i := range 10_000 {
		fmt.Fprintf(&events, "[[event]]\nmonth = %d\nset = { \"exchange.amount\" = %d }\ncaption = \"e\"\n", i+1, i%9+1)
	}
	var tables strings.Builder
	for i := range 45_000 {
		fmt.Fprintf(&tables, "[t%d]\nx=1\n", i)
	}
	return map[string]string{
		"45,000 unknown tables":        tables.String(),
		"a header of 10,000 parts":     "[" + deep + "]\n",
		"a dotted key of 10,000 parts": deep + " = 1\n",
		"99,000 keys in one table":     many.String(),
		"10,000 events":                events.String(),
	}
}

// TestLoadIsLinear loads each shape, which must take under a second of
// CPU (the process's, so that other programs on a shared machine do not
// count; quadratic loading took 2 to 43 s; docs/performance.md), and end
// with problems or a scenario, never a crash. Under the race detector the
// times are only logged.
func TestLoadIsLinear(t *testing.T) {
	for name, src := range loadShapes() {
		start, cpu := time.Now(), cpuTime()
		_, err := Parse("shape.toml", []byte(src), nil)
		took, used := time.Since(start), cpuTime()-cpu
		t.Logf("%s (%d kB): %v (%v of CPU), %.80v", name, len(src)/1000, took, used, err)
		if used > time.Second && !raceEnabled {
			t.Errorf("%s: %v of CPU, want under a second", name, used)
		}
	}
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoadShapes times each shape: go test -run '^$' -bench LoadShapes ./internal/scenario
func BenchmarkLoadShapes(b *testing.B) {
	for name, src := range loadShapes() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				Parse("shape.toml", []byte(src), nil)
			}
		})
	}
}

// TestLoadHonoursCancel loads a pipe that no one writes to, which would
// block for ever, and cancels: the load must give up at once.
func TestLoadHonoursCancel(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := LoadContext(ctx, fifo, nil)
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want the load interrupted", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the load went on after the cancel")
	}
	// Let the reader blocked in the background see the end of the pipe.
	if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
		w.Close()
	}
}

// TestByteOrderMark checks that a file starting with the UTF-8 byte-order
// mark (which TOML allows and some Windows editors write) loads, with its
// lines numbered as without it.
func TestByteOrderMark(t *testing.T) {
	sc, err := Parse("bom.toml", []byte("\xef\xbb\xbfpeople = 10\n"), nil)
	if err != nil || sc.Run().People != 10 {
		t.Fatalf("got %v", err)
	}
	_, err = Parse("bom.toml", []byte("\xef\xbb\xbf# a comment\npeple = 10\n"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "bom.toml:2: peple: unknown key") {
		t.Fatalf("got %v", err)
	}
}
