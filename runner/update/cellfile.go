package update

import (
	"errors"
	"io/fs"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// A FileChange is a file update writes besides a lesson: the complete
// program that a notebook cell with file= assembles. For a cell the lesson
// is the source of truth and the file its mirror, the other way round from
// a complete program's copy.
type FileChange struct {
	Path string
	Old  []byte // the file as read; nil when it does not exist
	New  []byte
}

// CellFiles returns the files that the notebook cells among blocks (of l)
// with file= must hold and do not (see check.CellFile), read with read. A
// cell whose program cannot be assembled or formatted is reported in
// notes, at its line, and its file is left alone. Several cells may name
// the same file when they assemble the same program (the same experiment
// run with different options); the file is written once, and cells that
// would write different programs into it are reported.
func CellFiles(l *lesson.Lesson, blocks []*lesson.Block, read ReadFunc) (files []*FileChange, notes []error) {
	by := map[string]*lesson.Block{} // the cell that writes each file
	for _, b := range blocks {
		if !b.Opts.Cell || b.Opts.File == "" || b.Opts.Exercise || l.Dir == "" {
			continue
		}
		fc, err := cellFile(l, b, read)
		switch {
		case err != nil:
			notes = append(notes, err)
		case fc == nil:
		case by[fc.Path] == nil:
			by[fc.Path] = b
			files = append(files, fc)
		case !sameChange(files, fc):
			notes = append(notes, lesson.Errorf(l.Path, b.Code.Line,
				"file=%s not written: the cell at line %d writes a different program into it", b.Opts.File, by[fc.Path].Code.Line))
		}
	}
	return files, notes
}

// sameChange reports whether files already hold fc's new content for its
// path.
func sameChange(files []*FileChange, fc *FileChange) bool {
	for _, f := range files {
		if f.Path == fc.Path {
			return string(f.New) == string(fc.New)
		}
	}
	return false
}

// cellFile returns the change to the file of cell b, or nil.
func cellFile(l *lesson.Lesson, b *lesson.Block, read ReadFunc) (*FileChange, error) {
	path, err := blockFile(l, b, "written")
	if err != nil {
		return nil, err
	}
	want, err := check.CellFile(l, b)
	if err != nil {
		return nil, lesson.Errorf(l.Path, b.Code.Line, "file=%s not written: %v", b.Opts.File, err)
	}
	old, err := read(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		return nil, lesson.Errorf(l.Path, b.Code.Line, "file=%s: %v", b.Opts.File, err)
	case check.SameCode(string(old), string(want)):
		return nil, nil
	case old == nil:
		old = []byte{}
	}
	return &FileChange{Path: path, Old: old, New: want}, nil
}
