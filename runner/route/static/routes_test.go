package static_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/engine/enginetest"
	"bingfa/runner/lesson"
	"bingfa/runner/route"
	"bingfa/runner/route/static/inproc"
)

// newRouter returns an auto router whose static check runs in this
// process.
func newRouter(t *testing.T) *route.Router { return modeRouter(t, route.Auto) }

// modeRouter returns a router for mode whose static check runs in this
// process: the package's one shared check (see shared), whose closing
// is not the router's.
func modeRouter(t *testing.T, mode string) *route.Router {
	r, err := route.New(mode, enginetest.Named("compiled"), enginetest.Named("yaegi"), unclosed{shared()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	return r
}

// shared is the static check in this process that the routers of the
// tests share. What the check loads (the export data of the standard
// packages programs import, one go list for all that a Preload asks
// for) depends on the toolchain alone, and the tests are about the
// decisions made with it: a fresh check in each router listed again the
// packages another had loaded (a go list each, 12 of them for
// TestRoutes, TestModes and TestFeatures); the loads themselves are
// tested in preload_test.go with checks of their own.
var shared = sync.OnceValue(inproc.New)

// unclosed is a route.Static that a router's Close leaves open.
type unclosed struct{ s route.Static }

func (u unclosed) Check(ctx context.Context, src []byte) (route.Finding, error) {
	return u.s.Check(ctx, src)
}

func (u unclosed) Preload(ctx context.Context, srcs [][]byte) { u.s.Preload(ctx, srcs) }

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
		fmt.Fprintf(&b, "%s: %s: %s", blk.Name, strings.Join(names, "+"), rt.Reason)
		if rt.Pos != "" {
			fmt.Fprintf(&b, " at %s", rt.Pos)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestRoutes compares the auto router's choice for every block of
// testdata, with the static check in this process, with the golden
// files.
func TestRoutes(t *testing.T) {
	r := newRouter(t)
	paths, _ := filepath.Glob("testdata/*.md")
	if len(paths) == 0 {
		t.Fatal("no test lessons")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel() // one router for all: decisions run concurrently
			got := routes(t, r, path)
			golden.File(t, strings.TrimSuffix(path, ".md")+".golden", []byte(got))
		})
	}
}

// TestModes checks what each mode of the router does with a block yaegi
// may run and one it may not.
func TestModes(t *testing.T) {
	want := map[string]string{
		route.Auto:     "hello: yaegi: passed the static check\nmin: compiled: builtin min (Go 1.21) at testdata/features.md:12\n",
		route.Compiled: "hello: compiled: --engine=compiled\nmin: compiled: --engine=compiled\n",
		route.Yaegi:    "hello: yaegi: --engine=yaegi\nmin: yaegi: --engine=yaegi\n",
		route.Both:     "hello: compiled+yaegi: passed the static check\nmin: compiled: builtin min (Go 1.21) at testdata/features.md:12\n",
	}
	for mode, w := range want {
		r := modeRouter(t, mode)
		got := firstLine(routes(t, r, "testdata/interpretable.md")) + firstLine(routes(t, r, "testdata/features.md"))
		if got != w {
			t.Errorf("mode %s:\n got %q\nwant %q", mode, got, w)
		}
	}
	if _, err := route.New("fast", nil, nil, nil); err == nil {
		t.Error("unknown mode accepted")
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l + "\n"
}
