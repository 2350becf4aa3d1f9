package route

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// A finding is the first thing in a program that keeps it from yaegi.
type finding struct {
	msg string
	pos token.Pos
}

// inspect returns the first construct of c that yaegi is known to get
// wrong, or nil.
func inspect(c *checked, syms symbols) *finding {
	loopVars := loopVariables(c)
	c.argsOK = argsUses(c)
	var found *finding
	ast.Inspect(c.file, func(n ast.Node) bool {
		if found != nil || n == nil {
			return false
		}
		if msg := rule(c, syms, loopVars, n); msg != "" {
			found = &finding{msg: msg, pos: n.Pos()}
		}
		return found == nil
	})
	return found
}

// rule returns why node n keeps its program from yaegi, or "".
func rule(c *checked, syms symbols, loopVars map[types.Object]bool, n ast.Node) string {
	switch n := n.(type) {
	case *ast.ImportSpec:
		return importRule(syms, n)
	case *ast.RangeStmt:
		return rangeRule(c, n)
	case *ast.CallExpr:
		return callRule(c, n)
	case *ast.SelectorExpr:
		return selectorRule(c, syms, n)
	case *ast.FuncDecl:
		return funcRule(c, n)
	case *ast.StructType:
		return structRule(n)
	case *ast.TypeAssertExpr:
		if n.Type != nil && types.IsInterface(c.info.TypeOf(n.Type)) {
			return "type assertion to an interface"
		}
	case *ast.TypeSwitchStmt:
		return typeSwitchRule(c, n)
	case *ast.TypeSpec:
		if n.TypeParams != nil {
			return "generic type " + n.Name.Name
		}
	case *ast.BasicLit:
		return literalRule(n)
	case *ast.GoStmt:
		if body := goBody(c, n); body != nil && contains[*ast.SelectStmt](body) {
			return "select in a goroutine"
		}
	case *ast.FuncLit:
		if v := capturedLoopVar(c, loopVars, n); v != "" {
			return "function literal uses loop variable " + v
		}
	case *ast.UnaryExpr:
		if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND && loopVars[c.info.Uses[id]] {
			return "address of loop variable " + id.Name
		}
	}
	return ""
}

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
	for _, p := range reflectingPackages {
		if imports(c.file, p) {
			return fmt.Sprintf("method %s with package %s (it finds methods by reflection)", f.Name.Name, p)
		}
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

// importRule checks an import against yaegi's packages.
func importRule(syms symbols, s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	switch {
	case hostPackages[p]:
		return fmt.Sprintf("package %s acts on the process", p)
	case p == "reflect" || p == "encoding/gob":
		return fmt.Sprintf("package %s reflects on the program's types", p)
	case !syms.has(p, ""):
		return fmt.Sprintf("package %s is not in yaegi", p)
	}
	return ""
}

// rangeRule rejects range over integers and functions (Go 1.22, 1.23).
func rangeRule(c *checked, r *ast.RangeStmt) string {
	t := c.info.TypeOf(r.X)
	if t == nil {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			return "range over int"
		}
	case *types.Signature:
		return "range over func"
	}
	return ""
}

// unsupportedBuiltins are missing from yaegi (min, max, clear) or behave
// differently there.
var unsupportedBuiltins = map[string]string{
	"min": "builtin min", "max": "builtin max", "clear": "builtin clear",
	"print":   "builtin print (yaegi writes it to stdout)",
	"println": "builtin println (yaegi writes it to stdout)",
	"recover": "recover (yaegi prints the panics it unwinds)",
}

// callRule rejects some builtins and generic calls whose type arguments
// are inferred.
func callRule(c *checked, call *ast.CallExpr) string {
	id := calleeIdent(call.Fun)
	if id == nil {
		return ""
	}
	if b, ok := c.info.Uses[id].(*types.Builtin); ok {
		return unsupportedBuiltins[b.Name()]
	}
	if _, ok := c.info.Instances[id]; ok && !explicitTypeArgs(call.Fun) {
		return "generic call of " + id.Name + " with inferred type arguments"
	}
	return ""
}

// calleeIdent returns the identifier naming a called function: f, pkg.F,
// x.M, or nil.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}

func explicitTypeArgs(fun ast.Expr) bool {
	switch ast.Unparen(fun).(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// selectorRule checks a qualified identifier pkg.Name against yaegi's
// tables and the symbols that measure the process.
func selectorRule(c *checked, syms symbols, s *ast.SelectorExpr) string {
	x, ok := s.X.(*ast.Ident)
	if !ok {
		return ""
	}
	pn, ok := c.info.Uses[x].(*types.PkgName)
	if !ok {
		return ""
	}
	pkg := pn.Imported()
	qual := pkg.Name() + "." + s.Sel.Name
	switch {
	case hostSymbols[qual]:
		return qual + " observes the process"
	case qual == "os.Args" && !c.argsOK[s]:
		return "os.Args with its first element (the executable)"
	case !syms.has(pkg.Path(), s.Sel.Name):
		return qual + " is not in yaegi"
	}
	return ""
}

// literalRule rejects format verbs that print type names, which yaegi
// spells differently, and paths under /proc, which describe the worker
// (its threads, its memory) rather than the program.
func literalRule(l *ast.BasicLit) string {
	if l.Kind != token.STRING {
		return ""
	}
	for _, verb := range []string{"%T", "%#v"} {
		if strings.Contains(l.Value, verb) {
			return "format " + verb
		}
	}
	if strings.Contains(l.Value, "/proc/") {
		return "path under /proc (the worker's, not the program's)"
	}
	return ""
}

// goBody returns the body of the function a go statement starts, when it
// is a function literal or a function of the program, or nil.
func goBody(c *checked, g *ast.GoStmt) *ast.BlockStmt {
	switch f := ast.Unparen(g.Call.Fun).(type) {
	case *ast.FuncLit:
		return f.Body
	case *ast.Ident:
		obj := c.info.Uses[f]
		for _, d := range c.file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && c.info.Defs[fd.Name] == obj {
				return fd.Body
			}
		}
	}
	return nil
}

// argsUses returns the uses of os.Args that leave out os.Args[0], whose
// value differs under yaegi: os.Args[1:], os.Args[i] for a constant
// i >= 1, len(os.Args).
func argsUses(c *checked) map[*ast.SelectorExpr]bool {
	ok := map[*ast.SelectorExpr]bool{}
	isArgs := func(e ast.Expr) *ast.SelectorExpr {
		s, _ := ast.Unparen(e).(*ast.SelectorExpr)
		return s
	}
	ast.Inspect(c.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SliceExpr:
			if s := isArgs(n.X); s != nil && positiveConst(c, n.Low) {
				ok[s] = true
			}
		case *ast.IndexExpr:
			if s := isArgs(n.X); s != nil && positiveConst(c, n.Index) {
				ok[s] = true
			}
		case *ast.CallExpr:
			if id, isID := n.Fun.(*ast.Ident); isID && id.Name == "len" && len(n.Args) == 1 {
				if s := isArgs(n.Args[0]); s != nil {
					ok[s] = true
				}
			}
		}
		return true
	})
	return ok
}

// positiveConst reports whether e is a constant integer >= 1.
func positiveConst(c *checked, e ast.Expr) bool {
	if e == nil {
		return false
	}
	v := c.info.Types[e].Value
	if v == nil {
		return false
	}
	n, exact := constant.Int64Val(constant.ToInt(v))
	return exact && n >= 1
}

// loopVariables returns the variables declared by for and range clauses.
func loopVariables(c *checked) map[types.Object]bool {
	vars := map[types.Object]bool{}
	add := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok && c.info.Defs[id] != nil {
			vars[c.info.Defs[id]] = true
		}
	}
	ast.Inspect(c.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if as, ok := n.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
				for _, e := range as.Lhs {
					add(e)
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				add(n.Key)
				add(n.Value)
			}
		}
		return true
	})
	return vars
}

// capturedLoopVar returns the name of a loop variable declared outside
// lit and used inside it, or "".
func capturedLoopVar(c *checked, loopVars map[types.Object]bool, lit *ast.FuncLit) string {
	name := ""
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || name != "" {
			return name == ""
		}
		obj := c.info.Uses[id]
		if loopVars[obj] && (obj.Pos() < lit.Pos() || obj.Pos() >= lit.End()) {
			name = id.Name
		}
		return true
	})
	return name
}

// contains reports whether a node of type T is inside n.
func contains[T ast.Node](n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(T); ok {
			found = true
		}
		return !found
	})
	return found
}
