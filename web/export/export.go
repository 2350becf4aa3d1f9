// Package export writes a course as a static website: an index page (目录),
// a page per lesson and an assets directory, which work from file:// and
// offline (every link is relative and nothing is loaded from elsewhere).
//
// A site is written from lessons and, optionally, the results of checking
// them: each block then shows the output of that run, marked passed or
// failed, with a replay control and a timeline. Without results the pages
// show the expected outputs.
//
// The layout of a site:
//
//	index.html            the index page
//	NAME.html             one page per lesson (NAME is the lesson's file name without .md)
//	assets/style.css      package assets
//	assets/bingfa.js
//	assets/code.css       the code highlighting stylesheet, written once
//	assets/search-index.js the search index, assigning window.BINGFA_SEARCH
package export

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"bingfa/runner/lesson"
	"bingfa/web/render"

	"golang.org/x/sync/errgroup"
)

// A Site is what Write wrote: the file names, relative to the site's
// directory, in the order written.
type Site struct {
	Files []string
}

// Render returns the files of the site of lessons ls with results res (nil
// when nothing was run), by their paths relative to the site's root,
// without writing anything. Pages are rendered with a Renderer made from
// cfg; cfg.Mode is forced to render.Static.
func Render(ls []*lesson.Lesson, res render.Results, cfg render.Config) (map[string][]byte, error) {
	cfg.Mode = render.Static
	r, err := render.New(cfg)
	if err != nil {
		return nil, err
	}
	cfg = r.Config()
	pages, html, err := renderPages(r, ls, res)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for i, p := range pages {
		files[p.URL] = html[i]
	}
	var b bytes.Buffer
	if err := r.WriteIndex(&b, r.Index(ls, res)); err != nil {
		return nil, err
	}
	files[cfg.Index] = b.Bytes()
	assets, err := r.AssetFiles(render.NewSearchIndex(pages))
	if err != nil {
		return nil, err
	}
	for name, data := range assets {
		files[cfg.Assets+name] = data
	}
	return files, nil
}

// Write writes the site of lessons ls with results res into dir, creating
// it if needed, with pages rendered from cfg (a course's title, blurb and
// language), as Render does. Files already in dir that the site does not
// have are left alone.
func Write(dir string, ls []*lesson.Lesson, res render.Results, cfg render.Config) (*Site, error) {
	files, err := Render(ls, res, cfg)
	if err != nil {
		return nil, err
	}
	site := &Site{}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return nil, err
		}
		site.Files = append(site.Files, name)
	}
	return site, nil
}

// renderPages renders the page of every lesson, in parallel (the
// renderer is safe for concurrent use), at most one per CPU at a time.
func renderPages(r *render.Renderer, ls []*lesson.Lesson, res render.Results) ([]*render.Page, [][]byte, error) {
	pages := make([]*render.Page, len(ls))
	html := make([][]byte, len(ls))
	errs := make([]error, len(ls))
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i := range ls {
		g.Go(func() error {
			pages[i], html[i], errs[i] = renderPage(r, ls, i, res)
			return nil // every page's error is reported, not only the first
		})
	}
	_ = g.Wait()
	return pages, html, errors.Join(errs...)
}

func renderPage(r *render.Renderer, ls []*lesson.Lesson, i int, res render.Results) (*render.Page, []byte, error) {
	p, err := r.Page(ls, i, res)
	if err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	if err := r.WritePage(&b, p); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", ls[i].Path, err)
	}
	return p, b.Bytes(), nil
}
