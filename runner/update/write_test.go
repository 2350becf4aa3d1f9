package update

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.md")
	old, new := []byte("old\r\n"), []byte("new\r\n")
	writeOrFail(t, path, old, 0o640)
	if err := WriteFile(path, old, new); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, new)
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	assertNoTemp(t, path)
}

// TestWriteInterrupted stops a write just before the rename: the original
// file must be intact and no temporary file left.
func TestWriteInterrupted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.md")
	old := []byte("old\n")
	writeOrFail(t, path, old, 0o644)
	crash := errors.New("interrupted")
	err := writeFile(path, old, []byte("new\n"), func(from, to string) error {
		if got, _ := os.ReadFile(from); string(got) != "new\n" {
			t.Errorf("temporary file holds %q before the rename", got)
		}
		return crash
	})
	if !errors.Is(err, crash) {
		t.Fatalf("err = %v, want %v", err, crash)
	}
	assertFile(t, path, old)
	assertNoTemp(t, path)
}

// TestWriteChanged refuses to overwrite a file that changed since it was
// read.
func TestWriteChanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.md")
	writeOrFail(t, path, []byte("edited meanwhile\n"), 0o644)
	err := WriteFile(path, []byte("old\n"), []byte("new\n"))
	if err == nil || !strings.Contains(err.Error(), "changed on disk since it was read") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	assertFile(t, path, []byte("edited meanwhile\n"))
	assertNoTemp(t, path)
}

func writeOrFail(t *testing.T, path string, data []byte, perm os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
}

func assertFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != string(want) {
		t.Errorf("%s holds %q (%v), want %q", path, got, err, want)
	}
}

func assertNoTemp(t *testing.T, path string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left in the directory: %v", names)
	}
}

// TestWriteNew creates a file that must not exist yet, with its directory,
// and refuses when it appeared meanwhile.
func TestWriteNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "examples", "x", "main.go")
	if err := WriteFile(path, nil, []byte("package main\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, []byte("package main\n"))
	assertNoTemp(t, path)
	err := WriteFile(path, nil, []byte("package other\n"))
	if err == nil || !strings.Contains(err.Error(), "created on disk since update began") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	assertFile(t, path, []byte("package main\n"))
	assertNoTemp(t, path)
}

// TestWriteSymlink checks that a lesson that is a symbolic link has its
// target rewritten: the link stays a link.
func TestWriteSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "l.md")
	os.MkdirAll(filepath.Dir(target), 0o755)
	writeOrFail(t, target, []byte("old\n"), 0o644)
	link := filepath.Join(dir, "l.md")
	if err := os.Symlink("real/l.md", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFile(link, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, target, []byte("new\n"))
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info.Mode(), err)
	}
	assertNoTemp(t, target)
}

// TestWriteHardLink checks that a lesson with two names is rewritten in
// place: both names see the new content, and the saved old content is
// gone once the write is done.
func TestWriteHardLink(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "l.md"), filepath.Join(dir, "b", "l.md")
	os.MkdirAll(filepath.Dir(a), 0o755)
	os.MkdirAll(filepath.Dir(b), 0o755)
	writeOrFail(t, a, []byte("old content\n"), 0o640)
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	if err := WriteFile(b, []byte("old content\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, a, []byte("new\n"))
	assertFile(t, b, []byte("new\n"))
	assertNoTemp(t, a)
	assertNoTemp(t, b)
	if info, _ := os.Stat(a); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	// Edited meanwhile: nothing written, nothing left.
	err := WriteFile(b, []byte("old content\n"), []byte("newer\n"))
	if err == nil || !strings.Contains(err.Error(), "changed on disk since it was read") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	assertFile(t, a, []byte("new\n"))
	assertNoTemp(t, b)
}

// TestWriteInPlaceFails checks that a write in place that fails half-way
// keeps the old content in a file it names.
func TestWriteInPlaceFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.md")
	writeOrFail(t, path, []byte("old\n"), 0o644)
	saved, err := tempWith(path, ".old", []byte("old\n"), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	err = keptIn(path, saved, errors.New("disk full"))
	if got, _ := os.ReadFile(saved); string(got) != "old\n" || !strings.Contains(err.Error(), saved) {
		t.Errorf("saved %q, error %v", got, err)
	}
}

// TestWriteReadOnly checks that a file without write permission is
// refused, though its directory is writable (a rename would replace it).
func TestWriteReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.md")
	writeOrFail(t, path, []byte("old\n"), 0o444)
	err := WriteFile(path, []byte("old\n"), []byte("new\n"))
	if err == nil || !strings.Contains(err.Error(), "read-only; not updated") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	assertFile(t, path, []byte("old\n"))
	assertNoTemp(t, path)
}
