package term

import (
	"context"
	"strings"

	"bingfa/runner/lesson"

	"github.com/yuin/goldmark/ast"
)

// fence prints a fenced block: a program's code, its expected output
// (then runs it), the trace facts its run must show, or any other block
// as code.
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
		case b.Trace != nil && at(b.Trace, pos):
			r.printf("%s\n%s", r.paint(dim, r.t("term.tracefacts")+r.t("term.colon")), r.paint(dim, safe(b.Trace.Text)))
			r.ensureNewline(b.Trace.Text)
			r.printf("\n")
			return nil
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
	if t := r.tags(b); t != "" {
		head += "  " + safe(t)
	}
	r.printf("%s\n", r.paint(dim, head))
	lang := lesson.LangGo
	if b.Python() {
		lang = lesson.LangPython
	}
	r.code(lang, b.Code.Text)
	r.printf("\n")
}

// tags returns the options worth showing in a program's header: what it
// is, and what changes how it runs (arguments, environment, runs, serial,
// race, a cell, a trace); not where its copy lives (file=).
func (r *Reader) tags(b *lesson.Block) string {
	var ts []string
	o := &b.Opts
	if b.Python() {
		ts = append(ts, r.t("tag.python"))
	}
	switch {
	case o.Exercise:
		ts = append(ts, r.t("tag.exercise"))
	case o.Mode == lesson.NoBuild:
		ts = append(ts, r.t("tag.nobuild"))
	case o.Mode == lesson.NoRun || !b.Runs():
		ts = append(ts, r.t("tag.norun"))
	}
	if o.Cell {
		ts = append(ts, r.t("tag.cell"))
	}
	if len(o.Args) > 0 {
		ts = append(ts, r.t("tag.args", strings.Join(o.Args, " ")))
	}
	ts = append(ts, o.Env...)
	if o.Runs > 1 {
		ts = append(ts, r.t("tag.runs", o.Runs))
	}
	if o.Race {
		ts = append(ts, "-race")
	}
	if o.Serial {
		ts = append(ts, r.t("tag.serial"))
	}
	if o.Trace {
		ts = append(ts, r.t("tag.trace"))
	}
	return strings.Join(ts, r.t("cell.depends.sep"))
}

// expected prints a program's expected output.
func (r *Reader) expected(b *lesson.Block) {
	label := r.t("term.expected")
	if b.Opts.Exercise {
		label = r.t("term.goal")
	}
	r.printf("%s\n", r.paint(dim, label+r.t("term.colon")))
	r.printf("%s", r.paint(dim, safe(b.Output.Text)))
	r.ensureNewline(b.Output.Text)
}
