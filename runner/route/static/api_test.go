package static_test

import (
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/route/static"
)

// TestNewerSymbolsCompiled walks every symbol of the standard library
// that Go's API lists ($(go env GOROOT)/api/go1.N.txt) add after the
// release yaegi's tables describe, and that a program on this platform
// can name: functions, variables, constants, types, methods (of
// concrete types and interfaces) and fields. For each it writes a block
// that uses the symbol and checks that the router compiles it, giving
// the symbol (or its package, when the whole package is newer) and the
// release as the reason.
func TestNewerSymbolsCompiled(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a block for each of several hundred symbols")
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "api")
	var syms []apiSymbol
	older := map[string]bool{} // symbols of this platform up to yaegi's release
	for n := 0; ; n++ {
		name := fmt.Sprintf("go1.%d.txt", n)
		if n == 0 {
			name = "go1.txt"
		}
		text, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) && n > static.YaegiAPI+1 {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(text)) {
			s, ok := parseSymbol(strings.TrimSpace(line), n)
			switch {
			case !ok:
			case n <= static.YaegiAPI:
				older[s.key()] = true
			case !older[s.key()]: // not syscall.EBADMSG, added for other platforms
				syms = append(syms, s)
			}
		}
	}
	if len(syms) < 100 {
		t.Fatalf("only %d symbols found in %s: the API lists were not understood", len(syms), dir)
	}
	paths := []string{"hash"}
	for _, s := range syms {
		paths = append(paths, s.path)
	}
	w := newUser(t, exportData(t, filepath.Dir(dir), paths))
	var md strings.Builder
	md.WriteString("# Newer symbols\n")
	var blocks []apiSymbol
	for _, s := range syms {
		src, err := w.use(&s)
		if err != nil {
			t.Errorf("%s: %v", s.line, err)
			continue
		}
		fmt.Fprintf(&md, "\n```go\n%s```\n", src)
		blocks = append(blocks, s)
	}
	l, err := lesson.Parse("newer.md", []byte(md.String()))
	if err != nil {
		t.Fatal(err)
	}
	r := newRouter(t)
	var ps []*engine.Program
	for _, b := range l.Blocks {
		p, err := check.Program(l, b)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	r.Preload(t.Context(), ps)
	for i, s := range blocks {
		d := r.Decide(l.Blocks[i], ps[i])
		if d.Yaegi || !s.named(d.Reason) {
			t.Errorf("%s\n\tuse:\n%s\trouted to yaegi %v because %s", s.line, indent(ps[i].Source), d.Yaegi, d.Reason)
		}
	}
	t.Logf("%d symbols of Go 1.%d to Go 1.%d routed", len(blocks), static.YaegiAPI+1, syms[len(syms)-1].release)
}

// An apiSymbol is a symbol that an API list adds.
type apiSymbol struct {
	line    string
	release int    // N of Go 1.N
	path    string // import path
	pkg     string // package name
	kind    string // func, var, const, type, method, field
	typ     string // for a method or field, its type
	name    string
}

var (
	apiLine    = regexp.MustCompile(`^pkg (\S+)(?: \(([^)]*)\))?, (.*?)(?: #\d+)?$`)
	apiFunc    = regexp.MustCompile(`^(func|var|const) (\w+)`)
	apiMethod  = regexp.MustCompile(`^method \(\*?(\w+)(?:\[[^)]*\])?\) (\w+)`)
	apiMember  = regexp.MustCompile(`^type (\w+)(?:\[.*\])? (struct|interface), (?:embedded \*?(?:\w+\.)?)?(\w+)`)
	apiType    = regexp.MustCompile(`^type (\w+)`)
	apiIgnored = regexp.MustCompile(`//deprecated|interface, unexported methods`)
)

// key identifies the symbol among those of all releases.
func (s apiSymbol) key() string { return s.path + "." + s.typ + "." + s.name }

// parseSymbol parses a line of the API list of Go 1.n, and reports
// whether it adds a symbol a program on this platform can name.
func parseSymbol(line string, n int) (apiSymbol, bool) {
	if otherPlatform(line) {
		return apiSymbol{}, false // nine lines in ten: syscall's of other platforms
	}
	m := apiLine.FindStringSubmatch(line)
	if m == nil || apiIgnored.MatchString(line) {
		return apiSymbol{}, false
	}
	if p := strings.TrimSuffix(m[2], "-cgo"); p != "" && p != runtime.GOOS+"-"+runtime.GOARCH {
		return apiSymbol{}, false
	}
	s := apiSymbol{line: line, release: n, path: m[1]}
	decl := m[3]
	if f := apiFunc.FindStringSubmatch(decl); f != nil {
		s.kind, s.name = f[1], f[2]
	} else if f := apiMethod.FindStringSubmatch(decl); f != nil {
		s.kind, s.typ, s.name = "method", f[1], f[2]
	} else if f := apiMember.FindStringSubmatch(decl); f != nil {
		s.kind, s.typ, s.name = map[string]string{"struct": "field", "interface": "method"}[f[2]], f[1], f[3]
	} else if f := apiType.FindStringSubmatch(decl); f != nil {
		s.kind, s.name = "type", f[1]
	} else {
		return apiSymbol{}, false
	}
	return s, true
}

// otherPlatform reports whether line is "pkg PATH (PLATFORM), ..." for a
// platform other than this one, which parseSymbol drops after apiLine's
// match (a backtracking one, the test's longest work when every line
// went through it).
func otherPlatform(line string) bool {
	rest, ok := strings.CutPrefix(line, "pkg ")
	if !ok {
		return false
	}
	path, rest, _ := strings.Cut(rest, " ")
	rest, ok = strings.CutPrefix(rest, "(")
	if !ok || strings.HasSuffix(path, ",") {
		return false
	}
	p, rest, ok := strings.Cut(rest, ")")
	p = strings.TrimSuffix(p, "-cgo")
	return ok && strings.HasPrefix(rest, ", ") && p != "" && p != runtime.GOOS+"-"+runtime.GOARCH
}

// named reports whether why gives the symbol and the release that added
// it, or else what a program must name first to use it, added in that
// release or before: its type (for a method or field) or its package.
func (s apiSymbol) named(why string) bool {
	name := s.pkg + "." + s.name
	switch s.kind {
	case "method", "field":
		name = s.kind + " " + s.pkg + "." + s.typ + "." + s.name
	}
	if strings.HasPrefix(why, fmt.Sprintf("%s (Go 1.%d) ", name, s.release)) {
		return true
	}
	m := regexp.MustCompile(`^(?:package (\S+)|(\w+)\.(\w+)) \(Go 1\.(\d+)\) is not in yaegi`).FindStringSubmatch(why)
	switch {
	case m == nil:
		return false
	case m[1] != "" && m[1] != s.path:
		return false
	case m[1] == "" && (m[2] != s.pkg || m[3] != s.typ):
		return false
	}
	n, _ := strconv.Atoi(m[4])
	return n > static.YaegiAPI && n <= s.release
}

// A user writes programs that use symbols, with the packages' types at
// hand to write type arguments.
type user struct {
	fset  *token.FileSet
	imp   types.Importer
	cands []types.Type // type arguments to try
}

func newUser(t *testing.T, lookup importer.Lookup) *user {
	u := &user{fset: token.NewFileSet()}
	u.imp = importer.ForCompiler(u.fset, "gc", lookup)
	hash, err := u.imp.Import("hash")
	if err != nil {
		t.Fatal(err)
	}
	i := types.Typ[types.Int]
	u.cands = []types.Type{i, types.Typ[types.String], types.Universe.Lookup("error").Type(),
		types.NewSlice(i), types.NewMap(i, i), hash.Scope().Lookup("Hash").Type()}
	return u
}

// exportData finds the export data of the standard packages paths and
// their dependencies with one go list, as the router does (with the
// compiled engine's flags, so that the build cache serves both).
func exportData(t *testing.T, goroot string, paths []string) importer.Lookup {
	args := append([]string{"list"}, compiled.BuildFlags(false)...)
	args = append(args, "-e", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", "--")
	cmd := exec.Command("go", append(args, slices.Compact(slices.Sorted(slices.Values(paths)))...)...)
	cmd.Dir = filepath.Join(goroot, "src")
	cmd.Env = compiled.BuildEnv(false)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	files := map[string]string{}
	for line := range strings.Lines(string(out)) {
		if path, file, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok {
			files[path] = file
		}
	}
	return func(path string) (io.ReadCloser, error) {
		if files[path] == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(files[path])
	}
}

// use returns a program that uses symbol s.
func (u *user) use(s *apiSymbol) (string, error) {
	pkg, err := u.imp.Import(s.path)
	if err != nil {
		return "", err
	}
	s.pkg = pkg.Name()
	imports := map[string]string{s.path: "p"}
	qual := func(p *types.Package) string {
		if p.Path() == s.path {
			return "p"
		}
		imports[p.Path()] = p.Name()
		return p.Name()
	}
	name := s.name
	if s.typ != "" {
		name = s.typ
	}
	obj := pkg.Scope().Lookup(name)
	if obj == nil {
		return "", fmt.Errorf("%s has no %s", s.path, name)
	}
	ref, err := u.instance(obj, qual)
	if err != nil {
		return "", err
	}
	var decl string
	switch s.kind {
	case "func", "var":
		decl = "var _ = " + ref
	case "const":
		decl = "const _ = " + ref
	case "type":
		if iface, ok := obj.Type().Underlying().(*types.Interface); ok && !iface.IsMethodSet() {
			decl = "func use[_ " + ref + "]() {}" // a constraint
		} else {
			decl = "var _ *" + ref
		}
	case "method", "field":
		if types.IsInterface(obj.Type()) {
			decl = fmt.Sprintf("func use(x %s) { _ = x.%s }", ref, s.name)
		} else {
			decl = fmt.Sprintf("func use(x *%s) { _ = x.%s }", ref, s.name)
		}
	}
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for path, name := range imports {
		fmt.Fprintf(&b, "\t%s %q\n", name, path)
	}
	fmt.Fprintf(&b, ")\n\n%s\n\nfunc main() {}\n", decl)
	return b.String(), nil
}

// instance returns how a program names obj: p.F, or p.F[int, string]
// for a generic function or type, with type arguments that satisfy its
// constraints.
func (u *user) instance(obj types.Object, qual types.Qualifier) (string, error) {
	ref := qual(obj.Pkg()) + "." + obj.Name()
	var tparams *types.TypeParamList
	switch o := obj.(type) {
	case *types.Func:
		tparams = o.Signature().TypeParams()
	case *types.TypeName:
		if n, ok := o.Type().(*types.Named); ok {
			tparams = n.TypeParams()
		}
	}
	if tparams.Len() == 0 {
		return ref, nil
	}
	args := make([]types.Type, tparams.Len())
	var try func(i int) bool
	try = func(i int) bool {
		if i == len(args) {
			_, err := types.Instantiate(nil, obj.Type(), args, true)
			return err == nil
		}
		for _, c := range u.cands {
			if args[i] = c; try(i + 1) {
				return true
			}
		}
		return false
	}
	if !try(0) {
		return "", fmt.Errorf("no type arguments among %v satisfy %v", u.cands, tparams)
	}
	var names []string
	for _, a := range args {
		names = append(names, types.TypeString(a, qual))
	}
	return ref + "[" + strings.Join(names, ", ") + "]", nil
}

// indent indents source code for a message.
func indent(src []byte) string {
	var b strings.Builder
	for line := range strings.Lines(string(src)) {
		b.WriteString("\t\t" + line)
	}
	return b.String()
}
