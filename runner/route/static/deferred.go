package static

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
	if receiverStable(c, sel, s) {
		return ""
	}
	return "a method whose receiver may change (yaegi evaluates it late)"
}

// receiverStable reports whether the receiver of a selected method is the
// same wherever it is evaluated: for a method on *T, the pointer (or the
// address of the variable); for a method on T, the value itself, which
// for a pointer p means *p, which may change.
func receiverStable(c *checked, sel *ast.SelectorExpr, s *types.Selection) bool {
	_, ptr := s.Recv().Underlying().(*types.Pointer)
	switch {
	case pointerMethod(s) && ptr:
		return stable(c, sel.X)
	case pointerMethod(s):
		return addressable(c, sel.X)
	}
	return !ptr && stable(c, sel.X)
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

// addressable reports whether e is a variable whose address is the same
// wherever it is evaluated: a variable, a field of one (x.mu), a field
// reached through a pointer that does not change (p.mu), or *p.
func addressable(c *checked, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, isVar := c.info.Uses[e].(*types.Var)
		return isVar
	case *ast.SelectorExpr:
		sel := c.info.Selections[e]
		if sel == nil || sel.Kind() != types.FieldVal {
			return false
		}
		if _, ptr := c.info.TypeOf(e.X).Underlying().(*types.Pointer); ptr {
			return stable(c, e.X)
		}
		return addressable(c, e.X)
	case *ast.StarExpr:
		return stable(c, e.X)
	}
	return false
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
		if id := rootVar(c, e); id != nil && c.info.Uses[id] != nil {
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
			sel := c.info.Selections[n]
			if sel == nil || sel.Kind() != types.MethodVal || !pointerMethod(sel) {
				break
			}
			if _, ptr := sel.Recv().Underlying().(*types.Pointer); !ptr {
				mark(n.X)
			}
		}
		return true
	})
	return changed
}

// rootVar returns the variable that changes when x, x.f, x[i] changes,
// or nil: none does when the way from it passes through a pointer, a
// slice or a map (p.f = 1 changes *p, not p).
func rootVar(c *checked, e ast.Expr) *ast.Ident {
	for {
		var x ast.Expr
		switch v := ast.Unparen(e).(type) {
		case *ast.Ident:
			return v
		case *ast.SelectorExpr:
			x = v.X
		case *ast.IndexExpr:
			x = v.X
		default:
			return nil
		}
		if t := c.info.TypeOf(x); t != nil {
			switch t.Underlying().(type) {
			case *types.Pointer, *types.Slice, *types.Map:
				return nil
			}
		}
		e = x
	}
}
