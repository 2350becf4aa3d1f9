package cell

import (
	"go/ast"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// An importSpec is one import of a cell.
type importSpec struct {
	name string // the name code uses: as given, else the package's default name
	text string // as written: "path" or name "path"
	at   int    // its lesson line
}

// key returns what identifies an import among the merged ones: its name,
// so that a newer import of the same name replaces an older one; or, for
// the blank and dot imports, which are not referred to by name, the whole
// import.
func (s importSpec) key() string {
	if s.always() {
		return s.text
	}
	return s.name
}

// always reports whether the import is kept even when no code names it:
// blank imports (for their side effects) and dot imports.
func (s importSpec) always() bool { return s.name == "_" || s.name == "." }

// importSpecs returns the imports of an import chunk, and false when it
// does not parse.
func importSpecs(c chunk) ([]importSpec, bool) {
	f, fset := parseChunk(c)
	if f == nil {
		return nil, false
	}
	var out []importSpec
	for _, s := range f.Imports {
		p, err := strconv.Unquote(s.Path.Value)
		if err != nil || strings.Contains(s.Path.Value, "\n") {
			return nil, false // kept as written, for the compiler to report
		}
		spec := importSpec{name: defaultName(p), text: s.Path.Value, at: c.at + fset.Position(s.Pos()).Line - 1}
		if s.Name != nil {
			spec.name, spec.text = s.Name.Name, s.Name.Name+" "+s.Path.Value
		}
		out = append(out, spec)
	}
	return out, true
}

var majorVersion = regexp.MustCompile(`^v[0-9]+$`)

// defaultName returns the name of the package at an import path, taken to
// be the path's last element, or the one before a major version suffix
// (math/rand/v2 is rand), as for the standard library.
func defaultName(p string) string {
	dir, base := path.Split(p)
	if majorVersion.MatchString(base) && dir != "" {
		return path.Base(dir)
	}
	return base
}

// selectorBases returns every identifier used as X in a selector X.Y in
// f. A package name can only be used that way, so an import whose name is
// not among those of a program's code is not used.
func selectorBases(f *ast.File) map[string]bool {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}
