package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/update"
	"bingfa/runner/wiring"
)

// updateCmd reruns every block of the given lessons, brings their output
// blocks up to date with what the programs print, and copies the files
// that blocks copy (file=) into the lessons. See package update.
func updateCmd(args []string) error {
	fs := newFlags("update", "usage: bingfa update [flags] PATH...\n\nPATH is a lesson file or a directory of lessons, such as lessons.\n\n")
	dryRun := fs.Bool("dry-run", false, "print the unified diff of the changes instead of writing them")
	runRE := fs.String("run", "", "update only blocks whose `lesson/name` matches this regular expression")
	jobs := fs.Int("j", 0, "run at most `N` programs at once (builds not counted; default: as many as CPUs, and more while CPUs are idle)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	ls, err := lesson.Load(fs.Args())
	if err != nil {
		return err
	}
	set, err := wiring.New(wiring.Compiled, compiledCache()) // the authority on what a block prints
	if err != nil {
		return err
	}
	defer set.Close()
	cfg := set.Config()
	cfg.Jobs, cfg.RunAll = *jobs, true
	if cfg.Select, err = selectBlocks(*runRE); err != nil {
		return err
	}
	// Progress, and the blocks whose output is about to change, go to
	// stderr; the diff of --dry-run and the list of files written, to
	// stdout.
	cfg.Observer = report.NewTerminal(os.Stderr, report.IsTerminal(os.Stderr), false)
	ctx, stop := interruptible()
	defer stop()
	changes, err := update.Plan(ctx, check.New(cfg), ls, os.ReadFile)
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: nothing written")
	}
	if err != nil {
		return err
	}
	return update.Apply(os.Stdout, changes, *dryRun)
}
