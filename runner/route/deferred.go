package route

import (
	"go/ast"
	"go/token"
	"go/types"
)

// deferRule rejects a deferred call whose function, receiver or
// arguments might change before it runs: yaegi evaluates them when the
// call runs, not at the defer statement.
func deferRule(c *checked, d *ast.DeferStmt) string {
	if msg := lateCall(c, d.Call, true); msg != "" {
		return "defer with " + msg
	}
	return ""
}

// lateCall returns what in a deferred call or a go statement yaegi may
// evaluate too late: the function value or the receiver, and, with args,
// an argument (for go statements, yaegi evaluates the arguments in time).
func lateCall(c *checked, call *ast.CallExpr, args bool) string {
	for _, a := range call.Args {
		if args && !stable(c, a) {
			return "an argument that may change (yaegi evaluates it late)"
		}
	}
	fun := ast.Unparen(call.Fun)
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		if _, lit := fun.(*ast.FuncLit); lit || stable(c, fun) {
			return ""
		}
		return "a function value that may change (yaegi evaluates it late)"
	}
	s := c.info.Selections[sel]
	if s == nil { // a qualified identifier: pkg.F
		return ""
	}
	if _, ptr := s.Recv().Underlying().(*types.Pointer); ptr || pointerMethod(s) && addressable(c, sel.X) || stable(c, sel.X) {
		return ""
	}
	return "a method whose receiver may change (yaegi evaluates it late)"
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
