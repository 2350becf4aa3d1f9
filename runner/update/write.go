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
// old, by new, atomically: new is written to a temporary file in the same
// directory, which is then renamed over path. The file keeps its
// permissions. If the file changed since old was read, nothing is
// written. A nil old means that the file must not exist: it is created,
// with its directory, readable by all.
func WriteFile(path string, old, new []byte) error {
	return writeFile(path, old, new, os.Rename)
}

// writeFile is WriteFile with the rename as a parameter, so that tests can
// interrupt a write.
func writeFile(path string, old, new []byte, rename func(from, to string) error) (err error) {
	perm, err := filePerm(path, old)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(new); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := unchanged(path, old); err != nil {
		return err
	}
	return rename(tmp.Name(), path)
}

// filePerm returns the permissions the file at path keeps, or, when old
// is nil, those of a new file, after creating its directory.
func filePerm(path string, old []byte) (os.FileMode, error) {
	if old == nil {
		return 0o644, os.MkdirAll(filepath.Dir(path), 0o755)
	}
	info, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return info.Mode().Perm(), nil
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
