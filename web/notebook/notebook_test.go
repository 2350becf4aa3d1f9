package notebook_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
	"bingfa/runner/wiring"
	"bingfa/web/notebook"

	udiff "github.com/aymanbagabas/go-udiff"
)

// checked is every testdata lesson and the results of checking them with
// the compiled engine, made once.
var checked = sync.OnceValues(func() ([]*lesson.Lesson, notebook.Results) {
	files, _ := filepath.Glob("testdata/*.md")
	ls, err := lesson.Load(files)
	if err != nil {
		panic(err)
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		panic(err)
	}
	defer set.Close()
	res := notebook.Results{}
	for _, r := range check.New(set.Config()).Check(context.Background(), ls).Results {
		res[r.Block] = r
	}
	return ls, res
})

// TestExport compares the notebook of every testdata lesson, with the
// outputs of checking it, with its golden file NAME.ipynb. Stream outputs
// of one cell are compared in the order of their stream names: a program
// whose stdout and stderr are kept apart writes them through two pipes,
// read in either order.
func TestExport(t *testing.T) {
	ls, res := checked()
	for _, l := range ls {
		t.Run(l.Name, func(t *testing.T) {
			data, err := stable(notebook.FromLesson(l, res, ""))
			if err != nil {
				t.Fatal(err)
			}
			golden.File(t, filepath.Join("testdata", l.Name+".ipynb"), data)
		})
	}
}

// stable returns the notebook's JSON with the outputs of each cell in
// the order of their stream names, those of one stream joined, and the
// data of a trace's picture and text, whose timings vary, as its kind
// when it is there.
func stable(nb *notebook.Notebook) ([]byte, error) {
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			for k, v := range o.Data {
				if v != "" {
					o.Data[k] = notebook.Text("(" + k + ")")
				}
			}
		}
		slices.SortStableFunc(c.Outputs, func(a, b *notebook.Output) int { return strings.Compare(a.Name, b.Name) })
		var merged []*notebook.Output
		for _, o := range c.Outputs {
			if n := len(merged); n > 0 && o.Type == "stream" && merged[n-1].Name == o.Name {
				merged[n-1].Text += o.Text
				continue
			}
			merged = append(merged, o)
		}
		c.Outputs = merged
	}
	return nb.Marshal()
}

// TestValidate validates every notebook written by Write, with and
// without results, and the golden files, with the reference validator
// (the Python package nbformat), and converts one to HTML with
// nbconvert, as a renderer would. Without the validator it is skipped,
// unless CI is set.
func TestValidate(t *testing.T) {
	python := pythonWith(t, "nbformat")
	ls, res := checked()
	dir := t.TempDir()
	var files []string
	for sub, r := range map[string]notebook.Results{"run": res, "norun": nil} {
		names, err := notebook.Write(filepath.Join(dir, sub), ls, r, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			files = append(files, filepath.Join(dir, sub, n))
		}
	}
	goldens, _ := filepath.Glob("testdata/*.ipynb")
	files = append(files, goldens...)
	script := `
import sys, nbformat
for f in sys.argv[1:]:
    nb = nbformat.read(f, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    assert nb.nbformat == 4 and nb.metadata.kernelspec.name == "gonb", f
    print("valid", f)
`
	out, err := exec.Command(python, append([]string{"-c", script}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("nbformat: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), "valid "); n != len(files) {
		t.Fatalf("%d of %d notebooks validated:\n%s", n, len(files), out)
	}
	python = pythonWith(t, "nbconvert")
	html := t.TempDir()
	out, err = exec.Command(python, "-m", "nbconvert", "--to", "html", "--output-dir", html, filepath.Join(dir, "run", ls[0].Name+".ipynb")).CombinedOutput()
	if err != nil {
		t.Fatalf("nbconvert: %v\n%s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(html, ls[0].Name+".html"))
	if err != nil || !strings.Contains(string(page), ls[0].Title) {
		t.Fatalf("nbconvert wrote no page titled %q: %v", ls[0].Title, err)
	}
}

// pythonWith returns a Python 3 that has module: Debian's
// (/usr/bin/python3, where python3-nbformat installs it) or the first on
// $PATH. Without one the test is skipped, unless CI is set. It finds the
// module without importing it (importing nbconvert alone took 0.5 s of
// CPU): the test imports it next, and fails if it cannot.
func pythonWith(t *testing.T, module string) string {
	t.Helper()
	probe := "import importlib.util, sys; sys.exit(importlib.util.find_spec(sys.argv[1]) is None)"
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", probe, module).Run() == nil {
			return p
		}
	}
	if os.Getenv("CI") == "" {
		t.Skipf("no python3 with %s (apt-get install python3-nbformat jupyter-nbconvert)", module)
	}
	t.Fatalf("CI is set and no python3 imports %s: .ci/run installs it", module)
	return ""
}

// TestRoundTrip: a notebook read back has the cells written.
func TestRoundTrip(t *testing.T) {
	ls, res := checked()
	data, err := notebook.FromLesson(ls[0], res, "").Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var nb notebook.Notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatal(err)
	}
	again, err := nb.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(data) {
		t.Errorf("read and written again, the notebook differs:\n%s", udiff.Unified("first", "again", string(data), string(again)))
	}
}

// TestImport turns every testdata/import/*.ipynb into a lesson, compares
// it with its golden NAME.md, and checks that every block of the lesson
// passes: the saved outputs are the expected outputs.
func TestImport(t *testing.T) {
	files, _ := filepath.Glob("testdata/import/*.ipynb")
	if len(files) == 0 {
		t.Fatal("no notebooks in testdata/import")
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			src, err := notebook.Import(data, file)
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			md := strings.TrimSuffix(file, ".ipynb") + ".md"
			golden.File(t, md, src)
			l, err := lesson.Parse(md, src)
			if err != nil {
				t.Fatal(err)
			}
			rep := check.New(set.Config()).Check(context.Background(), []*lesson.Lesson{l})
			for _, r := range rep.Results {
				if r.Status == verdict.Fail {
					t.Errorf("%s: block %s fails: %v\n%s", l.Where(r.Block), r.Block.Name, r.Problems, r.Diff)
				}
			}
		})
	}
}

// TestExportImport: a lesson exported with its results and imported
// again has the same blocks, with the same code and options, and the
// output of each block's run as its expected output.
func TestExportImport(t *testing.T) {
	ls, res := checked()
	for _, l := range ls {
		data, err := notebook.FromLesson(l, res, "").Marshal()
		if err != nil {
			t.Fatal(err)
		}
		src, err := notebook.Import(data, l.Name+".ipynb")
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		back, err := lesson.Parse(l.Name+".md", src)
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Blocks) != len(l.Blocks) {
			t.Fatalf("%s: %d blocks imported, want %d:\n%s", l.Name, len(back.Blocks), len(l.Blocks), src)
		}
		for i, b := range l.Blocks {
			got := back.Blocks[i]
			if got.Code.Info != b.Code.Info || got.Code.Text != b.Code.Text {
				t.Errorf("%s: block %s imported as\n%s\n%s\nwant\n%s\n%s", l.Name, b.Name, got.Code.Info, got.Code.Text, b.Code.Info, b.Code.Text)
			}
			want := ""
			if r := res[b]; r != nil && b.Runs() && !b.Opts.Exercise && len(r.Runs) > 0 {
				want = r.Runs[0].Text(engine.Output)
			}
			if got.Expected() != want {
				t.Errorf("%s: block %s: expected output %q, want the run's %q", l.Name, b.Name, got.Expected(), want)
			}
		}
	}
}

// TestPythonCell: a Python program (python run), which a GoNB kernel
// cannot run, becomes a Markdown cell with its code and a note, never a
// Go code cell.
func TestPythonCell(t *testing.T) {
	src := "# P\n\n```python run name=py\nprint('hi')\n```\n\n```output\nhi\n```\n"
	l, err := lesson.Parse("p.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	nb := notebook.FromLesson(l, nil, "en")
	var found bool
	for _, c := range nb.Cells {
		text := string(c.Source)
		if !strings.Contains(text, "print('hi')") {
			continue
		}
		found = true
		if c.Type != "markdown" || !strings.Contains(text, "```python run name=py") || !strings.Contains(text, "a Go notebook does not run it") {
			t.Errorf("the Python program's cell: %s %q", c.Type, text)
		}
	}
	if !found {
		t.Error("no cell holds the Python program")
	}
}
