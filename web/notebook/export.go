package notebook

import (
	"fmt"
	"strings"

	"bingfa/runner/cell"
	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"

	"github.com/yuin/goldmark/ast"
)

// Results are the check results of blocks, by block; nil when nothing
// was run.
type Results = map[*lesson.Block]*check.Result

// Kernelspec is that of GoNB, the Go kernel for Jupyter.
var kernelspec = map[string]any{"display_name": "Go (gonb)", "language": "go", "name": "gonb"}

var languageInfo = map[string]any{"name": "go", "file_extension": ".go", "mimetype": "text/x-go"}

// FromLesson returns the notebook of lesson l, with the outputs of the
// runs in res and the text a reader sees in language lang ("" for the
// course's language, Chinese).
func FromLesson(l *lesson.Lesson, res Results, lang string) *Notebook {
	w := &writer{l: l, res: res, lang: baseLang(lang), msg: messages(baseLang(lang))}
	w.lesson()
	meta := map[string]any{"kernelspec": kernelspec, "language_info": languageInfo, "title": l.Title,
		"bingfa": map[string]any{"lesson": l.Path}}
	return &Notebook{Cells: w.cells, Metadata: meta, NBFormat: 4, NBFormatMinor: 5}
}

// baseLang returns the language of a tag such as zh-CN: zh.
func baseLang(tag string) string {
	l, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return l
}

// A writer turns a lesson into cells, in the order of its source.
type writer struct {
	l     *lesson.Lesson
	res   Results
	lang  string // zh, en
	msg   map[string]string
	cells []*Cell
	count int  // execution counts given so far
	inRun bool // the last code cell was a notebook cell (option cell)
}

func (w *writer) lesson() {
	src := w.l.Source
	pos := w.l.Body
	if !hasHeading(w.l) {
		w.markdown("# " + w.l.Title + "\n")
	}
	for _, b := range w.l.Blocks {
		if b.Code.Nested || b.Code.Start < pos {
			continue // inside a list or a quote: it stays in the prose
		}
		w.markdown(string(src[pos:b.Code.Start]))
		pos = b.Code.End
		w.block(b)
		if b.Output != nil && !b.Output.Nested && b.Output.Start >= pos {
			w.markdown(string(src[pos:b.Output.Start]))
			pos = b.Output.End
			w.expected(b)
		}
	}
	w.markdown(string(src[pos:]))
}

// markdown adds a Markdown cell of prose, unless it is blank.
func (w *writer) markdown(text string) {
	text = strings.Trim(text, "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	w.add(&Cell{Type: "markdown", Source: Text(text)})
}

func (w *writer) add(c *Cell) {
	c.ID = fmt.Sprintf("cell-%d", len(w.cells)+1)
	w.cells = append(w.cells, c)
}

// block adds the cell of one go block: a code cell with the outputs of
// its run, or, for a block shown only (nobuild) or a Python program
// (which a GoNB kernel cannot run), a Markdown cell.
func (w *writer) block(b *lesson.Block) {
	meta := map[string]any{"block": b.Name, "line": b.Code.Line, "info": b.Code.Info}
	r := w.res[b]
	if r != nil {
		meta["verdict"] = r.Status.String()
		if r.Engine != "" {
			meta["engine"] = r.Engine
		}
	}
	if !b.Builds() || b.Python() {
		note := w.msg["skip"]
		if b.Python() { // a GoNB kernel runs Go only
			note = w.msg["python"]
		}
		w.inRun = false
		w.add(&Cell{Type: "markdown", Metadata: map[string]any{"bingfa": meta},
			Source: Text(fenced(b.Code.Info, b.Code.Text) + "\n" + note)})
		return
	}
	c := &Cell{Type: "code", Metadata: map[string]any{"bingfa": meta}, Source: Text(w.gonb(b))}
	if r != nil && b.Runs() && !b.Opts.Exercise && len(r.Runs) > 0 {
		w.count++
		n := w.count
		c.ExecutionCount = &n
		c.Outputs = outputs(r.Runs[0], w.msg, w.lang)
		if o := r.Runs[0]; o.Err == nil {
			meta["exit"] = o.Exit
		}
	}
	w.add(c)
}

// gonb returns the code of a block as a GoNB cell. A notebook cell
// (option cell) keeps the declarations of the cells before it, as GoNB
// keeps them, and its statements follow a %% line, which GoNB wraps in
// func main; the first of a run of cells starts with %reset. A complete
// program starts with %reset, so that it sees nothing of the cells
// before it, and loses its package clause, which GoNB writes itself.
func (w *writer) gonb(b *lesson.Block) string {
	code := strings.TrimLeft(dropPackageClause(b.Code.Text), "\n")
	if b.Opts.Cell {
		code = gonbCell(b.Code.Text)
	}
	if !b.Opts.Cell || !w.inRun {
		code = "%reset\n" + code
	}
	w.inRun = b.Opts.Cell
	return strings.TrimRight(code, "\n")
}

// gonbCell returns the code of a notebook cell with a %% line before its
// statements. When they all follow its declarations, the code is kept as
// written, the %% line inserted; otherwise the declarations come first.
func gonbCell(code string) string {
	decls, stmts := cell.Parts(code)
	if stmts == "" {
		return code
	}
	body := strings.TrimRight(code, "\n")
	st := strings.TrimRight(stmts, "\n")
	if i := len(body) - len(st); strings.HasSuffix(body, st) && (i == 0 || body[i-1] == '\n') {
		if _, before := cell.Parts(body[:i]); before == "" {
			return body[:i] + "%%\n" + body[i:]
		}
	}
	if decls == "" {
		return "%%\n" + stmts
	}
	return decls + "\n%%\n" + stmts
}

// outputs returns the outputs of a run: its output as stream outputs,
// stdout and stderr apart when the run kept them apart, in the order
// written; its execution traces, each a picture with its text; then, when
// the program did not run to its end, an error.
func outputs(o *engine.Outcome, msg map[string]string, lang string) []*Output {
	var out []*Output
	for _, e := range o.Events {
		name := "stdout"
		if e.Stream == engine.Stderr {
			name = "stderr"
		}
		if n := len(out); n > 0 && out[n-1].Name == name {
			out[n-1].Text += Text(e.Data)
			continue
		}
		out = append(out, &Output{Type: "stream", Name: name, Text: Text(e.Data)})
	}
	for _, t := range o.Traces {
		var svg strings.Builder
		if t.SVG(&svg, lang) == nil {
			out = append(out, &Output{Type: "display_data", Data: map[string]Text{"image/svg+xml": Text(svg.String()), "text/plain": Text(t.Text(lang))}})
		}
	}
	if o.Err != nil {
		out = append(out, &Output{Type: "error", EName: msg["runFailed"], EValue: o.Err.Error(),
			Traceback: strings.Split(strings.TrimRight(o.Err.Error(), "\n"), "\n")})
	}
	return out
}

// expected adds a Markdown cell with the block's expected output and,
// when it was checked, its verdict with the problems and the diff.
func (w *writer) expected(b *lesson.Block) {
	var s strings.Builder
	title := w.msg["expected"]
	if b.Out.Stream != "" {
		title = fmt.Sprintf(w.msg["expectedOf"], b.Out.Stream)
	}
	fmt.Fprintf(&s, "**%s**\n\n%s", title, fenced("text", b.Output.Text))
	switch r := w.res[b]; {
	case b.Opts.Exercise && b.Opts.File != "":
		fmt.Fprintf(&s, "\n"+w.msg["exercise"]+"\n", b.Opts.File)
	case b.Opts.Exercise:
		s.WriteString("\n" + w.msg["exerciseNoF"] + "\n")
	case !b.Runs():
		s.WriteString("\n" + w.msg["norun"] + "\n")
	case r == nil:
		s.WriteString("\n" + w.msg["notRun"] + "\n")
	}
	if r := w.res[b]; r != nil {
		s.WriteString("\n" + verdictText(r, w.msg))
	}
	w.add(&Cell{Type: "markdown", Metadata: map[string]any{"bingfa": map[string]any{"block": b.Name, "role": "expected"}},
		Source: Text(strings.TrimRight(s.String(), "\n"))})
}

// verdictText says whether the block passed, with the problems (at their
// lesson lines) and the diff when it did not.
func verdictText(r *check.Result, msg map[string]string) string {
	if r.Status != verdict.Fail {
		if r.Status == verdict.Pass && len(r.Runs) > 0 {
			return msg["pass"] + "\n"
		}
		return ""
	}
	var s strings.Builder
	s.WriteString(msg["fail"] + "\n\n")
	var problems strings.Builder
	for _, p := range r.Problems {
		fmt.Fprintf(&problems, "%s:%d: %s\n", r.Lesson.Path, p.Line, p.Msg)
	}
	if r.Diff != "" {
		problems.WriteString(r.Diff)
	}
	s.WriteString(fenced("text", problems.String()))
	return s.String()
}

// fenced returns text in a fenced code block whose fence is longer than
// any run of backticks in it.
func fenced(lang, text string) string {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return fence + lang + "\n" + text + fence + "\n"
}

// hasHeading reports whether the lesson has a level-1 heading of its own.
func hasHeading(l *lesson.Lesson) bool {
	if l.Doc == nil {
		return false
	}
	for n := l.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			return true
		}
	}
	return false
}

// dropPackageClause removes the package clause line of a program.
func dropPackageClause(code string) string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "package ") {
			return strings.Join(append(lines[:i:i], lines[i+1:]...), "\n")
		}
	}
	return code
}
