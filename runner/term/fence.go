package term

import (
	"context"
	"strings"

	"bingfa/runner/lesson"

	"github.com/yuin/goldmark/ast"
)

// fence prints a fenced block: a program's code, its expected output
// (then runs it), or any other block as code.
func (r *Reader) fence(ctx context.Context, n *ast.FencedCodeBlock) error {
	pos := n.Pos()
	for _, b := range r.lesson.Blocks {
		switch {
		case at(b.Code, pos):
			r.programCode(b)
			if b.Output == nil {
				return r.block(ctx, b)
			}
			return nil
		case b.Output != nil && at(b.Output, pos):
			r.expected(b)
			return r.block(ctx, b)
		}
	}
	lang, _, _ := strings.Cut(string(n.Language(r.src)), " ")
	r.code(lang, lesson.BlockText(n, r.src))
	r.printf("\n")
	return nil
}

// at reports whether f is the fence that starts at offset pos.
func at(f *lesson.Fence, pos int) bool { return f.Start+f.Indent == pos }

// programCode prints a program's header and code.
func (r *Reader) programCode(b *lesson.Block) {
	head := "▌ " + safe(b.Name)
	if t := tags(b); t != "" {
		head += "  " + safe(t)
	}
	r.printf("%s\n", r.paint(dim, head))
	r.code("go", b.Code.Text)
	r.printf("\n")
}

// tags returns the options worth showing in a program's header.
func tags(b *lesson.Block) string {
	var ts []string
	switch {
	case b.Opts.Exercise:
		ts = append(ts, "exercise")
	case b.Opts.Mode == lesson.NoBuild:
		ts = append(ts, "fragment, not compiled")
	case b.Opts.Mode == lesson.NoRun || !b.Runs():
		ts = append(ts, "built, not run")
	}
	if b.Opts.File != "" {
		ts = append(ts, "file="+b.Opts.File)
	}
	return strings.Join(ts, ", ")
}

// expected prints a program's expected output.
func (r *Reader) expected(b *lesson.Block) {
	label := "expected output"
	if b.Opts.Exercise {
		label = "goal (the exercise is done when the program prints this)"
	}
	r.printf("%s\n", r.paint(dim, label+":"))
	r.printf("%s", r.paint(dim, safe(b.Output.Text)))
	r.ensureNewline(b.Output.Text)
}
