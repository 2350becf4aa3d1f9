package update

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"bingfa/runner/lesson"
)

// TestCourseRoot checks which file= a lesson in a course (a directory
// with go.mod, lessons/ and examples/) may copy: the course's own
// examples, not a file outside it, whether named with ".." or reached
// through a symbolic link.
func TestCourseRoot(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "course")
	for name, data := range map[string]string{
		"course/go.mod":                "module course\n",
		"course/examples/a/main.go":    "package main\n\nfunc main() { println(\"a\") }\n",
		"outside.go":                   "package main // not to be read\n",
		"course/lessons/sub/.keep":     "",
		"course/examples/b/README.txt": "",
	} {
		write(t, filepath.Join(top, name), []byte(data))
	}
	if err := os.Symlink(filepath.Join(top, "outside.go"), filepath.Join(root, "examples", "b", "main.go")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	fifo := filepath.Join(root, "examples", "b", "fifo.go")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	for _, tt := range []struct{ dir, file, err string }{
		{"lessons", "../examples/a/main.go", ""},
		{"lessons/sub", "../../examples/a/main.go", ""},
		{"lessons", "../../outside.go", "leads out of the course"},
		{"lessons", "../examples/b/main.go", "leads out of the course"},
		{"lessons/sub", "../../../outside.go", "leads out of the course"},
		{"lessons", "../examples/b/fifo.go", "is not a regular file"},
	} {
		t.Run(tt.dir+"/"+tt.file, func(t *testing.T) {
			src := "```go file=" + tt.file + "\npackage main\n```\n"
			path := filepath.Join(root, tt.dir, "l.md")
			write(t, path, []byte(src))
			ls, err := lesson.Load([]string{path})
			if err != nil {
				t.Fatal(err)
			}
			got, err := Sync(ls[0], ls[0].Blocks, os.ReadFile)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.err == "" && !strings.Contains(string(got), `println("a")`):
				t.Errorf("not copied:\n%s", got)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("err = %v, want %q", err, tt.err)
			case strings.Contains(string(got), "not to be read"):
				t.Errorf("a file outside the course was read")
			}
		})
	}
}
