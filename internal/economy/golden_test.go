package economy_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"testing"

	"commonwealth/internal/economy"
)

// goldenWorlds are small worlds of every model without automation, whose
// every observation over their first months is pinned by a checksum (see
// golden below). A change that keeps the random stream and the rules must
// leave them byte-identical; a change that alters Wright's model or an
// exchange rule fails here and must say so. Wright's model's were last
// taken when its activated persons and spenders got streams of their own
// (turns.go, docs/model.md), the exchange rules' when the generator became
// xoshiro256** (docs/performance.md); before that, the release's checksums
// held through the production economy, the dense ledger and the mesa rule's
// income booked outside its step loop.
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
	"capitalism":              "5730ec72dd16593913b27aab4e2f6a09181fa17d94731295a62659e2750e0e9c",
	"capitalism, fixed wages": "ca740b7574cc48700beb7c25afbaae8e129955c2ca2e681752e405526fcf42d6",
	"mesa":                    "67352e503f9ffd5a70e855c8ec64253b89c8645b19f558600b67d7f58dd6a3e3",
	"mesa+redistribution":     "53abdb614764ec5301974ea468ff5e2c33ac890a8bc111642ed351f4af42c418",
	"random":                  "dc0e9920ae08870669f1e0ffc81c7fbad6d1ed42f3215080fea2cd9689f2ba4f",
	"random+redistribution":   "10e6c579475330f8087adeff7c71c9f7e95b1354798be3f1bfa274a9e6581a09",
	"saving":                  "a31fb37e83f457f447daec7f55002a440941aa5a24aa73a5bfd9a644ec40f4bb",
	"wright, 1000 people":     "24388f84d66307bb181aa0775f80222e4064c9931781aab73366254bfae2cd5f",
	"yardsale":                "7e22786ee5dc11c8b5777048a2d7d01e5f97ce782b305604789de060d8461bb0",
	"yardsale+χ+ζ":            "da84804e4cc96aa8e4aef8a240ff813852cc647d92b2b92f868b7f08d13c15bc",
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
// for draw, what they gave when their checksums were last taken.
func TestGolden(t *testing.T) {
	all := goldenWorlds()
	for _, name := range sortedNames(all) {
		got := worldHash(all[name])
		if want, ok := golden[name]; !ok || got != want {
			t.Errorf("%q: checksum %s, want %q", name, got, want)
		}
	}
}
