package lesson

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bingfa/internal/golden"

	"github.com/yuin/goldmark/ast"
)

// TestParse parses every testdata/*.md lesson and compares the model, or
// the errors, with testdata/*.golden.
func TestParse(t *testing.T) {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test lessons: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			l, err := Parse(filepath.ToSlash(file), src)
			if err != nil {
				got = "errors:\n" + err.Error() + "\n"
			} else {
				got = dump(l)
			}
			if strings.HasPrefix(name, "err-") != (err != nil) {
				t.Errorf("err- lessons must fail and others must parse; got err = %v", err)
			}
			golden.File(t, strings.TrimSuffix(file, ".md")+".golden", []byte(got))
		})
	}
}

// headings describes the headings of l's document: each with its line
// and id.
func headings(l *Lesson) []string {
	var hs []string
	ast.Walk(l.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			id, _ := h.AttributeString("id")
			line := bytes.Count(l.Source[:h.Lines().At(0).Start], []byte("\n")) + 1
			hs = append(hs, fmt.Sprintf("heading at line %d: id %s", line, id))
		}
		return ast.WalkContinue, nil
	})
	return hs
}

// dump describes a lesson: metadata, each heading with its id, then each block with its position
// and every option that differs from the default.
func dump(l *Lesson) string {
	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\ntitle: %s\norder: %d\nsummary: %s\n", l.Name, l.Title, l.Order, l.Summary)
	for _, h := range headings(l) {
		fmt.Fprintf(&b, "%s\n", h)
	}
	for _, blk := range l.Blocks {
		c := blk.Code
		fmt.Fprintf(&b, "block %s: %s fence at line %d (%s x%d, indent %d, nested %v), runs %v, builds %v\n",
			blk.Name, blk.Lang, c.Line, string(c.Char), c.Len, c.Indent, c.Nested, blk.Runs(), blk.Builds())
		if p := blk.TestOf(); p != nil {
			fmt.Fprintf(&b, "  tests %s in %s\n", p.Name, blk.TestFileName())
		}
		if srv := blk.Server(); srv != nil {
			fmt.Fprintf(&b, "  client of %s (first %v)\n", srv.Name, blk.FirstClient())
		}
		if blk.Opts.Server {
			fmt.Fprintf(&b, "  server ready %q port %d\n", blk.Opts.Ready, blk.Opts.Port)
		}
		if blk.Run > 0 {
			fmt.Fprintf(&b, "  run %d of %s\n", blk.Run, blk.Program().Name)
		}
		fmt.Fprintf(&b, "  code: %q\n", c.Text)
		for _, opt := range options(blk) {
			fmt.Fprintf(&b, "  %s\n", opt)
		}
		if o := blk.Output; o != nil {
			fmt.Fprintf(&b, "  output fence at line %d (%s x%d, nested %v): %q\n", o.Line, string(o.Char), o.Len, o.Nested, o.Text)
			fmt.Fprintf(&b, "  src[start:end] = %q\n", string(l.Source[o.Start:o.End]))
		}
	}
	return b.String()
}

// options lists the options of a block that are not the defaults.
func options(b *Block) []string {
	o, d := b.Opts, defaultOptions()
	var opts []string
	add := func(set bool, format string, args ...any) {
		if set {
			opts = append(opts, fmt.Sprintf(format, args...))
		}
	}
	add(o.Mode != d.Mode, "mode %v", o.Mode)
	add(o.ExitSet, "exit %d", o.Exit)
	add(o.Timeout != d.Timeout, "timeout %v", o.Timeout)
	add(o.MaxOutput != d.MaxOutput, "maxoutput %d", o.MaxOutput)
	add(len(o.Args) > 0, "args %q", o.Args)
	add(len(o.Env) > 0, "env %q", o.Env)
	add(o.Serial, "serial")
	add(o.Engine != d.Engine, "engine %s", o.Engine)
	add(o.Race, "race")
	add(o.Expect.Kind != "", "expect %v", o.Expect)
	add(o.Runs != d.Runs, "runs %d", o.Runs)
	add(o.Distinct, "show distinct")
	add(o.Cell, "cell")
	add(o.Exercise, "exercise")
	add(o.File != "", "file %s", o.File)
	add(b.Out.Unordered, "output unordered")
	add(b.Out.OrderBy != nil, "output order-by %v", b.Out.OrderBy)
	add(b.Out.Stream != "", "output %s only", b.Out.Stream)
	add(o.Took != nil, "took %+v", o.Took)
	add(b.Out.Took != nil, "run took %+v", b.Out.Took)
	add(o.Argv0 != "", "argv0 %s", o.Argv0)
	add(o.FileName != "", "filename %s", o.FileName)
	add(o.Signal != "", "signal %s ready %q after %v", o.Signal, o.Ready, o.After)
	add(b.Out.Signal != "" || b.Out.Ready != "" || b.Out.After > 0, "run signal %s ready %q after %v", b.Out.Signal, b.Out.Ready, b.Out.After)
	add(o.StdinSet, "stdin %q", o.Stdin)
	add(o.StdinFile != "", "stdin-file %s", o.StdinFile)
	run := b.Out.Inputs
	add(run.ArgsSet, "run args %q", run.Args)
	add(len(run.Env) > 0, "run env %q", run.Env)
	add(run.StdinSet, "run stdin %q", run.Stdin)
	add(run.StdinFile != "", "run stdin-file %s", run.StdinFile)
	for _, f := range b.Files {
		opts = append(opts, fmt.Sprintf("file %s from line %d: %q", f.Path, f.Fence.Line, f.Fence.Text))
	}
	for _, f := range b.Written {
		opts = append(opts, fmt.Sprintf("writes %s, line %d: %q", f.Path, f.Fence.Line, f.Fence.Text))
	}
	add(o.Trace, "trace")
	if f := b.Trace; f != nil {
		opts = append(opts, fmt.Sprintf("trace facts, line %d: %q", f.Line, f.Text))
	}
	return opts
}

// TestLargeLesson parses a 10 MB lesson: every block is found, at its line.
func TestLargeLesson(t *testing.T) {
	var b strings.Builder
	b.WriteString("# 大课\n\n")
	n := 0
	for b.Len() < 10<<20 {
		n++
		fmt.Fprintf(&b, "第 %d 段：并发不是并行。\n\n```go\npackage main\n\nfunc main() { println(%d) }\n```\n\n```output\n%d\n```\n\n", n, n, n)
	}
	l, err := Parse("big.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Blocks) != n {
		t.Fatalf("got %d blocks, want %d", len(l.Blocks), n)
	}
	last := l.Blocks[n-1]
	if want := fmt.Sprintf("%d\n", n); last.Output.Text != want {
		t.Errorf("last output = %q, want %q", last.Output.Text, want)
	}
	if want := 3 + (n-1)*12 + 2; last.Code.Line != want {
		t.Errorf("last block at line %d, want %d", last.Code.Line, want)
	}
}

// TestByteOrderMarkOffsets: a lesson that starts with a byte order mark
// has one coordinate system, offsets of the file as read: each fence of
// the document is where its block's fence says.
func TestByteOrderMarkOffsets(t *testing.T) {
	src := "\xef\xbb\xbf---\ntitle: T\n---\n\n# T\n\n```go\npackage main\n\nfunc main() {}\n```\n\n```output\n```\n"
	l, err := Parse("bom.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != "T" {
		t.Errorf("title %q, want T", l.Title)
	}
	var pos []int
	ast.Walk(l.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering {
			pos = append(pos, fc.Pos())
		}
		return ast.WalkContinue, nil
	})
	b := l.Blocks[0]
	want := []int{b.Code.Start + b.Code.Indent, b.Output.Start + b.Output.Indent}
	if !slices.Equal(pos, want) {
		t.Errorf("fences of the document at %v, the blocks' fences at %v", pos, want)
	}
	if got := src[pos[0]:]; !strings.HasPrefix(got, "```go") {
		t.Errorf("the first fence's offset points at %.10q", got)
	}
}
