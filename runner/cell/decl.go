package cell

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// A name is a name a declaration defines (Type.Method for a method), with
// the lesson line that defines it.
type name struct {
	id string
	at int
}

// parseChunk parses a declaration or import chunk on its own. It returns
// nil when the chunk does not parse: the compiler reports the error once
// the chunk is in the program.
func parseChunk(c chunk) (*ast.File, *token.FileSet) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell", "package main;"+c.text(), parser.SkipObjectResolution)
	if err != nil {
		return nil, nil
	}
	return f, fset
}

// names returns the names that a declaration chunk defines, and its
// selector bases (see selectorBases), nil when it does not parse. The
// blank identifier and init, which can be declared many times, are left
// out: they never replace anything.
func names(c chunk) ([]name, map[string]bool) {
	f, fset := parseChunk(c)
	if f == nil {
		return nil, nil
	}
	var out []name
	add := func(id *ast.Ident, prefix string) {
		if id.Name != "_" && (id.Name != "init" || prefix != "") {
			out = append(out, name{id: prefix + id.Name, at: c.at + fset.Position(id.Pos()).Line - 1})
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			add(d.Name, receiver(d))
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					add(s.Name, "")
				case *ast.ValueSpec:
					for _, id := range s.Names {
						add(id, "")
					}
				}
			}
		}
	}
	return out, selectorBases(f)
}

// receiver returns "Type." for a method, "" for a function.
func receiver(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return ""
	}
	t := d.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name + "."
		default:
			return "?."
		}
	}
}
