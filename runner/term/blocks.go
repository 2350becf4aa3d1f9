package term

import (
	"context"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"bingfa/runner/lesson"
)

// blockNode prints one block-level node of the document, with prefix
// before each line (for quotes and list items).
func (r *Reader) blockNode(ctx context.Context, n ast.Node, prefix string) error {
	switch t := n.(type) {
	case *ast.Heading:
		r.heading(t)
	case *ast.Paragraph, *ast.TextBlock:
		r.lines(prefix, r.inline(t))
		if _, ok := n.(*ast.Paragraph); ok {
			r.printf("\n")
		}
	case *ast.FencedCodeBlock:
		return r.fence(ctx, t)
	case *ast.CodeBlock:
		r.code("", lesson.BlockText(t, r.src))
		r.printf("\n")
	case *ast.Blockquote:
		if r.folds() && r.isHint(t) {
			r.foldHint(t, prefix)
			return nil
		}
		return r.children(ctx, t, prefix+r.paint(dim, "│ "))
	case *ast.List:
		return r.list(ctx, t, prefix)
	case *ast.ThematicBreak:
		r.printf("%s\n\n", r.paint(dim, strings.Repeat("─", 40)))
	case *east.Table:
		r.table(t, prefix)
	case *ast.HTMLBlock:
	default:
		return r.children(ctx, t, prefix)
	}
	return nil
}

// children prints n's block children.
func (r *Reader) children(ctx context.Context, n ast.Node, prefix string) error {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.blockNode(ctx, c, prefix); err != nil {
			return err
		}
	}
	return nil
}

// heading prints a heading, its level shown by # marks.
func (r *Reader) heading(h *ast.Heading) {
	text := strings.Repeat("#", h.Level) + " " + r.plain(h)
	if h.Level > 1 {
		r.printf("%s\n\n", r.paint(bold, text))
		return
	}
	r.printf("%s\n\n", r.paint(bold, r.paint(cyan, text)))
}

// lines prints text with prefix before each line, wrapped to the
// terminal's width (see wrap) when Width is set.
func (r *Reader) lines(prefix, text string) {
	w := 0
	if r.Width > 0 {
		w = max(r.Width-DisplayWidth(prefix), 20)
	}
	for l := range strings.SplitSeq(text, "\n") {
		for _, part := range wrap(l, w) {
			r.printf("%s%s\n", prefix, part)
		}
	}
}

// list prints a list: bullets, or numbers from its start.
func (r *Reader) list(ctx context.Context, l *ast.List, prefix string) error {
	i := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		mark := "• "
		if l.IsOrdered() {
			mark = fmt.Sprintf("%d. ", i)
			i++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			p := prefix + strings.Repeat(" ", len(mark))
			if first {
				r.printf("%s%s", prefix, mark)
				p, first = "", false
			}
			if err := r.blockNode(ctx, c, p); err != nil {
				return err
			}
		}
	}
	r.printf("\n")
	return nil
}

// table prints a table's rows, cells separated by bars and padded to
// their column's display width (a Chinese character takes two columns),
// so that the bars line up.
func (r *Reader) table(t *east.Table, prefix string) {
	var rows [][]string
	var widths []int
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cell := r.inline(c)
			if i := len(cells); i == len(widths) {
				widths = append(widths, 0)
			}
			widths[len(cells)] = max(widths[len(cells)], DisplayWidth(cell))
			cells = append(cells, cell)
		}
		rows = append(rows, cells)
	}
	row := t.FirstChild()
	for _, cells := range rows {
		for i, c := range cells {
			if i < len(cells)-1 {
				cells[i] = c + strings.Repeat(" ", widths[i]-DisplayWidth(c))
			}
		}
		line := strings.Join(cells, r.paint(dim, " │ "))
		if _, ok := row.(*east.TableHeader); ok {
			line = r.paint(bold, strings.Join(cells, " │ "))
		}
		r.printf("%s%s\n", prefix, line)
		row = row.NextSibling()
	}
	r.printf("\n")
}
