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
