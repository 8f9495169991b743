package main

import (
	"strings"

	"github.com/spf13/cobra"

	"commonwealth/internal/scenario"
)

// Completion: cobra writes each shell's script (headless completion bash),
// which asks the program itself (headless __complete) what may follow the
// words typed; these functions answer for what cobra does not know, so
// that the built-in scenarios and --set's keys with their choices are
// always those of the binary installed.

// completeScenario completes a command's scenario: a built-in scenario's
// name, or else a file, which the shell completes.
func completeScenario(cmd *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 && cmd.Name() != "validate" { // one scenario at a time
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return withPrefix(scenario.Names(), typed), cobra.ShellCompDirectiveDefault
}

// completeSet completes --set's argument: a key's path followed by "=", or,
// after the "=", the key's choices (true and false for a switch).
func completeSet(_ *cobra.Command, _ []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
	path, value, hasValue := strings.Cut(typed, "=")
	var out []cobra.Completion
	for _, k := range scenario.Keys {
		if !hasValue {
			if strings.HasPrefix(k.Path, path) {
				out = append(out, cobra.CompletionWithDesc(k.Path+"=", k.Doc))
			}
			continue
		}
		if k.Path != path {
			continue
		}
		choices := k.Choices
		if k.Kind == scenario.Bool {
			choices = []string{"true", "false"}
		}
		for _, v := range withPrefix(choices, value) {
			out = append(out, path+"="+v)
		}
	}
	if !hasValue {
		return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	}
	return out, cobra.ShellCompDirectiveNoFileComp
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
