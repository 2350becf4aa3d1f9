package static

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// A feature is a change to the Go language made after the language yaegi
// v0.16.1 implements (Go 1.20's, without the changes below). A block that
// uses one is compiled, and the reason names the feature and its release:
// "range over int (Go 1.22) at lessons/x.md:57".
//
// features is the one list of them. To extend it for a new release:
//
//  1. read the release notes' "Changes to the language" and the "Language
//     versions" appendix of the specification (GOROOT/doc/go_spec.html);
//  2. add an entry per change that yaegi v0.16.1 does not implement, with
//     a detect function working on the syntax and the type-checked uses
//     (a change of meaning, such as Go 1.22's loop variables, is detected
//     where a program could tell the old meaning from the new);
//  3. raise languageVersion to the new release, so that go/types rejects
//     whatever the release after it adds until it is listed here;
//  4. add a block named after the entry's id to testdata/features.md and
//     run go test ./runner/route/static -update.
//
// Standard-library symbols need nothing here: the router reads which
// release added each one from GOROOT/api (see api.go), and compiles a
// block that uses a symbol added after yaegiAPI.
var features = []feature{
	{"min", "builtin min", 21, builtinCall("min")},
	{"max", "builtin max", 21, builtinCall("max")},
	{"clear", "builtin clear", 21, builtinCall("clear")},
	{"panic-nil", "panic(nil) as a run-time error", 21, panicNil},
	{"loopvar", "per-iteration loop variables", 22, sharedLoopVar},
	{"range-int", "range over int", 22, rangeOver(isInteger)},
	{"range-func", "range over func", 23, rangeOver(isFunc)},
	{"generic-alias", "generic type alias", 24, genericAlias},
	{"new-expr", "new(expr)", 26, newExpr},
}

// languageVersion is the newest release whose changes features lists.
// Programs are type-checked as this version of Go: a later release's
// change is rejected by go/types ("requires go1.27 or later"), and the
// block compiled, until it is listed.
const languageVersion = "go1.26"

// A feature of the Go language newer than yaegi's.
type feature struct {
	id      string // the block of testdata/features.md that uses it
	name    string // "range over int"
	release int    // N of the Go 1.N that added it
	// detect reports whether node n uses the feature, and details for
	// the reason (such as the variable concerned), which may be "".
	detect func(c *checked, n ast.Node) (string, bool)
}

// featureRule returns the first feature that node n uses, as a reason,
// or "".
func featureRule(c *checked, n ast.Node) string {
	for _, f := range features {
		if detail, ok := f.detect(c, n); ok {
			msg := fmt.Sprintf("%s (Go 1.%d)", f.name, f.release)
			if detail != "" {
				msg += ": " + detail
			}
			return msg
		}
	}
	return ""
}

// builtinCall detects calls of the builtin function name (a function of
// the program with that name is not the builtin).
func builtinCall(name string) func(*checked, ast.Node) (string, bool) {
	return func(c *checked, n ast.Node) (string, bool) {
		call, ok := n.(*ast.CallExpr)
		return "", ok && isBuiltin(c, call, name)
	}
}

// isBuiltin reports whether call calls the builtin function name.
func isBuiltin(c *checked, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// panicNil detects panic(nil), which since Go 1.21 panics with a
// *runtime.PanicNilError (recover returns it, and the message differs).
func panicNil(c *checked, n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	return "", ok && isBuiltin(c, call, "panic") && len(call.Args) == 1 && c.info.Types[call.Args[0]].IsNil()
}

// newExpr detects new called with a value rather than a type: new(42).
func newExpr(c *checked, n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	return "", ok && isBuiltin(c, call, "new") && len(call.Args) == 1 && !c.info.Types[call.Args[0]].IsType()
}

// rangeOver detects range statements over a value whose underlying type
// satisfies is.
func rangeOver(is func(types.Type) bool) func(*checked, ast.Node) (string, bool) {
	return func(c *checked, n ast.Node) (string, bool) {
		r, ok := n.(*ast.RangeStmt)
		if !ok {
			return "", false
		}
		t := c.info.TypeOf(r.X)
		return "", t != nil && is(t.Underlying())
	}
}

func isInteger(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isFunc(t types.Type) bool {
	_, ok := t.(*types.Signature)
	return ok
}

// genericAlias detects alias declarations with type parameters:
// type set[T comparable] = map[T]bool.
func genericAlias(c *checked, n ast.Node) (string, bool) {
	t, ok := n.(*ast.TypeSpec)
	if !ok || !t.Assign.IsValid() || t.TypeParams == nil {
		return "", false
	}
	return t.Name.Name, true
}

// sharedLoopVar detects what tells Go 1.22's per-iteration loop
// variables from the one variable per loop that yaegi has: a loop
// variable used by a function literal declared inside the loop (a
// closure, a goroutine), or whose address is taken (&v, &v.f), or on
// which a method with a pointer receiver is deferred or started as a
// goroutine (defer v.close() takes &v).
func sharedLoopVar(c *checked, n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.FuncLit:
		if v := capturedLoopVar(c, n); v != "" {
			return "a function literal uses loop variable " + v, true
		}
	case *ast.UnaryExpr:
		if v := loopVarOf(c, n.X); n.Op == token.AND && v != "" {
			return "the address of loop variable " + v + " is taken", true
		}
	case *ast.GoStmt:
		if v := pointerReceiverLoopVar(c, n.Call); v != "" {
			return "go statement calls a method on the address of loop variable " + v, true
		}
	case *ast.DeferStmt:
		if v := pointerReceiverLoopVar(c, n.Call); v != "" {
			return "defer calls a method on the address of loop variable " + v, true
		}
	}
	return "", false
}

// loopVarOf returns the name of the loop variable that x is, or is a
// part of (v.f, v[i] for an array v), or "".
func loopVarOf(c *checked, x ast.Expr) string {
	if id := rootVar(c, x); id != nil && c.loopVars[c.info.Uses[id]] {
		return id.Name
	}
	return ""
}

// pointerReceiverLoopVar returns the loop variable whose address call
// passes as the receiver of a method on *T, or "".
func pointerReceiverLoopVar(c *checked, call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s := c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || !pointerMethod(s) {
		return ""
	}
	if _, ptr := s.Recv().Underlying().(*types.Pointer); ptr {
		return ""
	}
	return loopVarOf(c, sel.X)
}
