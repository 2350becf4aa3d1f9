package update

import (
	"strings"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// A ReadFunc reads a file; update reads the files that blocks copy with
// it.
type ReadFunc func(path string) ([]byte, error)

// Sync returns the source of l with the code of every block of blocks (of
// l, such as l.Blocks) that is a copy of a file (file=, not an exercise
// and not a notebook cell, whose file is written from the lesson instead:
// see CellFiles) replaced by the file's, read with read from the lesson's
// directory, when they differ.
func Sync(l *lesson.Lesson, blocks []*lesson.Block, read ReadFunc) ([]byte, error) {
	var ed editor
	for _, b := range blocks {
		if copied(b) {
			ed.add(syncEdit(l, b, read))
		}
	}
	return ed.apply(l.Source)
}

// syncEdit returns the edit that copies b's file into its code.
func syncEdit(l *lesson.Lesson, b *lesson.Block, read ReadFunc) (edit, bool, error) {
	path, err := blockFile(l, b, "read")
	if err != nil {
		return edit{}, false, err
	}
	src, err := read(path)
	if err != nil {
		return edit{}, false, lesson.Errorf(l.Path, b.Code.Line, "file=%s: %v", b.Opts.File, err)
	}
	if check.SameCode(string(src), b.Code.Text) {
		return edit{}, false, nil
	}
	f := b.Code
	eol := eolAt(l.Source, f.Start)
	nb := &body{}
	code := strings.TrimRight(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	for i, line := range strings.Split(code, "\n") {
		if strings.HasSuffix(line, "\r") {
			return edit{}, false, lesson.Errorf(l.Path, f.Line, "file=%s: line %d ends with a carriage return that a lesson cannot hold; remove it from the file", b.Opts.File, i+1)
		}
		nb.add(line, f.Indent, eol)
	}
	if err := refuseControl(l, f, nb, "file="+b.Opts.File, "remove it from the file"); err != nil {
		return edit{}, false, err
	}
	e, err := replaceBody(l, f, nb)
	return e, err == nil, err
}

// copied reports whether block b is a copy of the file it names.
func copied(b *lesson.Block) bool {
	return b.Opts.File != "" && !b.Opts.Exercise && !b.Opts.Cell
}
