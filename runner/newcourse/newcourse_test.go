package newcourse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bingfa/runner/lesson"
)

// TestWrite: the course's files, its lesson parsed, its title (with
// characters YAML would misread) read back from the front matter; a
// directory that is not empty is refused.
func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	const title = `课程: "引号" # 与井号`
	files, err := Write(dir, title)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"01-goroutines.md", "README.md", "answers/sum.go"}; !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	c, err := lesson.ReadCourse(os.DirFS(dir), ".")
	if err != nil || c.Title != title || c.Lang != "zh-CN" || c.Blurb == "" {
		t.Errorf("course %+v, %v; want title %q, lang zh-CN and a blurb", c, err, title)
	}
	ls, err := lesson.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 || len(ls[0].Blocks) != 2 || !ls[0].Blocks[1].Opts.Exercise {
		t.Errorf("want one lesson with a program and an exercise")
	}
	readme, _ := os.ReadFile(filepath.Join(dir, "README.md"))
	if !strings.Contains(string(readme), "bingfa check "+dir+" ") {
		t.Errorf("README does not name the course's directory in its commands:\n%s", readme)
	}
	if _, err := Write(dir, "again"); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("writing into a course again: %v", err)
	}
}
