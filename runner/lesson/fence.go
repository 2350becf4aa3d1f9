package lesson

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A Fence is one fenced code block of a lesson, located in the source.
// Byte offsets refer to the lesson file as read, so that a block can be
// rewritten in place without touching anything around it.
type Fence struct {
	Lang   string // first word of the info string
	Info   string // the whole info string, as written
	Line   int    // 1-based line of the opening fence
	Indent int    // bytes before the fence characters on the opening line
	Char   byte   // '`' or '~'
	Len    int    // number of fence characters

	Start     int  // offset of the opening line
	BodyStart int  // offset of the first content line
	BodyEnd   int  // offset just past the last content line
	End       int  // offset just past the closing line (or BodyEnd if unclosed)
	Closed    bool // false when the fence runs to the end of its container
	Nested    bool // inside a list item or a block quote

	Text string // the content, with LF line endings

	Node *ast.FencedCodeBlock // the fence in the lesson's document (Lesson.Doc)
}

// BodyLine returns the 1-based line of the first content line.
func (f *Fence) BodyLine() int { return f.Line + 1 }

// newFence locates the fenced code block n in src.
func newFence(n *ast.FencedCodeBlock, src []byte, idx lineIndex) *Fence {
	pos := n.Pos()
	line := idx.line(pos)
	f := &Fence{Line: line, Start: idx.start(line), Nested: isNested(n), Node: n}
	f.Indent = pos - f.Start
	f.Char = src[pos]
	for i := pos; i < len(src) && src[i] == f.Char; i++ {
		f.Len++
	}
	f.Info = string(bytes.TrimSpace(lineAt(src, pos+f.Len)))
	f.Lang, _, _ = strings.Cut(strings.TrimLeft(f.Info, " \t"), " ")
	f.Lang, _, _ = strings.Cut(f.Lang, "\t")
	f.BodyStart = lineEnd(src, pos)
	f.BodyEnd = f.BodyStart
	if lines := n.Lines(); lines.Len() > 0 {
		f.BodyEnd = lineEnd(src, lines.At(lines.Len()-1).Start)
		f.Text = BlockText(n, src)
	}
	f.End = f.BodyEnd
	if closing := lineAt(src, f.BodyEnd); f.BodyEnd < len(src) && isClosingFence(closing, f.Char, f.Len) {
		f.Closed = true
		f.End = lineEnd(src, f.BodyEnd)
	}
	return f
}

// BlockText returns the content of a code block (fenced or indented) with
// LF line endings.
func BlockText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.ReplaceAll(b.String(), "\r\n", "\n")
}

// isNested reports whether n is inside a list or a block quote.
func isNested(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindList, ast.KindListItem, ast.KindBlockquote:
			return true
		}
	}
	return false
}

// isClosingFence reports whether line closes a fence of length n made of
// c, once any container prefix (spaces, '>') is removed.
func isClosingFence(line []byte, c byte, n int) bool {
	line = bytes.TrimLeft(line, " \t>")
	i := 0
	for i < len(line) && line[i] == c {
		i++
	}
	return i >= n && len(bytes.TrimSpace(line[i:])) == 0
}

// lineAt returns the rest of the line starting at off, without its line
// ending.
func lineAt(src []byte, off int) []byte {
	if off >= len(src) {
		return nil
	}
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		return src[off:]
	}
	return bytes.TrimSuffix(src[off:off+end], []byte("\r"))
}

// lineEnd returns the offset just past the line ending of the line holding
// off (or len(src) on the last line).
func lineEnd(src []byte, off int) int {
	if off >= len(src) {
		return len(src)
	}
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		return len(src)
	}
	return off + end + 1
}
