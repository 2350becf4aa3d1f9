package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"bingfa/runner/lesson"
)

// A Library is the lessons a server shows: the embedded course, or the
// lessons of a directory (or one file) on disk, read again whenever a
// lesson file changes.
type Library struct {
	fsys  fs.FS    // embedded lessons; nil when reading from disk
	paths []string // the lesson files or directory on disk
	files fs.FS    // the lesson directory, for files other than lessons
	dir   string   // the lesson directory, symbolic links resolved

	mu      sync.Mutex
	loaded  bool
	stamp   string // the files' names, sizes and times when last loaded
	lessons []*lesson.Lesson
	err     error
}

// Embedded returns a library of the lessons in the root of fsys.
func Embedded(fsys fs.FS) *Library { return &Library{fsys: fsys} }

// Dir returns a library of the lessons at path: a directory of lessons or
// one lesson file. Files next to the lessons (images) are served too.
func Dir(path string) (*Library, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	dir := path
	if !info.IsDir() {
		dir = filepath.Dir(path)
	}
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Library{paths: []string{path}, files: root.FS(), dir: dir}, nil
}

// Lessons returns the lessons, read again if a file changed since the last
// call, or the problems found in them.
func (lib *Library) Lessons() ([]*lesson.Lesson, error) {
	lib.mu.Lock()
	defer lib.mu.Unlock()
	stamp := lib.Stamp()
	if lib.loaded && stamp == lib.stamp {
		return lib.lessons, lib.err
	}
	if lib.fsys != nil {
		lib.lessons, lib.err = lesson.LoadFS(lib.fsys, ".")
	} else {
		lib.lessons, lib.err = lesson.Load(lib.paths)
	}
	lib.loaded, lib.stamp = true, stamp
	return lib.lessons, lib.err
}

// Lesson returns the lesson called name.
func (lib *Library) Lesson(name string) (*lesson.Lesson, []*lesson.Lesson, error) {
	ls, err := lib.Lessons()
	if err != nil {
		return nil, nil, err
	}
	for _, l := range ls {
		if l.Name == name {
			return l, ls, nil
		}
	}
	return nil, ls, errNotFound
}

var errNotFound = fmt.Errorf("not found")

// Stamp returns a string that changes whenever a lesson file is added,
// removed or written: the files' names, sizes and modification times. It
// is constant for embedded lessons.
func (lib *Library) Stamp() string {
	if lib.fsys != nil {
		return "embedded"
	}
	var files []string
	for _, p := range lib.paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			files = append(files, p)
			continue
		}
		m, _ := filepath.Glob(filepath.Join(p, "*.md"))
		files = append(files, m...)
	}
	sort.Strings(files)
	var b strings.Builder
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			continue
		}
		fmt.Fprintf(&b, "%s %d %d\n", f, info.Size(), info.ModTime().UnixNano())
	}
	return b.String()
}

// Files returns the file system of the files next to the lessons that
// pages may load (images), or nil for embedded lessons. It is rooted at
// the lesson directory (an os.Root): nothing outside it can be opened
// through it, not even by a symbolic link.
func (lib *Library) Files() fs.FS { return lib.files }

// Servable reports whether the file called name next to the lessons may
// be served: a single path element that is not hidden (a dotfile), and,
// when it is a symbolic link, that leads to a file of the lesson
// directory that is not hidden either, nor inside a hidden directory
// (such as .git).
func (lib *Library) Servable(name string) bool {
	if lib.files == nil || !fs.ValidPath(name) || strings.ContainsAny(name, `/\`) || hidden(name) {
		return false
	}
	real, err := filepath.EvalSymlinks(filepath.Join(lib.dir, name))
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(lib.dir, real)
	if err != nil {
		return false
	}
	// A hidden element, or "..": outside the directory.
	return !slices.ContainsFunc(strings.Split(filepath.ToSlash(rel), "/"), hidden)
}

// hidden reports whether a file name is a dotfile's.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// pollInterval is how often a page's watcher looks for changed lessons.
const pollInterval = 300 * time.Millisecond
