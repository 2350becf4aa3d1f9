package render

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindCell and KindResult are the kinds of bingfa's own AST nodes.
var (
	KindCell   = ast.NewNodeKind("BingfaCell")
	KindResult = ast.NewNodeKind("BingfaResult")
)

// A Cell is a program block in a page's AST: it takes the place of the go
// fence and renders as the cell's header and highlighted code.
type Cell struct {
	ast.BaseBlock
	View *Block
}

// Kind implements ast.Node.
func (n *Cell) Kind() ast.NodeKind { return KindCell }

// Dump implements ast.Node.
func (n *Cell) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Block": n.View.Key}, nil)
}

// IsRaw implements ast.Node: a cell has no inline content.
func (n *Cell) IsRaw() bool { return true }

// A Result follows each Cell: the output of the program's run (or its
// expected output when it was not run), its verdict, diff, replay control
// and timeline.
type Result struct {
	ast.BaseBlock
	View *Block
}

// Kind implements ast.Node.
func (n *Result) Kind() ast.NodeKind { return KindResult }

// Dump implements ast.Node.
func (n *Result) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Block": n.View.Key, "Status": fmt.Sprint(n.View.Status)}, nil)
}

// IsRaw implements ast.Node.
func (n *Result) IsRaw() bool { return true }
