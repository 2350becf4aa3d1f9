package update

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"bingfa/runner/lesson"
)

// blockFile returns the path of the file that block b of l names with
// file=, or an error at the block's line if it leads out of the course
// root (see courseRoot), symbolic links followed: update reads and writes
// no file outside the course; or if it is not a regular file (a FIFO
// would block the read). verb says what is not done ("read",
// "written").
func blockFile(l *lesson.Lesson, b *lesson.Block, verb string) (string, error) {
	path := filepath.Join(l.Dir, filepath.FromSlash(b.Opts.File))
	root := lesson.CourseRoot(l.Dir)
	if !within(root, path) {
		return "", lesson.Errorf(l.Path, b.Code.Line,
			"file=%s leads out of the course (the nearest directory above the lesson that holds go.mod or .git): not %s", b.Opts.File, verb)
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return "", lesson.Errorf(l.Path, b.Code.Line, "file=%s is not a regular file (%v): not %s", b.Opts.File, info.Mode().Type(), verb)
	}
	return path, nil
}

// within reports whether path is inside the directory root, both with
// their symbolic links followed as far as they exist.
func within(root, path string) bool {
	r, err := resolve(root)
	if err != nil {
		return false
	}
	p, err := resolve(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve returns the absolute path of p with the symbolic links of its
// longest existing part followed: the rest does not exist yet.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for d := abs; ; d = filepath.Dir(d) {
		real, err := filepath.EvalSymlinks(d)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			return "", err
		}
		rest = filepath.Join(filepath.Base(d), rest)
	}
}
