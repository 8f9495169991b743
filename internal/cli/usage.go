package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// PrintDefaults writes the flags of fs as the flag package's PrintDefaults
// does, but with two dashes before names longer than a letter (--seeds,
// as the README writes them; the flag package accepts either).
func PrintDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  " + dash + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "0" && d != "false" {
			if fmt.Sprintf("%T", f.Value) == "*flag.stringValue" {
				d = fmt.Sprintf("%q", d)
			}
			fmt.Fprintf(w, " (default %s)", d)
		}
		fmt.Fprintln(w)
	})
}
