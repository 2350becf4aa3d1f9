package route_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/route"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// named is an engine that only has a name: routing never runs anything.
type named string

func (n named) Name() string { return string(n) }
func (n named) Run(context.Context, *engine.Program, func(engine.Event)) *engine.Outcome {
	panic("not for running")
}

func newRouter(t *testing.T, mode string) *route.Router {
	r, err := route.New(mode, named("compiled"), named("yaegi"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// routes returns one line per block of the lesson at path: its engines
// and why.
func routes(t *testing.T, r *route.Router, path string) string {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse(filepath.ToSlash(path), src)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, blk := range l.Blocks {
		p, err := check.Program(l, blk)
		if err != nil {
			t.Fatal(err)
		}
		rt := r.Route(blk, p)
		var names []string
		for _, e := range rt.Engines {
			names = append(names, e.Name())
		}
		fmt.Fprintf(&b, "%s: %s: %s\n", blk.Name, strings.Join(names, "+"), rt.Why)
	}
	return b.String()
}

// TestRoutes compares the auto router's choice for every block of
// testdata with the golden files.
func TestRoutes(t *testing.T) {
	r := newRouter(t, route.Auto)
	paths, _ := filepath.Glob("testdata/*.md")
	if len(paths) == 0 {
		t.Fatal("no test lessons")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := routes(t, r, path)
			golden := strings.TrimSuffix(path, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("routes differ from %s:\n--- want\n%s--- got\n%s", golden, want, got)
			}
		})
	}
}

// TestModes checks what each mode does with a block yaegi may run and one
// it may not.
func TestModes(t *testing.T) {
	want := map[string]string{
		route.Auto:     "hello: yaegi: yaegi: passed the static check\nrange-int: compiled: compiled: range over int at testdata/go122.md:9\n",
		route.Compiled: "hello: compiled: compiled: --engine=compiled\nrange-int: compiled: compiled: --engine=compiled\n",
		route.Yaegi:    "hello: yaegi: yaegi: --engine=yaegi\nrange-int: yaegi: yaegi: --engine=yaegi\n",
		route.Both:     "hello: compiled+yaegi: both: passed the static check\nrange-int: compiled: compiled: range over int at testdata/go122.md:9\n",
	}
	for mode, w := range want {
		r := newRouter(t, mode)
		got := firstLine(routes(t, r, "testdata/interpretable.md")) + firstLine(routes(t, r, "testdata/go122.md"))
		if got != w {
			t.Errorf("mode %s:\n got %q\nwant %q", mode, got, w)
		}
	}
	if _, err := route.New("fast", nil, nil); err == nil {
		t.Error("unknown mode accepted")
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l + "\n"
}
