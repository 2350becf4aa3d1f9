package route

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
)

// nativeMethods are methods that the standard library finds by
// reflection or interface conversion (fmt, errors, encoding/...), which do
// not see the methods of types yaegi defines.
var nativeMethods = map[string]bool{
	"String": true, "Error": true, "Format": true, "GoString": true,
	"MarshalJSON": true, "UnmarshalJSON": true, "MarshalText": true, "UnmarshalText": true,
	"MarshalXML": true, "UnmarshalXML": true, "MarshalXMLAttr": true, "UnmarshalXMLAttr": true,
	"MarshalBinary": true, "UnmarshalBinary": true, "Is": true, "As": true, "Unwrap": true,
}

// reflectingPackages find a program's methods by reflection.
var reflectingPackages = []string{"encoding/json", "encoding/xml", "text/template", "html/template"}

// funcRule rejects generic functions and methods the standard library
// would call.
func funcRule(c *checked, f *ast.FuncDecl) string {
	switch {
	case f.Type.TypeParams != nil:
		return "generic function " + f.Name.Name
	case f.Recv == nil:
		return ""
	case nativeMethods[f.Name.Name]:
		return "method " + f.Name.Name + " (the standard library does not see yaegi's methods)"
	}
	if p := reflecting(c); p != "" {
		return fmt.Sprintf("method %s with package %s (it finds methods by reflection)", f.Name.Name, p)
	}
	return ""
}

// reflecting returns the first package of reflectingPackages the program
// imports, or "".
func reflecting(c *checked) string {
	for _, p := range reflectingPackages {
		if imports(c.file, p) {
			return p
		}
	}
	return ""
}

// typeRule rejects generic types, and named types that a reflecting
// package may name in its output (yaegi's are unnamed).
func typeRule(c *checked, t *ast.TypeSpec) string {
	if t.TypeParams != nil {
		return "generic type " + t.Name.Name
	}
	if p := reflecting(c); p != "" {
		return fmt.Sprintf("type %s with package %s (it prints type and field names)", t.Name.Name, p)
	}
	return ""
}

// imports reports whether f imports the package path.
func imports(f *ast.File, path string) bool {
	for _, s := range f.Imports {
		if p, _ := strconv.Unquote(s.Path.Value); p == path {
			return true
		}
	}
	return false
}

// structRule rejects struct tags and embedded fields, which yaegi's
// reflected struct types do not carry as the compiler's do.
func structRule(s *ast.StructType) string {
	for _, f := range s.Fields.List {
		switch {
		case f.Tag != nil:
			return "struct tag"
		case len(f.Names) == 0:
			return "embedded field"
		}
	}
	return ""
}

// typeSwitchRule rejects type switches with interface cases.
func typeSwitchRule(c *checked, s *ast.TypeSwitchStmt) string {
	for _, st := range s.Body.List {
		for _, e := range st.(*ast.CaseClause).List {
			if t := c.info.TypeOf(e); t != nil && types.IsInterface(t) {
				return "type switch with an interface case"
			}
		}
	}
	return ""
}

// methodRule rejects method expressions (T.m) and method values (x.m not
// called at once), which yaegi gets wrong.
func methodRule(c *checked, s *ast.SelectorExpr, sel *types.Selection) string {
	switch {
	case sel.Kind() == types.MethodExpr:
		return "method expression " + s.Sel.Name
	case sel.Kind() == types.MethodVal && !c.called[s]:
		return "method value " + s.Sel.Name
	}
	return ""
}

// calledSelectors returns the selectors that are called at once: x.m().
func calledSelectors(c *checked) map[*ast.SelectorExpr]bool {
	called := map[*ast.SelectorExpr]bool{}
	ast.Inspect(c.file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if s, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				called[s] = true
			}
		}
		return true
	})
	return called
}
