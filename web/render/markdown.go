package render

import (
	"bytes"
	"strings"

	"bingfa/runner/lesson"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// newMarkdown returns the goldmark configuration pages are rendered with:
// GitHub Flavored Markdown, the CJK extension for Chinese prose, front
// matter (skipped), automatic heading ids (from the page's idSet), and
// bingfa's own node renderers for code.
func newMarkdown(r *Renderer) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft), extension.WithEscapedSpace()),
			&frontmatter.Extender{},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{r: r}, 100))),
	)
}

// bom is the UTF-8 byte order mark, which the lesson parser skips.
var bom = []byte("\xef\xbb\xbf")

// A document is one lesson parsed for a page: its AST, with a Cell node in
// place of each program fence and a Result node after it, and the ids
// given out so far.
type document struct {
	doc ast.Node
	src []byte
	ids *idSet
}

// parse parses l's source again (a page must not change the lesson's own
// AST, which other pages and goroutines share) with a fresh id set.
func (r *Renderer) parse(l *lesson.Lesson) *document {
	src := bytes.TrimPrefix(l.Source, bom)
	ids := newIDSet()
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	return &document{doc: doc, src: src, ids: ids}
}

// fenceLine returns the 1-based line of a fenced block's opening fence.
func fenceLine(n ast.Node, src []byte) int {
	return bytes.Count(src[:n.Pos()], []byte("\n")) + 1
}

// cells replaces each program fence of d by a Cell holding its view (made
// by view) followed by a Result, and removes the output fences that belong
// to a program (the Result shows them). The output fence of a further run
// of a program (lesson.Block.Run) is replaced by that run's Cell and
// Result.
func (d *document) cells(l *lesson.Lesson, view func(b *lesson.Block) *Block) []*Block {
	code, output := map[int]*lesson.Block{}, map[int]bool{}
	for _, b := range l.Blocks {
		switch {
		case b.Run > 0 && b.Output != nil:
			// A further run of a program: a cell of its own, with its
			// own Run control, in the place of its output block.
			code[b.Output.Line] = b
		case b.Run == 0:
			code[b.Code.Line] = b
			if b.Output != nil {
				output[b.Output.Line] = true
			}
		}
	}
	var fences []*ast.FencedCodeBlock
	ast.Walk(d.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering {
			fences = append(fences, fc)
		}
		return ast.WalkContinue, nil
	})
	var blocks []*Block
	for _, fc := range fences {
		line := fenceLine(fc, d.src)
		parent := fc.Parent()
		switch b := code[line]; {
		case b != nil:
			v := view(b)
			blocks = append(blocks, v)
			cell := &Cell{View: v}
			parent.ReplaceChild(parent, fc, cell)
			parent.InsertAfter(parent, cell, &Result{View: v})
		case output[line]:
			parent.RemoveChild(parent, fc)
		}
	}
	return blocks
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
