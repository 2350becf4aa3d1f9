package main

import (
	"fmt"
	"os"
	"path/filepath"

	"bingfa/runner/newcourse"
)

// newCmd creates a small course that check, serve and export work on at
// once.
func newCmd(args []string) error {
	fs := newFlags("new", "usage: bingfa new [--title TITLE] DIR\n\nCreates a course in DIR (new or empty): README.md with the course's front matter,\na lesson with a program, its output and an exercise, and the exercise's answer.\n\n")
	title := fs.String("title", "", "the course's `TITLE` (default: the name of DIR)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	dir := fs.Arg(0)
	if *title == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		*title = filepath.Base(abs)
	}
	files, err := newcourse.Write(dir, *title)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(os.Stderr, filepath.Join(dir, f))
	}
	fmt.Fprintf(os.Stderr, "new: wrote the course %q; next:\n\tbingfa check %s\n\tbingfa serve %s\n", *title, dir, dir)
	return nil
}
