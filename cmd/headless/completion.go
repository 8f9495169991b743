package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"commonwealth/internal/scenario"
)

// completionCmd prints a shell's completion script for headless: the
// script asks the program itself (headless __complete) what may follow
// the words typed, so the commands, each command's flags, the built-in
// scenarios, and --set's keys with their choices are always those of the
// binary installed.
func completionCmd(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("completion", "bash|zsh|fish", stderr)
	rest, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(rest) != 1 {
		fmt.Fprintln(stderr, "headless completion: name one shell: bash, zsh or fish (e.g. `source <(headless completion bash)`)")
		return exitBadUsed
	}
	script, ok := completionScripts[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "headless completion: no script for %q: expected bash, zsh or fish\n", rest[0])
		return exitBadUsed
	}
	fmt.Fprint(stdout, script)
	return exitOK
}

// completionScripts are the scripts for each shell. Bash's is written for
// the words as typed (COMP_LINE), not as bash splits them at "=", so that
// --set key=value completes as one word; zsh runs it through bashcompinit.
var completionScripts = map[string]string{
	"bash": bashCompletion,
	"zsh":  "autoload -U +X bashcompinit && bashcompinit\n" + bashCompletion,
	"fish": "complete -c headless -f -a '(headless __complete (commandline -opc)[2..-1] (commandline -ct))'\n",
}

const bashCompletion = `_headless() {
  local line=${COMP_LINE:0:COMP_POINT}
  local -a words
  read -ra words <<< "$line"
  [[ $line == *" " ]] && words+=("")
  local cur=${words[${#words[@]}-1]}
  local IFS=$'\n'
  COMPREPLY=($(headless __complete "${words[@]:1}" 2>/dev/null))
  if [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]]; then
    COMPREPLY=("${COMPREPLY[@]#*=}")
  fi
  if [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]]; then
    compopt -o nospace
  fi
}
complete -o default -F _headless headless
`

// completeCmd is the hidden command the scripts call: given the words after
// "headless", the last being the one typed so far (perhaps empty), it
// prints what may take its place, a line each. It prints nothing where a
// file's name is expected, and the shell completes files.
func completeCmd(ctx context.Context, args []string, stdout, _ io.Writer) int {
	for _, c := range complete(ctx, args) {
		fmt.Fprintln(stdout, c)
	}
	return exitOK
}

// complete returns the candidates for the last of words, the words typed
// after "headless".
func complete(ctx context.Context, words []string) []string {
	if len(words) == 0 {
		words = []string{""}
	}
	cur := words[len(words)-1]
	if len(words) == 1 {
		names := []string{"help", "version"}
		for _, c := range commands() {
			names = append(names, c.name)
		}
		return withPrefix(names, cur)
	}
	name := words[0]
	if name == "help" {
		return complete(ctx, words[1:])
	}
	c, ok := find(name)
	if !ok {
		return nil
	}
	flags := flagsOf(ctx, c)
	if prev := words[len(words)-2]; strings.HasPrefix(prev, "-") && !strings.Contains(prev, "=") {
		takes, known := flags[strings.TrimLeft(prev, "-")]
		switch {
		case known && takes && strings.TrimLeft(prev, "-") == "set":
			return keyValues(cur)
		case known && takes:
			return nil // a file, a folder or a number: the shell's own completion
		}
	}
	if strings.HasPrefix(cur, "-") {
		var names []string
		for f := range flags {
			dash := "--"
			if len(f) == 1 {
				dash = "-"
			}
			names = append(names, dash+f)
		}
		slices.Sort(names)
		return withPrefix(names, cur)
	}
	if strings.Contains(c.args, "SCENARIO") {
		return withPrefix(scenario.Names(), cur)
	}
	return nil
}

// flagsOf returns the flags command c takes, each with whether it takes a
// value, read from the usage its -h prints (as help does).
func flagsOf(ctx context.Context, c command) map[string]bool {
	var usage bytes.Buffer
	c.run(ctx, []string{"-h"}, io.Discard, &usage)
	flags := map[string]bool{}
	for line := range strings.Lines(usage.String()) {
		if !strings.HasPrefix(line, "  -") {
			continue
		}
		fields := strings.Fields(line)
		flags[strings.TrimLeft(fields[0], "-")] = len(fields) > 1
	}
	return flags
}

// keyValues completes --set's argument: a key's path followed by "=", or,
// after the "=", the key's choices (true and false for a switch).
func keyValues(cur string) []string {
	path, typed, hasValue := strings.Cut(cur, "=")
	var out []string
	for _, k := range scenario.Keys {
		if !hasValue {
			out = append(out, k.Path+"=")
			continue
		}
		if k.Path != path {
			continue
		}
		choices := k.Choices
		if k.Kind == scenario.Bool {
			choices = []string{"true", "false"}
		}
		for _, v := range withPrefix(choices, typed) {
			out = append(out, path+"="+v)
		}
	}
	return withPrefix(out, cur)
}

// withPrefix returns the candidates that begin with prefix.
func withPrefix(candidates []string, prefix string) []string {
	var out []string
	for _, c := range candidates {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}
