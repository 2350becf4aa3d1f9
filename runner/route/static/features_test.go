package static_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/route/static"
)

// TestFeatures checks each entry of the list of language features newer
// than yaegi's: testdata/features.md has a block named after it, which
// the router compiles with a reason that names the feature and its
// release; and go/types agrees that the block needs no later release,
// and, where it checks versions, that it needs a release after yaegi's
// language.
func TestFeatures(t *testing.T) {
	const path = "testdata/features.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := lesson.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	r := newRouter(t)
	newest := 0
	for _, f := range static.Features() {
		newest = max(newest, f.Release)
		t.Run(f.ID, func(t *testing.T) {
			b := l.Block(f.ID)
			if b == nil {
				t.Fatalf("%s has no block named %s", path, f.ID)
			}
			p, err := check.Program(l, b)
			if err != nil {
				t.Fatal(err)
			}
			rt := r.Route(b, p)
			want := fmt.Sprintf("%s (Go 1.%d)", f.Name, f.Release)
			if len(rt.Engines) != 1 || rt.Engines[0].Name() != "compiled" || !strings.HasPrefix(rt.Reason, want) {
				t.Errorf("routed to %d engine(s) because %q; want compiled because %q...", len(rt.Engines), rt.Reason, want)
			}
			if err := typeCheck(p.Source, fmt.Sprintf("go1.%d", f.Release)); err != nil {
				t.Errorf("go/types rejects the block as Go 1.%d: %v", f.Release, err)
			}
			err = typeCheck(p.Source, "go1.20")
			if m := requires.FindStringSubmatch(fmt.Sprint(err)); err != nil {
				if m == nil {
					t.Fatalf("go/types rejects the block as Go 1.20: %v", err)
				}
				if n, _ := strconv.Atoi(m[1]); n > f.Release {
					t.Errorf("go/types says the block needs Go 1.%d, not Go 1.%d: %v", n, f.Release, err)
				}
			}
		})
	}
	if v := fmt.Sprintf("go1.%d", newest); v != static.LanguageVersion {
		t.Errorf("the newest feature listed is of %s, but programs are type-checked as %s", v, static.LanguageVersion)
	}
}

// requires matches go/types' message for a feature of a later version.
var requires = regexp.MustCompile(`requires go1\.(\d+) or later`)

// typeCheck type-checks src as Go version v.
func typeCheck(src []byte, v string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		return err
	}
	var errs []error
	conf := types.Config{Importer: importer.ForCompiler(fset, "gc", nil), GoVersion: v,
		Error: func(err error) { errs = append(errs, err) }}
	conf.Check("main", fset, []*ast.File{f}, nil)
	return errors.Join(errs...)
}
