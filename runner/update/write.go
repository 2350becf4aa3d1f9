package update

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff returns the unified diff of the change ("" when nothing changes).
func (c *Change) Diff() string {
	if !c.Changed() {
		return ""
	}
	p := strings.TrimPrefix(filepath.ToSlash(c.Lesson.Path), "/")
	return udiff.Unified("a/"+p, "b/"+p, string(c.Lesson.Source), string(c.New))
}

// Write writes the change to the lesson's file, if there is one.
func (c *Change) Write() error {
	if !c.Changed() {
		return nil
	}
	return WriteFile(c.Lesson.Path, c.Lesson.Source, c.New)
}

// WriteFile replaces the contents of the file at path, which must still be
// old, by new, atomically: new is written to a temporary file in the same
// directory, which is then renamed over path. The file keeps its
// permissions. If the file changed since old was read, nothing is written.
func WriteFile(path string, old, new []byte) error {
	return writeFile(path, old, new, os.Rename)
}

// writeFile is WriteFile with the rename as a parameter, so that tests can
// interrupt a write.
func writeFile(path string, old, new []byte, rename func(from, to string) error) (err error) {
	info, err := os.Stat(path)
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
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
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

// unchanged reports an error if the file at path no longer holds old.
func unchanged(path string, old []byte) error {
	now, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, old) {
		return fmt.Errorf("%s: changed on disk since it was read; not updated (run update again)", path)
	}
	return nil
}
