// Command bingfa checks, reads, updates and exports bingfa (并发), an
// executable tutorial on processes, threads, goroutines and concurrency,
// written as Markdown lessons whose Go programs are run for real.
//
// Usage:
//
//	bingfa                           read the course live in a browser (serve)
//	bingfa serve [-addr A] [PATH]    serve lessons with runnable, editable code
//	bingfa read [--all] LESSON...    read lessons in the terminal, running each block
//	bingfa check [flags] [PATH...]   build and run every block, compare outputs
//	bingfa update [flags] PATH...    rerun every block, rewrite outputs, sync copies
//	bingfa export -o DIR [PATH...]   write the course as a static website
//	bingfa export --format ipynb ... write the lessons as Jupyter notebooks
//	bingfa import NOTEBOOK.ipynb     turn a Go notebook into a lesson
//	bingfa new DIR                   create a small course of your own
//	bingfa report merge REPORT...    combine the JSON reports of sharded checks
//
// With no PATH, the lessons embedded in the binary are used.
package main

import (
	"errors"
	"fmt"
	"os"

	"bingfa/runner/proc"
	"bingfa/runner/report"
	"bingfa/runner/yaegi"
)

const usage = `bingfa: an executable tutorial on concurrency (并发)

Usage:
	bingfa                       read the course live: serve it, and open the link it prints
	bingfa serve [-addr ADDR] [PATH]
	bingfa read [--all] LESSON...
	bingfa check [-v] [--run REGEXP] [--json FILE] [--junit FILE] [--shard K/N] [PATH...]
	bingfa import [-o FILE] NOTEBOOK.ipynb
	bingfa new [--title TITLE] DIR
	bingfa report merge [-o FILE] [--junit FILE] REPORT.json...
	bingfa update [--dry-run] [--run REGEXP] PATH...
	bingfa export -o DIR [--no-run] [--format html|ipynb] [PATH...]

Run 'bingfa COMMAND -h' for the flags of a command.
`

// errSilent is returned by commands that have already reported why they
// failed (a check with failing blocks): main prints nothing more.
var errSilent = errors.New("failed")

func main() {
	yaegi.MaybeWorker()    // a re-executed sandbox init never returns from it
	proc.BecomeSubreaper() // reap what the programs run leave behind
	err := run(os.Args[1:])
	if errors.Is(err, errUsage) && askedHelp(os.Args[1:]) {
		err = nil // the usage was asked for, and printed
	}
	if err != nil {
		if !errors.Is(err, errSilent) && !errors.Is(err, errUsage) { // the flag package printed the usage
			// An error may quote a lesson or a program's output: its
			// control characters are escaped, as check escapes them.
			fmt.Fprintln(os.Stderr, report.Printable(err.Error()))
		}
		os.Exit(exitCode(err))
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return serveCmd(nil)
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "check":
		return checkCmd(args)
	case "update":
		return updateCmd(args)
	case "export":
		return exportCmd(args)
	case "serve":
		return serveCmd(args)
	case "read":
		return readCmd(args)
	case "new":
		return newCmd(args)
	case "import":
		return importCmd(args)
	case "report":
		return reportCmd(args)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	}
	return fmt.Errorf("bingfa: unknown command %q%s\n\n%s", cmd, didYouMean(cmd, commands), usage)
}

var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}
