package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"bingfa/web/notebook"
)

// importCmd turns a Go notebook into a lesson.
func importCmd(args []string) error {
	fl := newFlags("import", "usage: bingfa import [-o FILE] NOTEBOOK.ipynb\n\nTurns a Go notebook (GoNB) into a lesson: Markdown cells as prose, code cells as\nblocks, their saved outputs as expected outputs. See docs/format.md.\n\n")
	out := fl.String("o", "", "write the lesson to `FILE` (- for standard output; default: NOTEBOOK.md in the current directory)")
	if err := fl.Parse(args); err != nil || fl.NArg() != 1 {
		if err == nil {
			fl.Usage()
		}
		return errUsage
	}
	in := fl.Arg(0)
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	src, err := notebook.Import(data, in)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err := os.Stdout.Write(src)
		return err
	}
	if *out == "" {
		*out = strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)) + ".md"
	}
	if _, err := os.Stat(*out); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: already exists; choose another name with -o", *out)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "import: wrote %s; check it with: bingfa check %s\n", *out, *out)
	return nil
}
