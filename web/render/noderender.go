package render

import (
	"html/template"

	"bingfa/runner/lesson"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer renders a page's document: a program's fence as its cell
// and result (with the page templates), other fences highlighted with
// chroma, and links as goldmark renders them, pointed at the lessons'
// pages and marked when they leave the site.
type nodeRenderer struct {
	d *pageDoc
	// html is goldmark's HTML renderer, with the options goldmark's own
	// gets (SetOption), whose links the page's delegate to.
	html  renderer.NodeRenderer
	funcs map[ast.NodeKind]renderer.NodeRendererFunc
}

// SetOption implements renderer.SetOptioner.
func (nr *nodeRenderer) SetOption(name renderer.OptionName, value any) {
	nr.html.(renderer.SetOptioner).SetOption(name, value)
}

// RegisterFuncs implements renderer.NodeRenderer.
func (nr *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	nr.funcs = map[ast.NodeKind]renderer.NodeRendererFunc{}
	nr.html.RegisterFuncs(funcMap(nr.funcs))
	reg.Register(ast.KindFencedCodeBlock, nr.fence)
	reg.Register(ast.KindLink, nr.link)
	reg.Register(ast.KindAutoLink, nr.autoLink)
	reg.Register(ast.KindBlockquote, nr.blockquote)
	reg.Register(ast.KindText, nr.text)
}

// A funcMap keeps the functions a node renderer registers.
type funcMap map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (m funcMap) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { m[k] = f }

// fence renders a program's fence as its cell and result, leaves out the
// output fence its result shows, and renders another fence highlighted
// when its language is one the highlighter knows, plain otherwise.
func (nr *nodeRenderer) fence(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	fc := n.(*ast.FencedCodeBlock)
	if v := nr.d.cells[fc]; v != nil {
		page, view := nr.d.r.pages[v.Lang], nr.d.r.cellView(v)
		if err := page.ExecuteTemplate(w, "cell", view); err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, page.ExecuteTemplate(w, "result", view)
	}
	if nr.d.shown[fc] {
		return ast.WalkSkipChildren, nil
	}
	lang := fenceLang(fc, src)
	cls := "code chroma"
	if lang != "" {
		cls += " lang-" + template.HTMLEscapeString(lang)
	}
	w.WriteString(`<pre class="` + cls + `"><code>`)
	w.WriteString(string(nr.d.r.hl.highlight(lang, lesson.BlockText(fc, src), false)))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// link renders a link as goldmark does, but for a link to a lesson file,
// which leads to the lesson's page (linkTarget), and a link that leaves
// the site, marked rel="external noopener". The document's node is left
// as it is: goldmark renders a copy.
func (nr *nodeRenderer) link(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	l := n.(*ast.Link)
	c := ast.NewLink()
	c.Destination, c.Title = l.Destination, l.Title
	if dest, ok := linkTarget(string(l.Destination), nr.d.byName, nr.d.url); ok {
		c.Destination = []byte(dest)
	}
	for _, a := range l.Attributes() {
		c.SetAttribute(a.Name, a.Value)
	}
	if IsExternal(string(l.Destination)) {
		c.SetAttributeString("rel", []byte("external noopener"))
	}
	return nr.funcs[ast.KindLink](w, src, c, entering)
}

// autoLink renders an autolink (<https://...>, or a bare URL) as goldmark
// does, marked rel="external noopener". goldmark renders a copy whose
// source is the link's label.
func (nr *nodeRenderer) autoLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	l := n.(*ast.AutoLink)
	label := l.Label(src)
	c := ast.NewAutoLink(l.AutoLinkType, ast.NewTextSegment(text.NewSegment(0, len(label))))
	c.Protocol = l.Protocol
	for _, a := range l.Attributes() {
		c.SetAttribute(a.Name, a.Value)
	}
	c.SetAttributeString("rel", []byte("external noopener"))
	return nr.funcs[ast.KindAutoLink](w, label, c, entering)
}
