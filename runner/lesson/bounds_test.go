package lesson

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadBounds checks that lessons that would take goldmark minutes to
// parse, and files that are no lessons, are refused at once, at their
// line.
func TestLoadBounds(t *testing.T) {
	nestedList := func(levels int) string {
		var b strings.Builder
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, src, want string
	}{
		{"quotes", "# T\n\n" + strings.Repeat(">", 20000) + " x\n", "x.md:3: more than 16 block quotes"},
		{"quotes and lists", strings.Repeat("> - ", 5000) + "x\n", "x.md:1: more than 16 block quotes"},
		{"nested list", nestedList(200), "x.md:33: indented by more than 64 columns"},
		{"links", "# T\n\n" + strings.Repeat("[a](", 20000) + "\n", "x.md:3: more than 512 \"[\" and \"<\" in one paragraph"},
		{"brackets over lines", strings.Repeat("[[[[\n", 200), "x.md:129: more than 512"},
		{"too large", strings.Repeat("a\n", MaxSize/2+1), "larger than 1048576 bytes"},
		{"fenced code is not Markdown", "```go\n" + strings.Repeat("a[i] <- b[j]\n", 1000) + strings.Repeat("\t", 40) + "x\n```\n", ""},
		{"a fake fence hides nothing", "    ```\n" + strings.Repeat("[a](", 600) + "\n", "x.md:2: more than 512"},
		{"fence in a list", "- a\n\n  ```go\n  " + strings.Repeat("[", 600) + "\n  ```\n", ""},
		{"within bounds", nestedList(16) + strings.Repeat("> ", 16) + "x\n\n" + strings.Repeat("[a] ", 500) + "\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.md")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load([]string{path})
			got := ""
			if err != nil {
				got = strings.ReplaceAll(err.Error(), filepath.Dir(path)+string(filepath.Separator), "")
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", got)
			case tt.want != "" && !strings.Contains(got, tt.want):
				t.Errorf("error %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLoadNotRegular checks that a FIFO (which would block) and a device
// are refused as lessons, named or in a directory.
func TestLoadNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	for _, paths := range [][]string{{fifo}, {dir}, {os.DevNull}} {
		if _, err := Load(paths); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("Load(%v): %v, want a refusal", paths, err)
		}
	}
}

// TestCourseWithinBounds checks that the course's lessons and every test
// lesson of the repository are within the bounds.
func TestCourseWithinBounds(t *testing.T) {
	n := 0
	filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != "../.." {
			return fs.SkipDir
		}
		if strings.HasSuffix(p, ".md") && !strings.Contains(p, "bounds") {
			src, err := os.ReadFile(p)
			if err == nil && len(src) <= MaxSize {
				n++
				if err := checkBounds(p, src); err != nil {
					t.Error(err)
				}
			}
		}
		return nil
	})
	if n < 50 {
		t.Errorf("only %d lessons checked", n)
	}
}
