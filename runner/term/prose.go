package term

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// inline returns the text of n's inline children, with code spans,
// emphasis and links styled when colour is on.
func (r *Reader) inline(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.inlineNode(&b, c)
	}
	return b.String()
}

func (r *Reader) inlineNode(b *strings.Builder, n ast.Node) {
	src := r.src
	switch t := n.(type) {
	case *ast.Text:
		v := t.Segment.Value(src)
		b.WriteString(safe(string(v)))
		switch {
		case t.HardLineBreak():
			b.WriteByte('\n')
		case t.SoftLineBreak() && !endsWide(b.String()):
			b.WriteByte(' ')
		}
	case *ast.String:
		b.WriteString(safe(string(t.Value)))
	case *ast.CodeSpan:
		b.WriteString(r.paint(cyan, r.plain(t)))
	case *ast.Emphasis:
		style := "\x1b[3m"
		if t.Level >= 2 {
			style = bold
		}
		b.WriteString(r.paint(style, r.inline(t)))
	case *ast.Link:
		b.WriteString(r.inline(t))
		b.WriteString(r.paint(dim, " <"+safe(string(t.Destination))+">"))
	case *ast.AutoLink:
		b.WriteString(safe(string(t.Label(src)))) // as written: a bare www.x.org stays so
	case *ast.Image:
		b.WriteString(r.paint(dim, r.t("term.image", r.plain(t))))
	case *ast.RawHTML:
	case *east.Strikethrough:
		b.WriteString(r.paint("\x1b[9m", r.inline(t)))
	default:
		b.WriteString(r.inline(t))
	}
}

// plain returns the text of n without styles.
func (r *Reader) plain(n ast.Node) string {
	saved := r.Color
	r.Color = false
	defer func() { r.Color = saved }()
	return r.inline(n)
}

// endsWide reports whether s ends with a CJK character, after which a soft
// line break joins lines without a space.
func endsWide(s string) bool {
	c, _ := utf8.DecodeLastRuneInString(s)
	return c >= 0x2E80 && c != utf8.RuneError
}
