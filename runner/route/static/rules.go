package static

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A finding is the first thing in a program that keeps it from yaegi.
type finding struct {
	msg string
	pos token.Pos
}

// versionCheck returns the first standard-library symbol or language
// feature of c that is newer than yaegi (symbolRule, features), or nil.
func versionCheck(c *checked, syms symbols, a *api) *finding {
	return walk(c, func(n ast.Node) string {
		if msg := symbolRule(c, syms, a, n); msg != "" {
			return msg
		}
		return featureRule(c, n)
	})
}

// inspect returns the first construct of c that yaegi is known to get
// wrong, or nil.
func inspect(c *checked) *finding {
	c.argsOK = argsUses(c)
	c.changed = changedVars(c, c.loopVars)
	c.called = calledSelectors(c)
	c.inLoop = goInLoops(c)
	return walk(c, func(n ast.Node) string { return rule(c, n) })
}

// walk returns the first node of c, in source order, for which check
// returns a reason, or nil.
func walk(c *checked, check func(ast.Node) string) *finding {
	var found *finding
	ast.Inspect(c.file, func(n ast.Node) bool {
		if found != nil || n == nil {
			return false
		}
		if msg := check(n); msg != "" {
			found = &finding{msg: msg, pos: n.Pos()}
		}
		return found == nil
	})
	return found
}

// rule returns why node n keeps its program from yaegi, or "".
func rule(c *checked, n ast.Node) string {
	if msg := conversionRule(c, n); msg != "" {
		return msg
	}
	switch n := n.(type) {
	case *ast.ImportSpec:
		return importRule(n)
	case *ast.ForStmt:
		return loopRule(c, n)
	case *ast.CallExpr:
		return callRule(c, n)
	case *ast.SelectorExpr:
		return selectorRule(c, n)
	case *ast.FuncDecl:
		return funcRule(c, n)
	case *ast.StructType:
		return structRule(n)
	case *ast.TypeAssertExpr:
		if n.Type != nil {
			return assertedType(c, c.info.TypeOf(n.Type), "type assertion")
		}
	case *ast.BinaryExpr:
		return divisionRule(c, n)
	case *ast.CompositeLit:
		if _, ptr := c.info.TypeOf(n).(*types.Pointer); ptr && n.Type == nil {
			return "composite literal of a pointer type written without its type (yaegi panics)"
		}
	case *ast.TypeSwitchStmt:
		return typeSwitchRule(c, n)
	case *ast.ReturnStmt:
		return returnRule(n)
	case *ast.TypeSpec:
		return typeRule(c, n)
	case *ast.DeferStmt:
		return deferRule(c, n)
	case *ast.BasicLit:
		return literalRule(n)
	case *ast.GoStmt:
		if msg := lateCall(c, n.Call, false); msg != "" {
			return "go statement with " + msg
		}
		if body := goBody(c, n); body != nil && contains[*ast.SelectStmt](body) {
			return "select in a goroutine"
		}
		if _, lit := ast.Unparen(n.Call.Fun).(*ast.FuncLit); lit && c.inLoop[n] {
			return "go statement with a function literal in a loop (a race in yaegi)"
		}
	}
	return ""
}

// importRule rejects packages that act on the process or whose use of
// reflection yaegi's types defeat.
func importRule(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	switch {
	case hostPackages[p]:
		return fmt.Sprintf("package %s acts on the process", p)
	case p == "log/slog":
		return "package log/slog (yaegi's values lose their types and methods in it)"
	case p == "reflect" || p == "encoding/gob":
		return fmt.Sprintf("package %s reflects on the program's types", p)
	}
	return ""
}

// unsupportedBuiltins behave differently in yaegi (the builtins Go added
// after yaegi's language are on the list of features).
var unsupportedBuiltins = map[string]string{
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
	if _, ok := c.info.Instances[id]; ok {
		return "generic call of " + id.Name
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

// selectorRule checks a qualified identifier pkg.Name against the
// symbols that measure the process.
func selectorRule(c *checked, s *ast.SelectorExpr) string {
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
	if v, err := strconv.Unquote(l.Value); err == nil && !utf8.ValidString(v) {
		return "string that is not UTF-8 (yaegi ranges over it differently)"
	}
	if strings.Contains(l.Value, "/proc/") {
		return "path under /proc (the worker's, not the program's)"
	}
	return ""
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

// divisionRule rejects a division of integer constants whose result is a
// floating-point constant (const x float64 = 1 / 3 is 0): yaegi divides
// them as floats.
func divisionRule(c *checked, b *ast.BinaryExpr) string {
	if b.Op != token.QUO {
		return ""
	}
	tv := c.info.Types[b]
	if tv.Value == nil || tv.Type == nil {
		return ""
	}
	basic, ok := tv.Type.Underlying().(*types.Basic)
	if !ok || basic.Info()&(types.IsFloat|types.IsComplex) == 0 {
		return ""
	}
	for _, e := range []ast.Expr{b.X, b.Y} {
		if v := c.info.Types[e].Value; v == nil || v.Kind() != constant.Int {
			return ""
		}
	}
	return "division of integer constants as a float"
}

// returnRule rejects a receive as a result of a return (return <-ch,
// return <-ch, true): yaegi panics ("reflect.Value.Set using
// unaddressable value").
func returnRule(r *ast.ReturnStmt) string {
	for _, e := range r.Results {
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			return "receive as a result of a return (yaegi panics)"
		}
	}
	return ""
}
