package render

import (
	"io"

	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// Index returns the view of the index page (目录) of the course ls: each
// lesson with its summary and, when res is not nil, how its blocks fared.
func (r *Renderer) Index(ls []*lesson.Lesson, res Results) *Index {
	ix := &Index{Mode: r.cfg.Mode, Course: r.cfg.Title, Blurb: r.cfg.Blurb, Lang: r.cfg.Lang, Index: r.cfg.Index, Assets: r.cfg.Assets}
	ix.Lessons = r.nav(ls, -1, nil)
	for i, l := range ls {
		c := &ix.Lessons[i].Counts
		for _, b := range l.Blocks {
			c.add(&Block{Block: b, Status: status(b, res.of(b))})
		}
		ix.Counts.Passed += c.Passed
		ix.Counts.Failed += c.Failed
		ix.Counts.NotRun += c.NotRun
		ix.Counts.Programs += c.Programs
	}
	return ix
}

// WriteIndex writes the index page ix as a complete HTML document.
func (r *Renderer) WriteIndex(w io.Writer, ix *Index) error {
	return r.pages[msg.Parse(ix.Lang)].ExecuteTemplate(w, "index.html", ix)
}
