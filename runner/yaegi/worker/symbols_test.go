package main

import (
	"bytes"
	"testing"

	"github.com/traefik/yaegi/interp"
)

func TestGoRelease(t *testing.T) {
	for v, want := range map[string]string{
		"go1.26.8": "go1.26", "go1.26": "go1.26", "go1.27rc1": "go1.27rc1",
		"go1.26-devel_abc Tue": "go1.26", "devel +abc": "devel +abc",
	} {
		if got := goRelease(v); got != want {
			t.Errorf("goRelease(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestLoaders runs a program that needs packages beyond the base ones
// with the interpreter's packages loaded both ways: those the program
// can reach (after its request), and every package (a worker built by
// another Go release than the one stdDeps describes).
func TestLoaders(t *testing.T) {
	const src = `package main

import (
	"fmt"
	"net/url"
	"strings"
	"text/tabwriter"
)

func main() {
	u, _ := url.Parse("http://example.com/a?b=c")
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 4, 1, '.', 0)
	fmt.Fprintln(w, strings.ToUpper(u.Host)+"\t"+u.Query().Get("b"))
	w.Flush()
	fmt.Print(b.String())
}
`
	for _, all := range []bool{false, true} {
		var out bytes.Buffer
		in := interp.New(interp.Options{Stdout: &out, Stderr: &out, Unrestricted: true})
		var args []string
		l := &loader{in: in, deps: parseDeps(stdDeps), loaded: map[string]bool{}}
		base := l.closure(basePackages)
		if all {
			base = everyPackage()
		}
		err := l.loadBase(nativeSymbols(&args), base)
		if err == nil {
			err = l.load(src)
		}
		if err != nil {
			t.Fatalf("all %v: loading: %v", all, err)
		}
		if _, err := in.Eval(src); err != nil {
			t.Fatalf("all %v: %v", all, err)
		}
		if got, want := out.String(), "EXAMPLE.COM.c\n"; got != want {
			t.Errorf("all %v: printed %q, want %q", all, got, want)
		}
	}
}
