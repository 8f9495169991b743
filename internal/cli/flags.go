// Package cli holds what the programs share on the command line.
package cli

import "flag"

// Parse parses flags and positional arguments in any order (the flag
// package stops at the first positional one) and returns the positional
// ones. -h gives flag.ErrHelp.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
