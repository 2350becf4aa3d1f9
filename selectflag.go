package main

import (
	"flag"
	"fmt"
	"regexp"
)

// selectBlocks returns the check.Config.Select of a --run pattern: the
// blocks whose "lesson/name" it matches; nil (every block) for "".
func selectBlocks(pattern string) (func(id string) bool, error) {
	if pattern == "" {
		return nil, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("bad --run: %v", err)
	}
	return re.MatchString, nil
}

// newFlags returns the flag set of subcommand name, whose usage prints
// usage and then the flags.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	return fs
}
