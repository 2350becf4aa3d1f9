package lesson

import (
	"cmp"
	"errors"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Load reads and parses the lessons named by paths. A path is a Markdown
// file or a directory, whose *.md files (not those in subdirectories, not
// dotfiles, and not README.md) are lessons. A lesson file must be a
// regular file (not a FIFO or a device) of at most MaxSize bytes, and its
// Markdown nested within bounds (see checkBounds). The lessons come back in course order: by
// front matter order, then by file name. Problems in every lesson are
// reported together, as an ErrorList, beside the lessons that have none:
// one broken lesson does not hide the others.
func Load(paths []string) ([]*Lesson, error) {
	files, err := expand(paths)
	if err != nil {
		return nil, err
	}
	lessons, err := parseAll(files, readFile)
	for _, l := range lessons {
		l.Dir = filepath.Dir(l.Path)
	}
	return lessons, err
}

// LoadFS reads and parses every lesson in dir of fsys, as Load does for a
// directory on disk: the lessons that parse come back beside the
// ErrorList of those that do not.
func LoadFS(fsys fs.FS, dir string) ([]*Lesson, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if isLessonFile(e.Name()) && !e.IsDir() {
			files = append(files, path.Join(dir, e.Name()))
		}
	}
	return parseAll(files, func(name string) ([]byte, error) {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readMax(name, f)
	})
}

// expand turns directories into the lesson files they hold.
func expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		n := len(files)
		for _, e := range entries {
			if !e.IsDir() && isLessonFile(e.Name()) {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
		if len(files) == n {
			return nil, errors.New(p + ": no lessons (*.md files) here" + subdirHint(p))
		}
	}
	return files, nil
}

// subdirHint names the subdirectories of dir that hold lessons, for the
// error about a directory without lessons of its own: lessons are not
// looked for in subdirectories.
func subdirHint(dir string) string {
	var dirs []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isLessonFile(d.Name()) {
			if sub := filepath.Dir(p); len(dirs) == 0 || dirs[len(dirs)-1] != sub {
				dirs = append(dirs, sub)
			}
		}
		return nil
	})
	switch {
	case len(dirs) == 0:
		return ""
	case len(dirs) > 3:
		dirs = append(dirs[:3], "...")
	}
	return "; subdirectories are not searched: name them, such as " + strings.Join(dirs, " ")
}

// isLessonFile reports whether a file of a lesson directory is a lesson:
// *.md, not README.md, and not hidden (a dotfile, such as an editor's
// lock file).
func isLessonFile(name string) bool {
	return strings.HasSuffix(name, ".md") && !strings.EqualFold(name, "README.md") && !strings.HasPrefix(name, ".")
}

func parseAll(files []string, read func(string) ([]byte, error)) ([]*Lesson, error) {
	var lessons []*Lesson
	var errs ErrorList
	for _, f := range files {
		src, err := read(f)
		if err != nil {
			return nil, err
		}
		if err := checkBounds(f, src); err != nil {
			errs = append(errs, err.(*Error))
			continue
		}
		l, err := Parse(f, src)
		if err != nil {
			errs = append(errs, err.(ErrorList)...)
			continue
		}
		lessons = append(lessons, l)
	}
	Sort(lessons)
	return lessons, errs.Err()
}

// Sort puts lessons in course order: lessons with a front matter order
// first, by that order, then the others; ties by file name.
func Sort(lessons []*Lesson) {
	key := func(l *Lesson) int {
		if l.Order == 0 {
			return math.MaxInt
		}
		return l.Order
	}
	slices.SortStableFunc(lessons, func(a, b *Lesson) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), strings.Compare(a.Path, b.Path))
	})
}
