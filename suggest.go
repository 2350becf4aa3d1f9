package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"bingfa/runner/lesson"
)

// commands are bingfa's commands, for suggestions.
var commands = []string{"check", "update", "export", "serve", "read", "new", "import", "report", "help"}

// didYouMean returns " (did you mean X?)" for the known word nearest to
// s, when one is at most two edits away, else "".
func didYouMean(s string, known []string) string {
	if best := lesson.Nearest(s, known); best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// askedHelp reports whether args ask a command for its usage (-h,
// -help, --help before any "--").
func askedHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}

// checkPaths refuses, before anything runs, a path that is neither a
// lesson file (*.md) nor a directory.
func checkPaths(paths []string) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("%s: not a lesson file or directory: %v", p, errors.Unwrap(err))
		}
		if !info.IsDir() && !strings.EqualFold(filepath.Ext(p), ".md") {
			return fmt.Errorf("%s: not a lesson file (*.md) or directory", p)
		}
	}
	return nil
}

// writable refuses, before anything runs, a report file whose directory
// does not exist.
func writable(out string) error {
	if out == "" {
		return nil
	}
	dir := filepath.Dir(out)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("%s: cannot write the report: no directory %s", out, dir)
	}
	return nil
}

// portHint adds to a listening error what to do when the port is taken.
func portHint(err error, addr string) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("%w\n%s is in use (another bingfa serve?): pick another port with -addr, e.g. -addr 127.0.0.1:8081", err, addr)
	}
	return err
}

// noLesson says that name is no lesson, and lists the lessons.
func noLesson(name string, names []string) error {
	return fmt.Errorf("%s: no such lesson file or embedded lesson%s; the lessons are: %s", name, didYouMean(name, names), strings.Join(names, ", "))
}
