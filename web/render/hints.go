package render

import (
	"bytes"

	"bingfa/runner/msg"

	"github.com/yuin/goldmark/ast"
)

// KindHint is the kind of an exercise's hint in a page's AST.
var KindHint = ast.NewNodeKind("BingfaHint")

// A Hint is an exercise's hint, written by the lesson's author as a
// blockquote starting with "提示：" (or "Hint:") in the exercise's
// section: the page shows it folded, under a control that unfolds it
// (a details element, which needs no script).
type Hint struct {
	ast.BaseBlock
	Summary string // the control's label, in the page's language
}

// Kind implements ast.Node.
func (n *Hint) Kind() ast.NodeKind { return KindHint }

// Dump implements ast.Node.
func (n *Hint) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// hintPrefixes start a hint's blockquote; the prefix itself is dropped,
// as the control says it.
var hintPrefixes = [][]byte{[]byte("提示："), []byte("提示:"), []byte("Hint:"), []byte("Hint："), []byte("hint:")}

// hints folds the hints of d's exercises: in each section (the top-level
// nodes from one heading to the next) that holds an exercise's cell,
// every blockquote that starts with a hint prefix becomes a Hint.
func (d *document) hints(lang msg.Lang) {
	var section []ast.Node
	flush := func() {
		if hasExercise(section) {
			for _, n := range section {
				if bq, ok := n.(*ast.Blockquote); ok && d.dropHintPrefix(bq) {
					h := &Hint{Summary: lang.T("exercise.hint")}
					for c := bq.FirstChild(); c != nil; c = bq.FirstChild() {
						h.AppendChild(h, c)
					}
					d.doc.ReplaceChild(d.doc, bq, h)
				}
			}
		}
		section = section[:0]
	}
	for n := d.doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindHeading {
			flush()
		}
		section = append(section, n)
	}
	flush()
}

func hasExercise(ns []ast.Node) bool {
	for _, n := range ns {
		if c, ok := n.(*Cell); ok && c.View.Exercise {
			return true
		}
	}
	return false
}

// dropHintPrefix reports whether blockquote bq starts with a hint prefix,
// and if so removes the prefix (and the spaces after it) from its text.
func (d *document) dropHintPrefix(bq *ast.Blockquote) bool {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok {
		return false
	}
	t, ok := p.FirstChild().(*ast.Text)
	if !ok {
		return false
	}
	text := t.Segment.Value(d.src)
	for _, pre := range hintPrefixes {
		if bytes.HasPrefix(text, pre) {
			n := len(pre) + len(text[len(pre):]) - len(bytes.TrimLeft(text[len(pre):], " \t"))
			t.Segment = t.Segment.WithStart(t.Segment.Start + n)
			return true
		}
	}
	return false
}
