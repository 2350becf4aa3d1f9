package render

import (
	"bytes"
	"html/template"
	"strings"

	"bingfa/runner/check"
	"bingfa/runner/lesson"

	"github.com/yuin/goldmark/ast"
)

// Page returns the view of lesson i of the course ls, with the check
// results res (nil when nothing was run). The page's Body is rendered
// HTML; the caller may still change the view before WritePage.
func (r *Renderer) Page(ls []*lesson.Lesson, i int, res Results) (*Page, error) {
	l := ls[i]
	d := r.newPageDoc(ls, l)
	p := &Page{
		Mode:   r.cfg.Mode,
		Course: r.cfg.Title,
		Lang:   r.pageLang(l),
		Lesson: l,
		Title:  l.Title,
		Number: i + 1,
		URL:    r.cfg.LessonURL(l),
		Index:  r.cfg.Index,
		Assets: r.cfg.Assets,
	}
	p.HasTitle = startsWithTitle(l.Doc)
	p.TOC = toc(l)
	p.Sections = sections(l)
	p.Blocks = d.cellViews(func(b *lesson.Block) *Block {
		return r.Block(l, b, res.of(b), d.ids.Make(b.Name, "block"))
	})
	d.hints(r.Lang(l))
	ids := map[*lesson.Block]string{}
	for _, b := range p.Blocks {
		p.Counts.add(b)
		ids[b.Block] = b.ID
	}
	deps := check.DependsOn(l)
	for _, b := range p.Blocks {
		for _, d := range deps[b.Block] {
			b.Depends = append(b.Depends, CellRef{Name: d.Name, ID: ids[d]})
		}
	}
	var body bytes.Buffer
	if err := d.render(&body); err != nil {
		return nil, errorf(l, "rendering: %v", err)
	}
	p.Body = template.HTML(body.String())
	p.Nav = r.nav(ls, i, p.TOC)
	if i > 0 {
		p.Prev = &p.Nav[i-1]
	}
	if i+1 < len(ls) {
		p.Next = &p.Nav[i+1]
	}
	return p, nil
}

// of returns the result of b, or nil.
func (res Results) of(b *lesson.Block) *check.Result {
	if res == nil {
		return nil
	}
	return res[b]
}

// add counts the block b.
func (c *Counts) add(b *Block) {
	if !b.Block.Builds() {
		return
	}
	c.Programs++
	switch b.Status {
	case Passed, Built:
		c.Passed++
	case Failed:
		c.Failed++
	default:
		c.NotRun++
	}
}

// nav returns the links to every lesson, with the current one marked and
// holding its table of contents.
func (r *Renderer) nav(ls []*lesson.Lesson, cur int, toc []Heading) []Link {
	links := make([]Link, len(ls))
	for i, l := range ls {
		links[i] = Link{URL: r.cfg.LessonURL(l), Number: i + 1, Title: l.Title, Summary: l.Summary}
		if i == cur {
			links[i].Current, links[i].TOC = true, toc
		}
	}
	return links
}

// startsWithTitle reports whether the first block of doc is a level-1
// heading.
func startsWithTitle(doc ast.Node) bool {
	h, ok := doc.FirstChild().(*ast.Heading)
	return ok && h.Level == 1
}

// toc returns the level-2 and level-3 headings of l.
func toc(l *lesson.Lesson) []Heading {
	var hs []Heading
	for n := l.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 3 {
			continue
		}
		hs = append(hs, Heading{ID: headingID(h), Text: lesson.PlainText(h, l.Source), Level: h.Level})
	}
	return hs
}

func headingID(h *ast.Heading) string {
	if id, ok := h.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// sections returns the prose of l by section, for the search index.
func sections(l *lesson.Lesson) []Section {
	cur := Section{Title: l.Title}
	var out []Section
	for n := l.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level >= 2 {
			out = append(out, cur)
			cur = Section{ID: headingID(h), Title: lesson.PlainText(h, l.Source)}
			continue
		}
		if n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock {
			cur.Code += lesson.BlockText(n, l.Source)
			continue
		}
		if t := strings.TrimSpace(lesson.PlainText(n, l.Source)); t != "" {
			cur.Text += t + "\n"
		}
	}
	return append(out, cur)
}

// IsExternal reports whether url leaves the site: it has a scheme other
// than "#" fragments and relative paths (http:, https:, mailto:, data:
// ...), or starts with "//".
func IsExternal(url string) bool {
	if strings.HasPrefix(url, "//") {
		return true
	}
	i := strings.IndexAny(url, ":/?#")
	return i > 0 && url[i] == ':'
}
