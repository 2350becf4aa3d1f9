package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// recorder is a testing.TB that keeps what the helper reports.
type recorder struct {
	testing.TB
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
	r.fatal = true
}

// TestFile checks that a golden file that matches passes, that one that
// differs fails with a unified diff of the two, and that a missing one
// fails and says how to write it.
func TestFile(t *testing.T) {
	if Updating() {
		t.Skip("-update writes instead of comparing")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "x.golden")
	if err := os.WriteFile(path, []byte("a\nb\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	File(r, path, []byte("a\nb\nc\n"))
	if len(r.errors) != 0 {
		t.Errorf("a match fails: %q", r.errors)
	}
	File(r, path, []byte("a\nB\nc\n"))
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "-b\n+B\n") {
		t.Errorf("a mismatch reports %q, want a unified diff", r.errors)
	}
	r = &recorder{TB: t}
	File(r, filepath.Join(dir, "missing.golden"), nil)
	if !r.fatal || !strings.Contains(r.errors[0], "-update") {
		t.Errorf("a missing file reports %q", r.errors)
	}
}

// TestArchive checks that an archive is compared with its inputs followed
// by the sections produced, and that Without keeps the inputs.
func TestArchive(t *testing.T) {
	if Updating() {
		t.Skip("-update writes instead of comparing")
	}
	const text = "comment\n-- in --\n1\n-- out --\nold\n"
	path := filepath.Join(t.TempDir(), "case.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	in := Without(txtar.Parse([]byte(text)), "out")
	if len(in.Files) != 1 || in.Files[0].Name != "in" {
		t.Fatalf("Without kept %v", in.Files)
	}
	r := &recorder{TB: t}
	Archive(r, path, in, txtar.File{Name: "out", Data: []byte("old\n")})
	if len(r.errors) != 0 {
		t.Errorf("a match fails: %q", r.errors)
	}
	Archive(r, path, in, txtar.File{Name: "out", Data: []byte("new\n")})
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "-old\n+new\n") {
		t.Errorf("a mismatch reports %q, want a unified diff", r.errors)
	}
}
