package static

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeGoList is a go list that reports the export data files of a
// directory, one a package ("fmt" for fmt), and counts its calls.
type fakeGoList struct {
	dir   string
	calls int
}

func (g *fakeGoList) list(ctx context.Context, paths []string) ([]byte, error) {
	g.calls++
	var b strings.Builder
	for _, p := range paths {
		file := filepath.Join(g.dir, p)
		if p == "unsafe" {
			file = "" // no export data
		}
		b.WriteString(p + "\t" + file + "\n")
	}
	return []byte(b.String()), nil
}

// keptExports returns exports that keep their entries in
// cfg.ExportsFile and list with g, as a new process makes them.
func keptExports(cfg Config, g *fakeGoList) *exports {
	x := newExports()
	x.cfg = cfg
	x.list = g.list
	x.restore()
	return x
}

// TestExportsKept: where go list found export data is kept for the next
// process, which does not list those packages again, unless its go list
// would run differently, or the file it was told of is gone by then, or
// goes later.
func TestExportsKept(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("fmt", "fmt's export data")
	write("errors", "errors' export data")
	cfg := Config{GoFlags: []string{"-trimpath"}, ExportsFile: filepath.Join(t.TempDir(), "static", "exports")}
	load := func(x *exports, paths ...string) {
		t.Helper()
		if err := x.load(t.Context(), paths); err != nil {
			t.Fatal(err)
		}
	}

	first := &fakeGoList{dir: dir}
	load(keptExports(cfg, first), "fmt", "errors", "unsafe")
	if first.calls != 1 {
		t.Fatalf("first process: %d go lists, want 1", first.calls)
	}

	next := &fakeGoList{dir: dir}
	x := keptExports(cfg, next)
	load(x, "fmt", "errors", "unsafe")
	if next.calls != 0 {
		t.Errorf("next process: %d go lists for packages listed before, want 0", next.calls)
	}
	if x.files["fmt"] != filepath.Join(dir, "fmt") || x.files["unsafe"] != "" {
		t.Errorf("restored entries: %q", x.files)
	}

	other := cfg
	other.GoFlags = []string{"-trimpath", "-race"}
	g := &fakeGoList{dir: dir}
	load(keptExports(other, g), "fmt")
	if g.calls != 1 {
		t.Errorf("other go list flags: %d go lists, want 1", g.calls)
	}

	// The file kept is now other's: cfg's own entries are listed again,
	// then kept again.
	g = &fakeGoList{dir: dir}
	load(keptExports(cfg, g), "fmt", "errors")
	if g.calls != 1 {
		t.Errorf("after other flags' process: %d go lists, want 1", g.calls)
	}

	// A file gone before the process starts is not restored.
	if err := os.Remove(filepath.Join(dir, "errors")); err != nil {
		t.Fatal(err)
	}
	g = &fakeGoList{dir: dir}
	x = keptExports(cfg, g)
	if _, ok := x.files["errors"]; ok {
		t.Errorf("an entry whose file is gone was restored")
	}
	write("errors", "errors' export data again")
	load(x, "fmt", "errors")
	if g.calls != 1 {
		t.Errorf("a file gone: %d go lists, want 1", g.calls)
	}

	// A file that goes after the process has restored it is listed again
	// when opened.
	g = &fakeGoList{dir: dir}
	x = keptExports(cfg, g)
	if err := os.Remove(filepath.Join(dir, "fmt")); err != nil {
		t.Fatal(err)
	}
	x.list = func(ctx context.Context, paths []string) ([]byte, error) {
		write("fmt", "fmt's export data, built again")
		return g.list(ctx, paths)
	}
	r, err := x.open("fmt")
	if err != nil {
		t.Fatalf("open after its file went: %v", err)
	}
	data, _ := io.ReadAll(r)
	r.Close()
	if string(data) != "fmt's export data, built again" || g.calls != 1 {
		t.Errorf("open read %q after %d go lists, want 1", data, g.calls)
	}
}

// TestExportsNotKept: without an exports file, or where go cannot say its
// GOROOT and version, nothing is written and nothing restored.
func TestExportsNotKept(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "fmt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "exports")
	for _, cfg := range []Config{
		{},
		// go cannot say: it would need a toolchain it may not download
		{ExportsFile: file, GoEnv: append(os.Environ(), "GOTOOLCHAIN=go1.999.0", "GOPROXY=off")},
	} {
		for range 2 {
			g := &fakeGoList{dir: dir}
			if err := keptExports(cfg, g).load(t.Context(), []string{"fmt"}); err != nil {
				t.Fatal(err)
			}
			if g.calls != 1 {
				t.Errorf("config %+v: %d go lists, want 1", cfg, g.calls)
			}
		}
	}
	if _, err := os.Stat(file); err == nil {
		t.Errorf("an exports file was written without a key")
	}
}
