package main

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// escaper passes text to a terminal with every control character but the
// line end and the tab shown as an escape (\x1b, \a, \u0085), so that
// nothing a scenario holds — an arm's name, a claim's text — can move the
// cursor, clear the screen or change the colours where it is printed.
type escaper struct{ w io.Writer }

// Write escapes p and writes it; it reports len(p) on success, as io.Writer
// asks.
func (e escaper) Write(p []byte) (int, error) {
	clean := true
	for _, c := range p {
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 {
			clean = false
			break
		}
	}
	if clean {
		return e.w.Write(p)
	}
	out := make([]byte, 0, len(p)+16)
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		switch {
		case r == '\n' || r == '\t':
			out = append(out, byte(r))
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			q := strconv.QuoteRune(r)
			out = append(out, q[1:len(q)-1]...)
		default:
			out = append(out, p[i:i+n]...)
		}
		i += n
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unescaped returns the writer under an escaper (the progress bar draws
// with escapes of its own on a terminal).
func unescaped(w io.Writer) io.Writer {
	if e, ok := w.(escaper); ok {
		return e.w
	}
	return w
}
