package main

import (
	"os"
	"strings"
	"testing"
)

// TestHostCommand runs `headless host` with bots to the lesson's answer,
// and refuses bad flags.
func TestHostCommand(t *testing.T) {
	hostInput = strings.NewReader("allow 30\nbogus\n")
	defer func() { hostInput = os.Stdin }()
	code, out, errs := headless(t, "host", "expropriation", "--set", "people=100", "--addr", "127.0.0.1:0",
		"--bots", "12", "--speed", "20", "--predict-for", "20s", "--vote-for", "20s")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"students join at http://127.0.0.1:", "predictions: 12 of 12 joined answered", "of 12: ", "the answer over 12 worlds",
		"30 students may join from one address", "commands: lock"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	for _, args := range [][]string{{"--bots", "501"}, {"--speed", "3"}, {"--predict-for", "-1s"}, {"--addr", "nowhere:-5"}, {"--per-address", "0"}} {
		code, _, errs := headless(t, append([]string{"host", "expropriation"}, args...)...)
		if code == exitOK || errs == "" {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}
