package lesson

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"bingfa/runner/match"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
)

var bom = []byte("\xef\xbb\xbf")

// Markdown returns the goldmark configuration lessons are parsed with:
// CommonMark plus GitHub tables, strikethrough and task lists, the CJK
// extension for Chinese prose, and front matter. Renderers may add their
// own renderer options to it.
func Markdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.TaskList,
		extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft), extension.WithEscapedSpace()),
		&frontmatter.Extender{},
	))
}

// Parse parses the lesson in src. The path is used in messages and to name
// the lesson. Every problem found is returned in an ErrorList, each
// starting with "path:line:".
func Parse(p string, src []byte) (*Lesson, error) {
	ps := &parseState{
		l:   &Lesson{Path: p, Name: strings.TrimSuffix(path.Base(toSlash(p)), ".md"), Source: src},
		src: src,
	}
	return ps.parse()
}

type parseState struct {
	l    *Lesson
	src  []byte
	errs ErrorList
}

func (ps *parseState) errorf(line, col int, format string, args ...any) {
	ps.errs = append(ps.errs, &Error{Path: ps.l.Path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

func (ps *parseState) parse() (*Lesson, error) {
	body := bytes.TrimPrefix(ps.src, bom)
	shift := len(ps.src) - len(body)
	if !ps.frontMatterClosed(body) {
		return nil, ps.errs
	}
	// goldmark reads the file as read from past its byte order mark, so
	// that every offset of the document, as of the fences, is of the file
	// as read (Source).
	ctx := parser.NewContext()
	rd := text.NewReader(ps.src)
	rd.Advance(shift)
	doc := Markdown().Parser().Parse(rd, parser.WithContext(ctx))
	ps.l.Doc = doc
	ps.frontMatter(ctx)
	idx := newLineIndex(ps.src)
	var fences []*Fence
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering {
			fences = append(fences, newFence(fc, ps.src, idx))
		}
		return ast.WalkContinue, nil
	})
	ps.blocks(fences)
	ps.describe(doc, ps.src)
	if err := ps.errs.Err(); err != nil {
		return nil, err
	}
	return ps.l, nil
}

// blocks pairs go fences with the output fences that follow them.
func (ps *parseState) blocks(fences []*Fence) {
	var last *Block
	var lookalike *Fence // a fence after last that is almost a go fence
	names := map[string]*Block{}
	for _, f := range fences {
		if !f.Closed {
			ps.errorf(f.Line, 0, "the %s fence opened here is never closed (it runs to the end of the file)", strings.Repeat(string(f.Char), f.Len))
			continue
		}
		switch {
		case f.Lang == "go":
			last, lookalike = ps.program(f), nil
			ps.name(last, names)
		case f.Lang == "output":
			n := len(ps.errs)
			ps.output(last, f)
			if lookalike != nil && len(ps.errs) > n {
				ps.errs[n].Msg += fmt.Sprintf(" (the block at line %d is %s, not go: only a go fence is a program)", lookalike.Line, lookalike.Lang)
			}
		case goLookalike(f.Lang):
			lookalike = f
		}
	}
}

// goLookalike reports whether a fence's language is meant as Go but is not
// the word go: golang, Go, go,editable, go:main.go.
func goLookalike(lang string) bool {
	l := strings.ToLower(lang)
	if l == "golang" || (l == "go" && lang != "go") {
		return true
	}
	return strings.HasPrefix(l, "go,") || strings.HasPrefix(l, "go:") || strings.HasPrefix(l, "go{") ||
		strings.HasPrefix(l, "golang,") || strings.HasPrefix(l, "golang:")
}

// program parses a go fence into a new Block.
func (ps *parseState) program(f *Fence) *Block {
	b := &Block{Index: len(ps.l.Blocks) + 1, Code: f, Opts: defaultOptions()}
	ps.l.Blocks = append(ps.l.Blocks, b)
	for _, e := range programOptions(&b.Opts, ps.words(f)) {
		col := 0
		if e.col >= 0 {
			col = ps.infoCol(f) + e.col
		}
		ps.errorf(f.Line, col, "%s", e.msg)
	}
	return b
}

// name gives b its name and reports duplicates.
func (ps *parseState) name(b *Block, names map[string]*Block) {
	b.Name = b.Opts.Name
	if b.Name == "" {
		b.Name = fmt.Sprintf("block-%d", b.Index)
	}
	if prev := names[b.Name]; prev != nil {
		ps.errorf(b.Code.Line, 0, "duplicate block name %s (also used at line %d)", b.Name, prev.Code.Line)
		return
	}
	names[b.Name] = b
}

// output attaches the output fence f to the program before it.
func (ps *parseState) output(b *Block, f *Fence) {
	switch {
	case b == nil:
		ps.errorf(f.Line, 0, "output block without a go block before it")
		return
	case b.Output != nil:
		ps.errorf(f.Line, 0, "second output block for %s (the first is at line %d)", b.Name, b.Output.Line)
		return
	}
	b.Output = f
	b.Opts.HasOutput = true
	for _, w := range ps.words(f) {
		if err := outputOption(&b.Out, w); err != nil {
			ps.errorf(f.Line, ps.infoCol(f)+w.col, "%v", err)
			return
		}
	}
	want, err := match.Compile(f.Text, b.Out.Match())
	if se, ok := err.(*match.SyntaxError); ok {
		ps.errorf(f.BodyLine()+se.Line-1, se.Col, "%s", se.Msg)
		return
	}
	b.Want = want
}

// words returns the options of a fence: its info string without the
// language.
func (ps *parseState) words(f *Fence) []word {
	words, err := splitInfo(f.Info)
	if err != nil {
		ie := err.(*infoError)
		ps.errorf(f.Line, ps.infoCol(f)+ie.col, "%s", ie.msg)
		return nil
	}
	if len(words) == 0 {
		return nil
	}
	return words[1:]
}

// infoCol returns the 1-based column at which f's info string starts.
func (ps *parseState) infoCol(f *Fence) int {
	open := f.Start + f.Indent + f.Len
	rest := lineAt(ps.src, open)
	return f.Indent + f.Len + len(rest) - len(bytes.TrimLeft(rest, " \t")) + 1
}

// toSlash converts Windows separators so that path.Base works everywhere.
func toSlash(p string) string { return strings.ReplaceAll(p, "\\", "/") }
