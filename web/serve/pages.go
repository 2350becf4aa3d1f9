package serve

import (
	"bytes"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"sync"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/web/render"
)

// pages renders the library's lessons with package render, in its live
// mode, and adds the live reader's script and stylesheet.
type pages struct {
	lib *Library
	r   *render.Renderer

	mu     sync.Mutex
	stamp  string            // the library stamp the assets were made for
	assets map[string][]byte // render's assets, the search index and ours
}

func newPages(lib *Library, course lesson.Course) (*pages, error) {
	r, err := render.New(render.Config{
		Mode:      render.Live,
		Title:     course.Title,
		Blurb:     course.Blurb,
		Lang:      course.Lang,
		Assets:    "/assets/",
		Index:     "/",
		LessonURL: func(l *lesson.Lesson) string { return lessonURL(l.Name) },
	})
	if err != nil {
		return nil, err
	}
	return &pages{lib: lib, r: r}, nil
}

// lessonURL returns the URL of a lesson's page. Relative links in a lesson
// (images next to it) resolve under the same directory.
func lessonURL(name string) string { return "/lessons/" + name }

// index handles GET /: the table of contents.
func (pg *pages) index(w http.ResponseWriter, req *http.Request) {
	ls, err := pg.lib.Lessons()
	if err != nil {
		pg.problem(w, err)
		return
	}
	var buf bytes.Buffer
	if err := pg.r.WriteIndex(&buf, pg.r.Index(ls, nil)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	pg.write(w, buf.Bytes())
}

// lessonOrFile handles GET /lessons/{name}: a lesson's page, or a file
// next to the lessons.
func (pg *pages) lessonOrFile(w http.ResponseWriter, req *http.Request) {
	name := req.PathValue("name")
	l, ls, err := pg.lib.Lesson(name)
	switch {
	case err == errNotFound:
		pg.file(w, req, name)
		return
	case err != nil:
		pg.problem(w, err)
		return
	}
	p, err := pg.r.Page(ls, slices.Index(ls, l), nil)
	var buf bytes.Buffer
	if err == nil {
		err = pg.r.WritePage(&buf, p)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	pg.write(w, insertBefore(buf.Bytes(), "</head>", blockData(p)))
}

// A blockInfo tells the live script what a cell's block is.
type blockInfo struct {
	Builds   bool `json:"builds"`   // false: a fragment, never compiled
	Runs     bool `json:"runs"`     // false: built, not run
	Cell     bool `json:"cell"`     // a notebook cell: earlier cells' edits count
	Exercise bool `json:"exercise"` // its expected output is the goal
	Serial   bool `json:"serial"`   // runs alone
	// Depends lists the earlier notebook cells whose declarations a cell
	// uses (see check.DependsOn), for the page to show (as render finds
	// them).
	Depends []render.CellRef `json:"depends,omitempty"`
	// Answer is an exercise's reference answer (its file=), for the
	// page's "show the reference answer" control (see answerOf).
	Answer string `json:"answer,omitempty"`
}

// blockData returns the page's blocks as a JSON data block (not a script:
// it is never executed) for the live script, by their cells' data-block.
func blockData(p *render.Page) string {
	info := map[string]blockInfo{}
	for _, v := range p.Blocks {
		o := v.Block.Opts
		info[v.Key] = blockInfo{Builds: v.Block.Builds(), Runs: v.Block.Runs(), Cell: o.Cell, Exercise: o.Exercise, Serial: o.Serial,
			Depends: v.Depends, Answer: answerOf(p.Lesson, v.Block)}
	}
	b, _ := json.Marshal(info) // escapes <, > and &: safe inside a script element
	return `<script type="application/json" id="bingfa-blocks">` + string(b) + "</script>\n"
}

// write sends a page with the live reader's additions.
func (pg *pages) write(w http.ResponseWriter, page []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'")
	w.Write(pg.live(page))
}

// live adds the live stylesheet and the live script to a rendered page, at
// the end of its head and body.
func (pg *pages) live(page []byte) []byte {
	page = insertBefore(page, "</head>", `<link rel="stylesheet" href="/assets/live.css">`+"\n")
	return insertBefore(page, "</body>", `<script src="/assets/live.js"></script>`+"\n")
}

// insertBefore inserts s before the last occurrence of tag in page.
func insertBefore(page []byte, tag, s string) []byte {
	i := bytes.LastIndex(page, []byte(tag))
	if i < 0 {
		return append(page, s...)
	}
	return slices.Concat(page[:i], []byte(s), page[i:])
}

// problem shows why the lessons cannot be read (a lesson with an error,
// being edited): the page reloads itself when the file changes.
func (pg *pages) problem(w http.ResponseWriter, err error) {
	var buf bytes.Buffer
	buf.WriteString("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>bingfa: 课文有错误</title>" +
		"<link rel=\"stylesheet\" href=\"/assets/style.css\"></head>\n<body class=\"page-problem\"><main class=\"lesson\"><h1>课文有错误</h1>\n<pre class=\"problems\">")
	template.HTMLEscape(&buf, []byte(err.Error()))
	buf.WriteString("</pre><p>改正后本页会自动刷新。</p></main></body></html>\n")
	w.WriteHeader(http.StatusInternalServerError)
	pg.write(w, buf.Bytes())
}

// file serves a file from the lesson directory; nothing outside it, and
// no dotfile (see Library.Servable).
func (pg *pages) file(w http.ResponseWriter, req *http.Request, name string) {
	files := pg.lib.Files()
	if !pg.lib.Servable(name) {
		http.NotFound(w, req)
		return
	}
	info, err := fs.Stat(files, name)
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, req)
		return
	}
	// A file is data, never a page of this origin: an SVG or HTML file
	// next to the lessons must not run scripts that could read the token.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
	http.ServeFileFS(w, req, files, name)
}

// asset handles GET /assets/{file}.
func (pg *pages) asset(w http.ResponseWriter, req *http.Request) {
	files, err := pg.assetFiles()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	render.AssetHandler(files).ServeHTTP(w, req)
}

// assetFiles returns render's assets with the search index of the
// current lessons, and the live reader's own files.
func (pg *pages) assetFiles() (map[string][]byte, error) {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	stamp := pg.lib.Stamp()
	if pg.assets != nil && stamp == pg.stamp {
		return pg.assets, nil
	}
	ls, _ := pg.lib.Lessons()
	var ps []*render.Page
	for i := range ls {
		if p, err := pg.r.Page(ls, i, nil); err == nil {
			ps = append(ps, p)
		}
	}
	files, err := pg.r.AssetFiles(render.NewSearchIndex(ps))
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"live.js", "live.css"} {
		b, err := fs.ReadFile(static, path.Join("static", name))
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	pg.assets, pg.stamp = files, stamp
	return files, nil
}

// highlightRequest asks for code highlighted as a block's cell shows it.
type highlightRequest struct {
	Lesson string `json:"lesson"`
	Block  string `json:"block"`
	Code   string `json:"code"`
}

// highlight handles POST /api/highlight: the page shows edited code
// highlighted when the editor is closed.
func (pg *pages) highlight(w http.ResponseWriter, req *http.Request) {
	var hr highlightRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, req.Body, maxCode)).Decode(&hr); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	l, _, err := pg.lib.Lesson(hr.Lesson)
	var b *lesson.Block
	if err == nil {
		b = l.Block(hr.Block)
	}
	if b == nil {
		http.NotFound(w, req)
		return
	}
	_, eb, _ := check.Edit(l, b, hr.Code, nil)
	v := pg.r.Block(l, eb, nil, "edited")
	writeJSON(w, map[string]string{"html": string(v.Code)})
}

// resultHTML renders the result pane of a run, as a page shows a checked
// block's result, for the page to put in place of the streamed output.
func (pg *pages) resultHTML(l *lesson.Lesson, b *lesson.Block, res *check.Result) string {
	h, err := pg.r.CellHTML(pg.r.Block(l, b, res, "run"), render.Live)
	if err != nil {
		return ""
	}
	return string(h)
}
