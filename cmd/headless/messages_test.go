package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClearMessages checks the messages that once named a system call
// instead of the problem (issue 24), and that names and texts from a file
// reach the terminal with their control characters escaped.
func TestClearMessages(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "boltzmann", "-o", ""}, "-o: expected the folder to write the results into, got an empty name"},
		{[]string{"run", "boltzmann", "-o", file}, "is a file, not a folder; name a folder of yours with -o"},
		{[]string{"run", dir}, "a folder, not a scenario file"},
		{[]string{"merge", dir, "-o", filepath.Join(dir, "m")}, "not a shard folder: it has no shard.json"},
		{[]string{"bench", "boltzmann", "--months", "1", "--cpuprofile", filepath.Join(file, "p")}, "--cpuprofile " + filepath.Join(file, "p") + ": cannot create the file"},
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{"run", "boltzmann", "-o", "/proc"}, "-o /proc: the results cannot be written there: it takes no new files"})
	}
	for _, c := range cases {
		code, _, errs := headless(t, c.args...)
		if code == exitOK || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
	}
	src := "model = \"exchange\"\npeople = 20\nmonths = 2\nseeds = 2\n[[arm]]\nname = \"a\"\n[[arm]]\nname = \"b\"\n" +
		"[[claim]]\ntext = \"clears \\u001b[2J the screen\"\nmetric = \"gini_wealth\"\narm = \"a\"\ncompare = \"b\"\nop = \"<\"\n"
	scen := filepath.Join(dir, "esc.toml")
	os.WriteFile(scen, []byte(src), 0o644)
	_, out, errs := headless(t, "check", scen, "-o", filepath.Join(dir, "out"))
	if strings.ContainsRune(out+errs, 0x1b) || !strings.Contains(out, `clears \x1b[2J the screen`) {
		t.Errorf("the claim's text reached the terminal raw, or not at all:\n%s%s", out, errs)
	}
	os.WriteFile(scen, []byte(strings.Replace(src, `name = "a"`, `name = "a\u0007"`, 1)), 0o644)
	if code, _, errs := headless(t, "validate", scen); code != exitBadUsed || !strings.Contains(errs, `"a\a" holds a control character`) {
		t.Errorf("an arm's name with a bell: exit %d %s", code, errs)
	}
}
