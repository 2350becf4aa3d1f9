package lesson

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"bingfa/runner/match"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var bom = []byte("\xef\xbb\xbf")

// Markdown returns the one goldmark configuration of lessons, with opts
// added: GitHub Flavored Markdown (tables, strikethrough, task lists and
// autolinks), the CJK extension for Chinese prose, and heading ids
// (IDs); front matter is split off before (splitFrontMatter). Parse parses a lesson's document (Lesson.Doc) with
// Markdown(); a renderer adds its node renderers with opts and renders
// that document. It never parses the lesson again, nor changes the
// document, which every reader of the lesson shares.
func Markdown(opts ...goldmark.Option) goldmark.Markdown {
	return goldmark.New(append([]goldmark.Option{
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft), extension.WithEscapedSpace()),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	}, opts...)...)
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
	l        *Lesson
	src      []byte
	errs     ErrorList
	files    []*DataFile       // the data files so far, for the programs after them
	names    map[string]*Block // blocks by name, so far
	forFiles []*DataFile       // file blocks for=NAME waiting for their program
	waiting  *Fence            // a stdin block waiting for its output block
	programs int               // go fences so far
	pythons  int               // python run fences so far
}

func (ps *parseState) errorf(line, col int, format string, args ...any) {
	ps.errs = append(ps.errs, &Error{Path: ps.l.Path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

func (ps *parseState) parse() (*Lesson, error) {
	body := bytes.TrimPrefix(ps.src, bom)
	shift := len(ps.src) - len(body)
	front, end, err := splitFrontMatter(body)
	if err != nil {
		ps.errorf(1, 0, "%v", err)
		return nil, ps.errs
	}
	// goldmark reads the file as read from past its byte order mark and
	// front matter, so that every offset of the document, as of the
	// fences, is of the file as read (Source).
	ctx := parser.NewContext(parser.WithIDs(NewIDs()))
	rd := text.NewReader(ps.src)
	ps.l.Body = shift + end
	rd.Advance(ps.l.Body)
	doc := Markdown().Parser().Parse(rd, parser.WithContext(ctx))
	ps.l.Doc = doc
	ps.frontMatter(front)
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
	sort.SliceStable(ps.errs, func(i, j int) bool { return ps.errs[i].Line < ps.errs[j].Line })
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
	ps.names = names
	for _, f := range fences {
		if !f.Closed {
			ps.errorf(f.Line, 0, "the %s fence opened here is never closed (it runs to the end of the file)", strings.Repeat(string(f.Char), f.Len))
			continue
		}
		switch {
		case f.Lang == "go":
			ps.pendingStdin(last)
			last, lookalike = ps.program(f, names), nil
		case f.Lang == "python" && pythonRun(f):
			ps.pendingStdin(last)
			last, lookalike = ps.python(f, names), nil
		case f.Lang == "output":
			n := len(ps.errs)
			if run := ps.output(last, f, names); run != nil {
				last = run
			}
			if lookalike != nil && len(ps.errs) > n {
				ps.errs[n].Msg += fmt.Sprintf(" (the block at line %d is %s, not go: only a go fence is a program)", lookalike.Line, lookalike.Lang)
			}
		case f.Lang == "file":
			ps.file(last, f)
		case f.Lang == "stdin":
			ps.stdin(last, f)
		case f.Lang == "trace":
			ps.trace(last, f)
		case goLookalike(f.Lang):
			lookalike = f
		}
	}
	ps.pendingStdin(last)
	ps.lastChecks()
	ps.unusedFiles()
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
func (ps *parseState) program(f *Fence, names map[string]*Block) *Block {
	ps.programs++
	b := ps.newProgram(f, names, LangGo, ProgramFence, ps.programs)
	if b.Opts.Test {
		ps.testOf(b)
	}
	ps.serverOf(b)
	return b
}

// newProgram parses fence f of kind k, the index-th program of language
// lang in the lesson, into a new Block: its options, name, data files and
// input file.
func (ps *parseState) newProgram(f *Fence, names map[string]*Block, lang string, k Kinds, index int) *Block {
	b := &Block{Index: index, Code: f, Lang: lang}
	ps.l.Blocks = append(ps.l.Blocks, b)
	b.Opts = *ps.options(f, k).prog
	ps.name(b, names)
	ps.filesOf(b)
	ps.inputFile(b, f, b.Opts.Inputs)
	return b
}

// options parses the options of fence f of kind k, and reports their
// errors at their columns.
func (ps *parseState) options(f *Fence, k Kinds) *fenceOpts {
	opts, errs := fenceOptions(k, ps.words(f))
	for _, e := range errs {
		col := 0
		if e.col >= 0 {
			col = ps.infoCol(f) + e.col
		}
		ps.errorf(f.Line, col, "%s", e.msg)
	}
	return opts
}

// name gives b its name and reports duplicates.
func (ps *parseState) name(b *Block, names map[string]*Block) {
	b.Name = b.Opts.Name
	if b.Name == "" {
		b.Name = fmt.Sprintf("block-%d", b.Index)
		if b.Python() {
			b.Name = fmt.Sprintf("python-%d", b.Index)
		}
	}
	if prev := names[b.Name]; prev != nil {
		ps.errorf(b.Code.Line, 0, "duplicate block name %s (also used at line %d)", b.Name, prev.line())
		return
	}
	names[b.Name] = b
}

// output attaches the output fence f to the program before it.
// It returns the block of the run: b, or a new run of b's program when b
// already has its output block.
func (ps *parseState) output(b *Block, f *Fence, names map[string]*Block) *Block {
	if b == nil {
		ps.errorf(f.Line, 0, "output block without a go block before it")
		return nil
	}
	n := len(ps.errs)
	out := ps.options(f, OutputFence).out
	if b.Python() && out.Expect != nil {
		ps.errorf(f.Line, 0, "expect= says how a Go program ends (a race, a deadlock, a panic): a python program's run has exit= instead")
	}
	if b.Output != nil {
		if b = ps.run(b, f, out, names); b == nil {
			return nil
		}
	} else if out.Name != "" {
		ps.errorf(f.Line, 0, "the first output block is the run of the program %s: name it on the go fence", b.Name)
	}
	b.Output = f
	b.Opts.HasOutput = true
	if len(ps.errs) > n {
		return b
	}
	if !ps.runInputs(b, f, out) || !ps.runExit(b, f, out) {
		return b
	}
	b.Out = *out
	want, err := match.Compile(f.Text, b.Out.Match())
	if se, ok := err.(*match.SyntaxError); ok {
		ps.errorf(f.BodyLine()+se.Line-1, se.Col, "%s", se.Msg)
		return b
	}
	b.Want = want
	return b
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
