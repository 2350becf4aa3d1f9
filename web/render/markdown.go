package render

import (
	"io"
	"strings"

	"bingfa/runner/lesson"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A pageDoc is a lesson's document (Lesson.Doc) as one page presents it.
// The document is the lesson parse's, with offsets of the file as read
// (Lesson.Source): a page never parses the lesson again, nor changes its
// document, which every page and goroutine shares. What the page shows in
// place of a fence, and where a link leads, are kept here for the page's
// node renderers (nodeRenderer).
type pageDoc struct {
	r      *Renderer
	l      *lesson.Lesson
	ids    *lesson.IDs                     // the page's element ids: the headings', then the cells'
	cells  map[*ast.FencedCodeBlock]*Block // fences shown as a cell: a program's, a further run's output
	shown  map[*ast.FencedCodeBlock]bool   // output fences that their program's cell shows
	byName map[string]*lesson.Lesson       // the course's lessons by name, for links between them
	url    func(l *lesson.Lesson) string   // a lesson's page
	folded map[*ast.Blockquote]hint        // exercises' hints, shown folded
}

// newPageDoc returns the page's view of lesson l of the course ls, with
// the ids of its headings (given by the lesson parse) taken.
func (r *Renderer) newPageDoc(ls []*lesson.Lesson, l *lesson.Lesson) *pageDoc {
	d := &pageDoc{r: r, l: l, ids: lesson.NewIDs(), cells: map[*ast.FencedCodeBlock]*Block{},
		shown: map[*ast.FencedCodeBlock]bool{}, byName: make(map[string]*lesson.Lesson, len(ls)), url: r.cfg.LessonURL}
	for _, x := range ls {
		d.byName[x.Name] = x
	}
	for _, n := range d.all(ast.KindHeading) {
		if id := headingID(n.(*ast.Heading)); id != "" {
			d.ids.Put([]byte(id))
		}
	}
	return d
}

// all returns the nodes of kind k of the document, in document order.
func (d *pageDoc) all(k ast.NodeKind) []ast.Node {
	var ns []ast.Node
	ast.Walk(d.l.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == k {
			ns = append(ns, n)
		}
		return ast.WalkContinue, nil
	})
	return ns
}

// cellViews returns the views of the lesson's blocks (made by view, in the
// order of their fences) and shows each as a cell with its result in
// place of its go fence; the output fence that belongs to a program is
// not shown (the result shows it). The output fence of a further run of
// a program (lesson.Block.Run) is shown as that run's cell and result.
func (d *pageDoc) cellViews(view func(b *lesson.Block) *Block) []*Block {
	code := map[*ast.FencedCodeBlock]*lesson.Block{}
	for _, b := range d.l.Blocks {
		switch {
		case b.Run > 0 && b.Output != nil:
			// A further run of a program: a cell of its own, with its
			// own Run control, in the place of its output block.
			code[b.Output.Node] = b
		case b.Run == 0:
			code[b.Code.Node] = b
			if b.Output != nil {
				d.shown[b.Output.Node] = true
			}
		}
	}
	var blocks []*Block
	for _, n := range d.all(ast.KindFencedCodeBlock) {
		fc := n.(*ast.FencedCodeBlock)
		if b := code[fc]; b != nil {
			v := view(b)
			blocks = append(blocks, v)
			d.cells[fc] = v
		}
	}
	return blocks
}

// Extend implements goldmark.Extender: the page's node renderers go
// before goldmark's own.
func (d *pageDoc) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{d: d, html: html.NewRenderer()}, 100)))
}

// render writes the HTML of the document, with the lessons' goldmark
// configuration extended by the page.
func (d *pageDoc) render(w io.Writer) error {
	return lesson.Markdown(goldmark.WithExtensions(d)).Renderer().Render(w, d.l.Source, d.l.Doc)
}

// fenceLang returns the language of a fenced block: the first word of
// its info string, as the lesson parser reads it.
func fenceLang(fc *ast.FencedCodeBlock, src []byte) string {
	if fc.Info == nil {
		return ""
	}
	info := strings.TrimSpace(string(fc.Info.Segment.Value(src)))
	lang, _, _ := strings.Cut(info, " ")
	lang, _, _ = strings.Cut(lang, "\t")
	return lang
}
