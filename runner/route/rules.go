package route

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
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
	c.changed = changedVars(c, loopVars)
	c.called = calledSelectors(c)
	c.inLoop = goInLoops(c)
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
	case *ast.ForStmt:
		return loopRule(c, n)
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
		return typeRule(c, n)
	case *ast.DeferStmt:
		return deferRule(c, n)
	case *ast.BasicLit:
		return literalRule(n)
	case *ast.GoStmt:
		if body := goBody(c, n); body != nil && contains[*ast.SelectStmt](body) {
			return "select in a goroutine"
		}
		if _, lit := ast.Unparen(n.Call.Fun).(*ast.FuncLit); lit && c.inLoop[n] {
			return "go statement with a function literal in a loop (a race in yaegi)"
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

// heavyLoop is the loop bound from which a block is compiled: yaegi runs
// loops about 60 times slower than compiled code.
const heavyLoop = 1_000_000

// loopRule rejects loops with a large constant bound.
func loopRule(c *checked, f *ast.ForStmt) string {
	cond, ok := f.Cond.(*ast.BinaryExpr)
	if !ok {
		return ""
	}
	for _, e := range []ast.Expr{cond.X, cond.Y} {
		if v := c.info.Types[e].Value; v != nil {
			if n, exact := constant.Int64Val(constant.ToInt(v)); exact && n >= heavyLoop {
				return fmt.Sprintf("loop to %d (yaegi runs loops about 60 times slower)", n)
			}
		}
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
	if sel := c.info.Selections[s]; sel != nil {
		return methodRule(c, s, sel)
	}
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

// typeVerbs print type names (%T, %#v) or field names (%+v), which
// yaegi spells differently, with any flags and argument indexes.
var typeVerbs = []struct {
	name string
	re   *regexp.Regexp
}{
	{"%T", regexp.MustCompile(`%[^a-zA-Z%]*T`)},
	{"%#v", regexp.MustCompile(`%[^a-zA-Z%]*#[^a-zA-Z%]*v`)},
	{"%+v", regexp.MustCompile(`%[^a-zA-Z%]*\+[^a-zA-Z%]*v`)},
}

// literalRule rejects format verbs that print type names, which yaegi
// spells differently, and paths under /proc, which describe the worker
// (its threads, its memory) rather than the program.
func literalRule(l *ast.BasicLit) string {
	if l.Kind != token.STRING {
		return ""
	}
	for _, v := range typeVerbs {
		if v.re.MatchString(l.Value) {
			return "format " + v.name
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

// deferRule rejects a deferred call whose function, receiver or
// arguments might change before it runs: yaegi evaluates them when the
// call runs, not at the defer statement.
func deferRule(c *checked, d *ast.DeferStmt) string {
	for _, a := range d.Call.Args {
		if !stable(c, a) {
			return "defer with an argument that may change (yaegi evaluates it late)"
		}
	}
	fun := ast.Unparen(d.Call.Fun)
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		if _, lit := fun.(*ast.FuncLit); lit || stable(c, fun) {
			return ""
		}
		return "defer of a function value that may change (yaegi evaluates it late)"
	}
	s := c.info.Selections[sel]
	if s == nil { // a qualified identifier: pkg.F
		return ""
	}
	if _, ptr := s.Recv().Underlying().(*types.Pointer); ptr || pointerMethod(s) && addressable(c, sel.X) || stable(c, sel.X) {
		return ""
	}
	return "defer of a method whose receiver may change (yaegi evaluates it late)"
}

// pointerMethod reports whether a selected method has a pointer receiver.
func pointerMethod(s *types.Selection) bool {
	f, ok := s.Obj().(*types.Func)
	if !ok {
		return false
	}
	_, ptr := f.Type().(*types.Signature).Recv().Type().(*types.Pointer)
	return ptr
}

// addressable reports whether e is a variable, whose address does not
// change.
func addressable(c *checked, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isVar := c.info.Uses[id].(*types.Var)
	return isVar
}

// stable reports whether e has the same value wherever it is evaluated in
// the program: a constant, a function, a type, the address of a variable,
// or a variable never assigned after its declaration.
func stable(c *checked, e ast.Expr) bool {
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && (tv.Value != nil || tv.IsType() || tv.IsNil()) {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		switch obj := c.info.Uses[e].(type) {
		case *types.Var:
			return !c.changed[obj] && obj.Parent() != obj.Pkg().Scope()
		case *types.Func, *types.Builtin:
			return true
		}
	case *ast.SelectorExpr:
		if id, ok := e.X.(*ast.Ident); ok {
			_, isPkg := c.info.Uses[id].(*types.PkgName)
			return isPkg
		}
	case *ast.UnaryExpr:
		return e.Op == token.AND && addressable(c, e.X)
	}
	return false
}

// changedVars returns the variables assigned after their declaration or
// whose address is taken, and the loop variables.
func changedVars(c *checked, loopVars map[types.Object]bool) map[types.Object]bool {
	changed := map[types.Object]bool{}
	for v := range loopVars {
		changed[v] = true
	}
	mark := func(e ast.Expr) {
		if id := rootIdent(e); id != nil && c.info.Uses[id] != nil {
			changed[c.info.Uses[id]] = true
		}
	}
	ast.Inspect(c.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				mark(l) // with :=, only the variables declared before are in Uses
			}
		case *ast.IncDecStmt:
			mark(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				mark(n.Key)
				mark(n.Value)
			}
		case *ast.SelectorExpr: // v.m() with m on *T takes v's address
			if sel := c.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && pointerMethod(sel) {
				mark(n.X)
			}
		}
		return true
	})
	return changed
}

// rootIdent returns the variable at the root of x, x.f, x[i], *x, or nil.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
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

// goInLoops returns the go statements inside a loop of their function.
func goInLoops(c *checked) map[*ast.GoStmt]bool {
	in := map[*ast.GoStmt]bool{}
	var walk func(n ast.Node, loop bool)
	walk = func(n ast.Node, loop bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if m != n {
					walk(m, true)
					return false
				}
			case *ast.FuncLit:
				walk(m.Body, false)
				return false
			case *ast.GoStmt:
				in[m] = loop
			}
			return true
		})
	}
	walk(c.file, false)
	return in
}
