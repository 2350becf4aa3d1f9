package lesson

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadSubdirectories checks that a directory whose lessons are all in
// subdirectories is refused with the subdirectories named.
func TestLoadSubdirectories(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"README.md", "part1/a.md", "part1/b.md", "part2/README.md", "part3/c.md"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("# A lesson\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Load([]string{dir})
	want := dir + ": no lessons (*.md files) here; subdirectories are not searched: name them, such as " +
		filepath.Join(dir, "part1") + " " + filepath.Join(dir, "part3")
	if err == nil || err.Error() != want {
		t.Errorf("Load(dir) error = %v, want %s", err, want)
	}
	ls, err := Load([]string{filepath.Join(dir, "part1"), filepath.Join(dir, "part3")})
	if err != nil || len(ls) != 3 {
		t.Fatalf("Load(subdirectories) = %d lessons, %v", len(ls), err)
	}
	if _, err := Load([]string{filepath.Join(dir, "part2")}); err == nil || strings.Contains(err.Error(), "subdirectories") {
		t.Errorf("Load(part2) error = %v, want a plain error", err)
	}
}
