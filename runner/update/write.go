package update

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff returns the unified diff of the change ("" when nothing changes).
func (c *Change) Diff() string {
	var b strings.Builder
	for _, f := range c.Files {
		b.WriteString(diff(f.Path, f.Old, f.New))
	}
	if string(c.New) != string(c.Lesson.Source) {
		b.WriteString(diff(c.Lesson.Path, c.Lesson.Source, c.New))
	}
	return b.String()
}

// diff returns the unified diff of a file from old (nil: absent) to new.
func diff(path string, old, new []byte) string {
	p := strings.TrimPrefix(filepath.ToSlash(path), "/")
	from := "a/" + p
	if old == nil {
		from = "/dev/null"
	}
	return udiff.Unified(from, "b/"+p, string(old), string(new))
}

// Write writes the files of the change, then the lesson, if they change.
func (c *Change) Write() error {
	for _, f := range c.Files {
		if err := WriteFile(f.Path, f.Old, f.New); err != nil {
			return err
		}
	}
	if string(c.New) == string(c.Lesson.Source) {
		return nil
	}
	return WriteFile(c.Lesson.Path, c.Lesson.Source, c.New)
}

// WriteFile replaces the contents of the file at path, which must still be
// old, by new. If the file changed since old was read, nothing is
// written. A nil old means that the file must not exist: it is created,
// with its directory, readable by all.
//
// A symbolic link is followed: its target is rewritten, the link stays. A
// file without write permission is refused. A file of one name is written
// atomically: new goes to a temporary file in the same directory, which is
// then renamed over it, with the file's permissions. A file with several
// names (hard links) is rewritten in place, so that every name sees the
// new content: its old content is first saved to a file next to it
// (.NAME.*.old), removed once the new content is on disk, and kept, and
// named in the error, if the write fails half-way.
func WriteFile(path string, old, new []byte) error {
	return writeFile(path, old, new, os.Rename)
}

// writeFile is WriteFile with the rename as a parameter, so that tests can
// interrupt a write.
func writeFile(path string, old, new []byte, rename func(from, to string) error) error {
	if old == nil {
		return replace(path, path, old, new, 0o644, rename)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(real)
	switch {
	case err != nil:
		return err
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file; not updated", path)
	case info.Mode().Perm()&0o222 == 0:
		return fmt.Errorf("%s: read-only; not updated (make it writable to update it)", path)
	case links(info) > 1:
		return inPlace(path, real, old, new)
	}
	return replace(path, real, old, new, info.Mode().Perm(), rename)
}

// replace writes new to a temporary file next to real (the file at path,
// symbolic links followed), which is renamed over it.
func replace(path, real string, old, new []byte, perm os.FileMode, rename func(from, to string) error) (err error) {
	if old == nil {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
	}
	tmp, err := tempWith(real, ".tmp", new, perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if err := unchanged(path, old); err != nil {
		return err
	}
	return rename(tmp, real)
}

// inPlace rewrites real, a file with several names (the file at path), in
// place, its old content saved next to it until the new one is on disk.
func inPlace(path, real string, old, new []byte) error {
	f, err := os.OpenFile(real, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	saved, err := tempWith(real, ".old", old, 0o600)
	if err != nil {
		return err
	}
	if err := unchanged(path, old); err != nil {
		os.Remove(saved)
		return err
	}
	if _, err := f.WriteAt(new, 0); err != nil {
		return keptIn(path, saved, err)
	}
	if err := f.Truncate(int64(len(new))); err != nil {
		return keptIn(path, saved, err)
	}
	if err := f.Sync(); err != nil {
		return keptIn(path, saved, err)
	}
	return os.Remove(saved)
}

// keptIn is the error of a write in place that failed half-way.
func keptIn(path, saved string, err error) error {
	return fmt.Errorf("%s: writing it in place failed (%v); its old content is kept in %s", path, err, saved)
}

// tempWith writes data to a new temporary file next to path, named after
// it with suffix, with permissions perm and synced to disk, and returns
// its name.
func tempWith(path, suffix string, data []byte, perm os.FileMode) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+suffix)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return "", err
	}
	if err := tmp.Chmod(perm); err != nil {
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		return "", err
	}
	return tmp.Name(), tmp.Close()
}

// unchanged reports an error if the file at path no longer holds old (or,
// for a nil old, exists).
func unchanged(path string, old []byte) error {
	now, err := os.ReadFile(path)
	if old == nil && errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if old == nil {
		return fmt.Errorf("%s: created on disk since update began; not written (run update again)", path)
	}
	if !bytes.Equal(now, old) {
		return fmt.Errorf("%s: changed on disk since it was read; not updated (run update again)", path)
	}
	return nil
}
