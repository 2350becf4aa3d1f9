package static

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

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
func capturedLoopVar(c *checked, lit *ast.FuncLit) string {
	name := ""
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || name != "" {
			return name == ""
		}
		obj := c.info.Uses[id]
		if c.loopVars[obj] && (obj.Pos() < lit.Pos() || obj.Pos() >= lit.End()) {
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
