package serve

import (
	"io"
	"os"
	"path/filepath"

	"bingfa/runner/lesson"
)

// maxAnswer bounds the reference answer a page is given.
const maxAnswer = 256 << 10

// answerOf returns the reference answer of exercise b of lesson l, the
// program its file= names, for the page's "show the reference answer"
// control; "" when b is not an exercise, names no file, or the lesson was
// not read from disk. The file is read through an os.Root at the course
// root (the nearest directory above the lesson holding go.mod or .git),
// so that a file= leading out of the course, or a symbolic link doing so,
// is never read; only a regular file of at most maxAnswer bytes is.
func answerOf(l *lesson.Lesson, b *lesson.Block) string {
	if !b.Opts.Exercise || b.Opts.File == "" || l.Dir == "" {
		return ""
	}
	root := lesson.CourseRoot(l.Dir)
	path, err := filepath.Abs(filepath.Join(l.Dir, filepath.FromSlash(b.Opts.File)))
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return ""
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return ""
	}
	defer r.Close()
	f, err := r.Open(rel)
	if err != nil {
		return ""
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() || info.Size() > maxAnswer {
		return ""
	}
	src, err := io.ReadAll(io.LimitReader(f, maxAnswer))
	if err != nil {
		return ""
	}
	return string(src)
}
