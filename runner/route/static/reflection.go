package static

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
	"LogValue": true,
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
			if msg := assertedType(c, c.info.TypeOf(e), "type switch"); msg != "" {
				return msg
			}
		}
	}
	return ""
}

// assertedType rejects a type assertion or a type switch case whose type
// is an interface, or a type the program defines: yaegi's values of such
// types do not keep their type once in an interface.
func assertedType(c *checked, t types.Type, what string) string {
	switch {
	case t == nil:
	case types.IsInterface(t):
		return what + " to an interface"
	case definedHere(c, t):
		return fmt.Sprintf("%s to %s, a type of the program", what, types.TypeString(t, types.RelativeTo(c.pkg)))
	}
	return ""
}

// definedHere reports whether t, or what it points to, is a named type
// of the program.
func definedHere(c *checked, t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() == c.pkg
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

// conversionRule rejects a value of a named type of the program with a
// basic underlying type (type key string) that becomes an interface
// value: as a call argument, in an assignment, a send or a composite
// literal. In yaegi it becomes a value of the underlying type, equal to
// a plain string or number (context keys, type switches).
func conversionRule(c *checked, n ast.Node) string {
	var pairs [][2]types.Type // value type, target type
	var at ast.Expr
	add := func(value ast.Expr, target types.Type) {
		if t := c.info.TypeOf(value); t != nil && target != nil {
			pairs = append(pairs, [2]types.Type{t, target})
			if at == nil {
				at = value
			}
		}
	}
	switch n := n.(type) {
	case *ast.CallExpr:
		sig, ok := c.info.TypeOf(n.Fun).(*types.Signature)
		if !ok || c.info.Types[n.Fun].IsType() {
			return ""
		}
		for i, a := range n.Args {
			add(a, paramType(sig, i, n.Ellipsis.IsValid()))
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i := range n.Lhs {
				add(n.Rhs[i], c.info.TypeOf(n.Lhs[i]))
			}
		}
	case *ast.ValueSpec:
		if n.Type != nil {
			for _, v := range n.Values {
				add(v, c.info.TypeOf(n.Type))
			}
		}
	case *ast.SendStmt:
		if ch, ok := c.info.TypeOf(n.Chan).Underlying().(*types.Chan); ok {
			add(n.Value, ch.Elem())
		}
	case *ast.CompositeLit:
		compositeElems(c, n, add)
	}
	for _, p := range pairs {
		if types.IsInterface(p[1]) && namedBasicHere(c, p[0]) {
			return fmt.Sprintf("value of type %s as an interface (yaegi keeps only its underlying type)",
				types.TypeString(p[0], types.RelativeTo(c.pkg)))
		}
	}
	return ""
}

// paramType returns the type of argument i of a call of sig.
func paramType(sig *types.Signature, i int, ellipsis bool) types.Type {
	n := sig.Params().Len()
	switch {
	case n == 0:
		return nil
	case sig.Variadic() && i >= n-1 && !ellipsis:
		return sig.Params().At(n - 1).Type().(*types.Slice).Elem()
	case i >= n:
		return nil
	}
	return sig.Params().At(i).Type()
}

// compositeElems calls add with each element of a slice, array or map
// literal and its element (or key) type.
func compositeElems(c *checked, l *ast.CompositeLit, add func(ast.Expr, types.Type)) {
	t := c.info.TypeOf(l)
	if t == nil {
		return
	}
	var key, elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		key, elem = u.Key(), u.Elem()
	default:
		return
	}
	for _, e := range l.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key != nil {
				add(kv.Key, key)
			}
			e = kv.Value
		}
		add(e, elem)
	}
}

// namedBasicHere reports whether t is a named type of the program whose
// underlying type is a boolean, number or string.
func namedBasicHere(c *checked, t types.Type) bool {
	_, basic := t.Underlying().(*types.Basic)
	return basic && definedHere(c, t)
}
