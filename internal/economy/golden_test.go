package economy_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"testing"

	"commonwealth/internal/economy"
)

// goldenWorlds are small worlds of every model without automation, whose
// every observation over their first months is pinned by a checksum taken
// from the program as released (see golden below). A change that keeps the
// random stream and the rules must leave them byte-identical; a change that
// alters Wright's model or an exchange rule fails here and must say so.
func goldenWorlds() map[string]economy.Params {
	all := worlds()
	out := map[string]economy.Params{}
	for name, p := range all {
		if !p.AI.Enabled {
			out[name] = p
		}
	}
	wright := economy.Params{Model: economy.ModelCapitalism, People: 1000, StartWealth: 100,
		Capitalism: economy.CapitalismParams{WageMin: 10, WageMax: 90}}
	out["wright, 1000 people"] = wright
	return out
}

// golden are the checksums of goldenWorlds after goldenMonths months, seed
// 5, computed by worldHash.
var golden = map[string]string{
	"capitalism":              "84ef4e1a9ffb589ca6aae97e03628ff42219b218572da13d6c580688336c28f7",
	"capitalism, fixed wages": "1e9565839ce384d1adb4d8cfc581898d7f2d648c80ce8081eeed94a21622eb90",
	"mesa":                    "7f34eb8944e624dc5c2d1091816a80ec3e64438a8e391892356dd11af95b6e21",
	"mesa+redistribution":     "b7d43767a931532cf578d8b881c26694a04b11e69f6aa14d3448c5230c7b02f6",
	"random":                  "9876f30c4091b0f7b5dca02c53930765920bcf1b59163e5bfa5445d22c8a77ef",
	"random+redistribution":   "156b16884cacf398e68b7385955938bd033238056bac7d09bcc6d42811e1e425",
	"saving":                  "22c4512576a16286a7076c8b0c71a81a475b0a659209c1e3202163324f693706",
	"wright, 1000 people":     "2354fbc32c11163a88413e07da6755f98418107af6787a5b175442d4cc107215",
	"yardsale":                "e5c1a89ace9a282adef99b89680e700e9e8be6b90649284ee4ea7e5db4ef5639",
	"yardsale+χ+ζ":            "6d777dfd03244c8cc594f69ec7c73799743ec81a4957d0343301e8991317e1c1",
}

const goldenMonths = 120

// worldHash runs p for goldenMonths months with seed 5 and hashes every
// month's observation: each person's wealth and income and, with classes,
// class, employer, wages and revenue.
func worldHash(p economy.Params) string {
	w, _ := economy.New(p, 5)
	h := sha256.New()
	var s economy.Snapshot
	put := func(x int64) { h.Write(binary.LittleEndian.AppendUint64(nil, uint64(x))) }
	for range goldenMonths {
		w.StepMonth()
		w.Observe(&s)
		for i := range s.Wealth {
			put(s.Wealth[i])
			put(s.Income[i])
		}
		if s.Classes {
			for i := range s.ClassOf {
				put(int64(s.ClassOf[i]))
				put(int64(s.Employer[i]))
			}
			put(s.Wages)
			put(s.Revenue)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestGolden checks that the exchange rules and Wright's model give, draw
// for draw, what the released program gave.
func TestGolden(t *testing.T) {
	all := goldenWorlds()
	for _, name := range sortedNames(all) {
		got := worldHash(all[name])
		if want, ok := golden[name]; !ok || got != want {
			t.Errorf("%q: checksum %s, want %q", name, got, want)
		}
	}
}
