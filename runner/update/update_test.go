package update

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"bingfa/internal/golden"
	"bingfa/runner/lesson"
)

// TestRewrite runs each case of testdata/*.txt (see testdata/README): the
// lesson is written to a directory with its files, loaded, synchronised
// with its files and brought up to date with the actual outputs; the
// result must be want.md, or the error must be error.
func TestRewrite(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no test cases", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			t.Parallel()
			c := readCase(t, file)
			got, files, err := c.run(t)
			c.check(t, file, got, err)
			c.checkFiles(t, files)
		})
	}
}

// A testCase is one archive of testdata.
type testCase struct {
	*txtar.Archive
	opts map[string]bool
}

// readCase reads an archive: a comment, then sections.
func readCase(t *testing.T, file string) *testCase {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := &testCase{Archive: a, opts: map[string]bool{}}
	for _, w := range strings.Fields(c.get("options")) {
		c.opts[w] = true
	}
	return c
}

func (c *testCase) get(name string) string {
	for _, f := range c.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func (c *testCase) has(name string) bool {
	for _, f := range c.Files {
		if f.Name == name {
			return true
		}
	}
	return false
}

// source returns a section as a lesson's bytes: with CRLF line endings
// under the option crlf, without the final newline under noeol.
func (c *testCase) source(name string) []byte {
	return c.form(c.get(name))
}

// form gives s the lesson's line endings and final newline.
func (c *testCase) form(s string) []byte {
	if c.opts["noeol"] {
		s = strings.TrimSuffix(s, "\n")
	}
	if c.opts["crlf"] {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return []byte(s)
}

// actual returns the sections "actual NAME": the output of block NAME.
func (c *testCase) actual() map[string]string {
	out := map[string]string{}
	for _, f := range c.Files {
		if name, ok := strings.CutPrefix(f.Name, "actual "); ok {
			out[name] = string(f.Data)
		}
	}
	return out
}

// run writes the lesson and its files to a directory and updates it. It
// returns the new lesson and the files its cells must hold, by path
// relative to the directory.
func (c *testCase) run(t *testing.T) ([]byte, map[string]string, error) {
	dir := t.TempDir()
	for _, f := range c.Files {
		if name, ok := strings.CutPrefix(f.Name, "file "); ok {
			write(t, filepath.Join(dir, name), f.Data)
		}
	}
	path := filepath.Join(dir, "lesson.md")
	write(t, path, c.source("lesson.md"))
	ls, err := lesson.Load([]string{path})
	if err != nil {
		return nil, nil, trimDir(err, dir)
	}
	out, err := rewrite(ls[0], c.actual())
	if err != nil {
		return nil, nil, trimDir(err, dir)
	}
	files := map[string]string{}
	fcs, notes := CellFiles(ls[0], ls[0].Blocks, os.ReadFile)
	for _, fc := range fcs {
		rel, _ := filepath.Rel(dir, fc.Path)
		if _, twice := files[filepath.ToSlash(rel)]; twice {
			files["note"] += "written twice: " + filepath.ToSlash(rel) + "\n"
		}
		files[filepath.ToSlash(rel)] = string(fc.New)
	}
	for _, n := range notes {
		files["note"] += trimDir(n, dir).Error() + "\n"
	}
	return out, files, nil
}

// checkFiles compares the files written for cells with the sections
// "want file PATH" (and the notes about cells with "want file note").
func (c *testCase) checkFiles(t *testing.T, files map[string]string) {
	want := map[string]string{}
	for _, f := range c.Files {
		if name, ok := strings.CutPrefix(f.Name, "want file "); ok {
			want[name] = string(f.Data)
		}
	}
	for name, data := range files {
		if want[name] != data {
			t.Errorf("file %s:\n%s\nwant:\n%s", name, data, want[name])
		}
	}
	for name := range want {
		if _, ok := files[name]; !ok {
			t.Errorf("file %s not written", name)
		}
	}
}

// rewrite synchronises l with its files and brings its outputs up to date.
func rewrite(l *lesson.Lesson, actual map[string]string) ([]byte, error) {
	src, err := Sync(l, l.Blocks, os.ReadFile)
	if err != nil {
		return nil, err
	}
	l2, err := reparse(l, src)
	if err != nil {
		return nil, err
	}
	return Outputs(l2, actual, nil)
}

func (c *testCase) check(t *testing.T, file string, got []byte, err error) {
	if c.has("error") {
		if err == nil {
			t.Fatalf("no error; want:\n%s", c.get("error"))
		}
		if want := strings.TrimSpace(c.get("error")); err.Error() != want {
			t.Fatalf("error:\n%v\nwant:\n%s", err, want)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	golden.Archive(t, file, golden.Without(c.Archive, "want.md"), c.want(t, got)...)
	c.stable(t, got)
}

// stable checks that the result parses, that every block given an actual
// output now matches it, and that updating again changes nothing.
func (c *testCase) stable(t *testing.T, got []byte) {
	l, err := lesson.Parse("lesson.md", got)
	if err != nil {
		t.Fatalf("the result does not parse: %v", err)
	}
	for name, out := range c.actual() {
		b := l.Block(name)
		if b != nil && b.Output != nil && !matches(b, b.Output.Text, out) {
			t.Errorf("block %s does not match its output after the update", name)
		}
	}
	again, err := Outputs(l, c.actual(), nil)
	if err != nil || !bytes.Equal(again, got) {
		t.Errorf("a second update changes the result (%v):\n%s", err, diffText(got, again))
	}
}

// want returns the golden section want.md of a result: got in LF, with
// a final newline; none when got is the lesson itself. A result whose
// line endings or final newline are not the lesson's is an error.
func (c *testCase) want(t *testing.T, got []byte) []txtar.File {
	s := strings.ReplaceAll(string(got), "\r\n", "\n")
	if c.opts["noeol"] {
		s += "\n"
	}
	if !bytes.Equal(c.form(s), got) {
		t.Errorf("the result's line endings or final newline are not the lesson's: %q", got)
	}
	if s == c.get("lesson.md") {
		return nil
	}
	return []txtar.File{{Name: "want.md", Data: []byte(s)}}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// trimDir removes the test's directory from an error's text.
func trimDir(err error, dir string) error {
	if err == nil {
		return nil
	}
	return errString(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
}

type errString string

func (e errString) Error() string { return string(e) }

func diffText(want, got []byte) string {
	ch := &Change{Lesson: &lesson.Lesson{Path: "lesson.md", Source: want}, New: got}
	return ch.Diff()
}
