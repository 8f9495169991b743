package plots

import (
	"bytes"
	"testing"
)

// TestPDFText checks that text drawn into a PDF is encoded as its fonts
// expect (code page 1252): "—" and "×" as their single bytes, characters
// the code page lacks as their closest ASCII — not as UTF-8 bytes, which
// the PDF would show as "â€”".
func TestPDFText(t *testing.T) {
	got, err := to1252.String(beyond1252.Replace("a — b × c ≥ 0.2 − μ λ"))
	if err != nil {
		t.Fatal(err)
	}
	want := []byte("a \x97 b \xd7 c >= 0.2 - \xb5 lambda")
	if !bytes.Equal([]byte(got), want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestTickLabels checks log-axis labels in few digits.
func TestTickLabels(t *testing.T) {
	for v, want := range map[float64]string{9.999999999999999e-05: "0.0001", 0.001: "0.001", 1e-5: "1e-05", 100: "100", 1e6: "1e+06", 0.30000000000000004: "0.3"} {
		if got := tickLabel(v); got != want {
			t.Errorf("tickLabel(%v) = %q, want %q", v, got, want)
		}
	}
}
