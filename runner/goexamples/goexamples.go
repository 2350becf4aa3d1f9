// Package goexamples turns the standard library's playable examples into
// lessons, so that bingfa can be checked against a large corpus of real
// programs whose output Go's own tests verify.
//
// An example becomes a block when go/doc can make it a whole program
// (Example.Play, only for examples in an external _test package). Its
// "Output:" comment becomes the output block, with the option stdout
// (Go's examples compare standard output only) and, for "Unordered
// output:", unordered. The examples of package time run with
// TZ=America/Los_Angeles, the zone its tests force. An example without
// an output comment becomes a block that is built but not run. A literal "{{" in an output is
// escaped as {{"{{"}}. As a whole program the example's package is main,
// not pkg_test, so "pkg_test." in its output (type names printed with %T
// or %#v) becomes "main.".
package goexamples

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/doc"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"bingfa/runner/match"
)

// An Example is one playable example of a package.
type Example struct {
	Name      string // Example function name without "Example": "Split", "Builder_Grow"
	Source    string // the whole program
	Output    string // expected output
	HasOutput bool   // the example has an output comment (possibly empty)
	Unordered bool
}

// Package returns the playable examples of the standard library package
// pkg (an import path such as "strings"), in name order.
func Package(goroot, pkg string) ([]Example, error) {
	dir := filepath.Join(goroot, "src", filepath.FromSlash(pkg))
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, e.Name()); err != nil || !ok {
			continue // excluded by build constraints (such as GOEXPERIMENT files)
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(f.Name.Name, "_test") {
			files = append(files, f)
		}
	}
	var out []Example
	testPkg := ""
	if len(files) > 0 {
		testPkg = files[0].Name.Name + "."
	}
	for _, ex := range doc.Examples(files...) {
		if ex.Play == nil {
			continue
		}
		var src bytes.Buffer
		if err := format.Node(&src, fset, ex.Play); err != nil {
			return nil, fmt.Errorf("%s: example %s: %v", pkg, ex.Name, err)
		}
		out = append(out, Example{
			Name: ex.Name, Source: src.String(), Output: strings.ReplaceAll(ex.Output, testPkg, "main."),
			HasOutput: ex.Output != "" || ex.EmptyOutput, Unordered: ex.Unordered,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Lesson returns the Markdown of a lesson holding the examples of pkg.
func Lesson(pkg string, examples []Example) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %q\n---\n\n# Examples of package %s\n", "package "+pkg, pkg)
	for _, ex := range examples {
		fmt.Fprintf(&b, "\n## %s\n\n", exampleTitle(ex.Name))
		writeFence(&b, "go name="+blockName(ex.Name)+programEnv[pkg], ex.Source)
		if !ex.HasOutput {
			continue
		}
		info := "output stdout"
		if ex.Unordered {
			info += " unordered"
		}
		b.WriteString("\n")
		writeFence(&b, info, match.Escape(ex.Output))
	}
	return b.Bytes()
}

// programEnv is what the examples of a package need from their
// environment: package time's print local times in the zone its tests
// force (time.ForceUSPacificForTesting).
var programEnv = map[string]string{"time": " env=TZ=America/Los_Angeles"}

// exampleTitle returns a heading for an example name such as "Builder_Grow".
func exampleTitle(name string) string {
	if name == "" {
		return "Example"
	}
	return "Example" + name
}

var nameRE = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// blockName returns the block name of an example: "Split", "package" for
// the package example.
func blockName(name string) string {
	if name == "" {
		return "package"
	}
	return nameRE.ReplaceAllString(name, "-")
}

// writeFence writes a fenced block long enough that no line of text can
// close it.
func writeFence(b *bytes.Buffer, info, text string) {
	n := 3
	for _, run := range regexp.MustCompile("`{3,}").FindAllString(text, -1) {
		n = max(n, len(run)+1)
	}
	fence := strings.Repeat("`", n)
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	fmt.Fprintf(b, "%s%s\n%s%s\n", fence, info, text, fence)
}
