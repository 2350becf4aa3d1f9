package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// Mode says what kind of site pages are rendered for.
type Mode int

const (
	// Static pages belong to an exported site: outputs are those recorded
	// when the site was exported, and nothing can be run.
	Static Mode = iota
	// Live pages are served by the live reader: code cells are editable
	// and have run, stop and reset buttons; the output pane is filled by
	// the reader's script as the program runs.
	Live
)

func (m Mode) String() string { return [...]string{"static", "live"}[m] }

// Config configures a Renderer. The zero value renders a static site whose
// pages sit side by side with an "assets" directory.
type Config struct {
	Mode  Mode
	Title string // the course title; "bingfa（并发）" when empty
	// Blurb is the sentence under the title on the index page: bingfa's
	// own when both Title and Blurb are empty, else none when empty.
	Blurb string
	Lang  string // the pages' language, a BCP 47 tag; "zh-CN" when empty
	// Assets is the URL of the directory holding the assets, ending in
	// "/"; "assets/" when empty.
	Assets string
	// Index is the URL of the index page; "index.html" when empty.
	Index string
	// LessonURL returns the URL of a lesson's page; when nil, the lesson's
	// name followed by ".html".
	LessonURL func(l *lesson.Lesson) string
}

// DefaultTitle is the course title when Config.Title is empty.
const DefaultTitle = "bingfa（并发）"

// DefaultBlurb is bingfa's own blurb, shown when Config gives neither a
// title nor a blurb.
const DefaultBlurb = "一套可以运行的 Go 并发教程：每一段程序都真正编译、运行，下面的每一课都带着它的真实输出。"

// A Renderer renders lessons as HTML pages. It is safe for concurrent use.
type Renderer struct {
	cfg   Config
	hl    *highlighter
	pages map[msg.Lang]*template.Template
}

// New returns a Renderer.
func New(cfg Config) (*Renderer, error) {
	if cfg.Title == "" && cfg.Blurb == "" {
		cfg.Blurb = DefaultBlurb
	}
	cfg.Title, cfg.Lang = cmp.Or(cfg.Title, DefaultTitle), cmp.Or(cfg.Lang, "zh-CN")
	cfg.Assets, cfg.Index = cmp.Or(cfg.Assets, "assets/"), cmp.Or(cfg.Index, "index.html")
	if cfg.LessonURL == nil {
		cfg.LessonURL = func(l *lesson.Lesson) string { return l.Name + ".html" }
	}
	hl, err := newHighlighter()
	if err != nil {
		return nil, err
	}
	r := &Renderer{cfg: cfg, hl: hl}
	r.pages = map[msg.Lang]*template.Template{}
	for _, lang := range []msg.Lang{msg.Zh, msg.En} {
		if r.pages[lang], err = parseTemplates(lang); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Config returns the renderer's configuration, with defaults filled in.
func (r *Renderer) Config() Config { return r.cfg }

// Lang returns the language of the words around lesson l (nil for the
// index): its own front matter lang, else the course's.
func (r *Renderer) Lang(l *lesson.Lesson) msg.Lang {
	if l != nil && l.Lang != "" {
		return msg.Parse(l.Lang)
	}
	return msg.Parse(r.cfg.Lang)
}

// pageLang returns the lang attribute of lesson l's page.
func (r *Renderer) pageLang(l *lesson.Lesson) string {
	if l.Lang != "" {
		return r.Lang(l).Tag()
	}
	return r.cfg.Lang
}

// Results are the check results of blocks, by block. A nil Results means
// that nothing was run: pages show the expected outputs.
type Results map[*lesson.Block]*check.Result

// ResultsOf returns the results of a check report by block.
func ResultsOf(rep *check.Report) Results {
	res := Results{}
	for _, r := range rep.Results {
		res[r.Block] = r
	}
	return res
}

// WritePage writes the page p as a complete HTML document.
func (r *Renderer) WritePage(w io.Writer, p *Page) error {
	return r.pages[msg.Parse(p.Lang)].ExecuteTemplate(w, "lesson.html", p)
}

// WriteCSS writes the stylesheet of highlighted code, which pages load as
// code.css from the assets directory, next to the files of package assets.
func (r *Renderer) WriteCSS(w io.Writer) error { return r.hl.writeCSS(w) }

// CSSName is the name of the stylesheet WriteCSS writes, in the assets
// directory.
const CSSName = "code.css"

// CellHTML renders one block's code cell and result as they appear in a
// page, for a live reader that replaces one cell without reloading the
// page.
func (r *Renderer) CellHTML(b *Block, mode Mode) (template.HTML, error) {
	var buf bytes.Buffer
	v := cellView{Block: b, Mode: mode, Assets: r.cfg.Assets}
	if err := r.pages[b.Lang].ExecuteTemplate(&buf, "cell", v); err != nil {
		return "", err
	}
	if err := r.pages[b.Lang].ExecuteTemplate(&buf, "result", v); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// cellView is what the cell and result templates see.
type cellView struct {
	*Block
	Mode   Mode
	Assets string
}

func (r *Renderer) cellView(b *Block) cellView {
	return cellView{Block: b, Mode: r.cfg.Mode, Assets: r.cfg.Assets}
}

func (v cellView) Live() bool { return v.Mode == Live }

// Empty reports whether the result has nothing to show: a fragment, or a
// block built and not run, without a check.
func (v cellView) Empty() bool {
	return v.Status == Shown && len(v.Output) == 0 && len(v.Problems) == 0 && len(v.Warnings) == 0
}

// TimelineOpen reports whether the timeline is shown unfolded: when the
// output took long enough for its rhythm to matter.
func (v cellView) TimelineOpen() bool {
	return v.Replay != nil && v.Replay.Elapsed >= 50
}

// errorf returns an error about lesson l.
func errorf(l *lesson.Lesson, format string, args ...any) error {
	return fmt.Errorf("%s: %s", l.Path, fmt.Sprintf(format, args...))
}
