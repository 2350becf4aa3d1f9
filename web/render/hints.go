package render

import (
	"html/template"

	"bingfa/runner/lesson"
	"bingfa/runner/msg"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// A hint is an exercise's hint, written by the lesson's author as a
// blockquote starting with "提示：" (or "Hint:") in the exercise's section:
// the page shows it folded, under a control that unfolds it (a details
// element, which needs no script).
type hint struct {
	summary string   // the control's label, in the page's language
	first   ast.Node // the text node that starts with the prefix
	skip    int      // bytes of the prefix, and the spaces after it
}

// hints finds the hints of the page's exercises: in each section (the
// top-level nodes from one heading to the next) that holds an exercise's
// cell, every blockquote that starts with a hint prefix is a hint. The
// document is left as it is: the page's node renderers fold them.
func (d *pageDoc) hints(lang msg.Lang) {
	d.folded = map[*ast.Blockquote]hint{}
	var section []ast.Node
	flush := func() {
		if d.hasExercise(section) {
			for _, n := range section {
				if bq, ok := n.(*ast.Blockquote); ok {
					if t, skip := hintPrefix(bq, d.l.Source); t != nil {
						d.folded[bq] = hint{summary: lang.T("exercise.hint"), first: t, skip: skip}
					}
				}
			}
		}
		section = section[:0]
	}
	for n := d.l.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindHeading {
			flush()
		}
		section = append(section, n)
	}
	flush()
}

// hasExercise reports whether one of the nodes is an exercise's cell.
func (d *pageDoc) hasExercise(ns []ast.Node) bool {
	for _, n := range ns {
		if fc, ok := n.(*ast.FencedCodeBlock); ok {
			if v := d.cells[fc]; v != nil && v.Exercise {
				return true
			}
		}
	}
	return false
}

// hintPrefix returns the text node of blockquote bq that starts with a
// hint prefix and the length of the prefix with the spaces after it, or
// nil when bq is not a hint.
func hintPrefix(bq *ast.Blockquote, src []byte) (*ast.Text, int) {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok {
		return nil, 0
	}
	t, ok := p.FirstChild().(*ast.Text)
	if !ok {
		return nil, 0
	}
	if n, ok := lesson.HintPrefix(t.Segment.Value(src)); ok {
		return t, n
	}
	return nil, 0
}

// blockquote renders a hint folded, and another blockquote as goldmark
// does.
func (nr *nodeRenderer) blockquote(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	h, ok := nr.d.folded[n.(*ast.Blockquote)]
	if !ok {
		return nr.funcs[ast.KindBlockquote](w, src, n, entering)
	}
	if entering {
		w.WriteString(`<details class="hint"><summary>` + template.HTMLEscapeString(h.summary) + "</summary>\n")
	} else {
		w.WriteString("</details>\n")
	}
	return ast.WalkContinue, nil
}

// text renders a text node as goldmark does, without the prefix when it
// starts a hint: goldmark renders a copy that starts after it.
func (nr *nodeRenderer) text(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if bq, ok := n.Parent().Parent().(*ast.Blockquote); ok {
		if h, ok := nr.d.folded[bq]; ok && h.first == n {
			t := n.(*ast.Text)
			c := ast.NewTextSegment(t.Segment.WithStart(t.Segment.Start + h.skip))
			c.SetSoftLineBreak(t.SoftLineBreak())
			c.SetHardLineBreak(t.HardLineBreak())
			c.SetRaw(t.IsRaw())
			n = c
		}
	}
	return nr.funcs[ast.KindText](w, src, n, entering)
}
