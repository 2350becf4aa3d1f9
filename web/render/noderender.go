package render

import (
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer renders bingfa's nodes with the page templates, and other
// fenced code with chroma.
type nodeRenderer struct {
	r *Renderer
}

// RegisterFuncs implements renderer.NodeRenderer.
func (nr *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCell, nr.cell)
	reg.Register(KindResult, nr.result)
	reg.Register(ast.KindFencedCodeBlock, nr.fence)
	reg.Register(KindHint, nr.hint)
}

// hint renders an exercise's hint folded: a details element whose
// summary is the control that unfolds it.
func (nr *nodeRenderer) hint(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<details class="hint"><summary>` + template.HTMLEscapeString(n.(*Hint).Summary) + "</summary>\n")
	} else {
		w.WriteString("</details>\n")
	}
	return ast.WalkContinue, nil
}

func (nr *nodeRenderer) cell(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		c := n.(*Cell)
		return ast.WalkSkipChildren, nr.r.pages[c.View.Lang].ExecuteTemplate(w, "cell", nr.r.cellView(c.View))
	}
	return ast.WalkContinue, nil
}

func (nr *nodeRenderer) result(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		res := n.(*Result)
		return ast.WalkSkipChildren, nr.r.pages[res.View.Lang].ExecuteTemplate(w, "result", nr.r.cellView(res.View))
	}
	return ast.WalkContinue, nil
}

// fence renders a fenced block that is not a program: highlighted when
// its language is one the highlighter knows, plain otherwise.
func (nr *nodeRenderer) fence(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	fc := n.(*ast.FencedCodeBlock)
	lang := fenceLang(fc, src)
	var body []byte
	for i := 0; i < fc.Lines().Len(); i++ {
		seg := fc.Lines().At(i)
		body = append(body, seg.Value(src)...)
	}
	cls := "code chroma"
	if lang != "" {
		cls += " lang-" + template.HTMLEscapeString(lang)
	}
	w.WriteString(`<pre class="` + cls + `"><code>`)
	w.WriteString(string(nr.r.hl.highlight(lang, string(body), false)))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
