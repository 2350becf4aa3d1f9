package export

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"bingfa/lessons"
	"bingfa/runner/lesson"
	"bingfa/web/render"
)

func course(t testing.TB) []*lesson.Lesson {
	ls, err := lesson.LoadFS(lessons.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// A writtenCourse is the course as Write writes it without runs, once for
// TestWrite (the site's layout) and TestNoExternalURLs (what its files
// load): each rendered the whole course itself, about 0.4 s of CPU.
type writtenCourse struct {
	ls   []*lesson.Lesson
	dir  string
	site *Site
	err  error
}

var written = sync.OnceValue(func() *writtenCourse {
	w := &writtenCourse{}
	if w.ls, w.err = lesson.LoadFS(lessons.FS, "."); w.err != nil {
		return w
	}
	if w.dir, w.err = os.MkdirTemp("", "bingfa-export-test-"); w.err != nil {
		return w
	}
	writtenDir = w.dir
	w.site, w.err = Write(w.dir, w.ls, nil, render.Config{})
	return w
})

// writtenDir is the written course's directory, once written: TestMain
// removes it.
var writtenDir string

// writtenSite returns the course written by Write, failing the test if
// it could not be.
func writtenSite(t *testing.T) *writtenCourse {
	t.Helper()
	w := written()
	if w.err != nil {
		t.Fatal(w.err)
	}
	return w
}

func TestMain(m *testing.M) {
	code := m.Run()
	if writtenDir != "" {
		os.RemoveAll(writtenDir)
	}
	os.Exit(code)
}

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z]+)\b([^>]*)>`)
	attrRE = regexp.MustCompile(`\b(src|href|action|poster|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	cssRE  = regexp.MustCompile(`url\(|@import`)
	jsRE   = regexp.MustCompile(`\bfetch\(|XMLHttpRequest|https?://|import\(|\bimport\s`)
)

// TestNoExternalURLs checks that no page of the exported course loads
// anything from elsewhere: every src and href is relative, except the
// href of a prose link marked rel="external" (a link the reader may
// follow, not a resource), and the assets fetch nothing.
func TestNoExternalURLs(t *testing.T) {
	t.Parallel() // independent: it only reads the written course
	w := writtenSite(t)
	for _, name := range w.site.Files {
		data, err := os.ReadFile(filepath.Join(w.dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(name) {
		case ".html":
			checkPage(t, name, string(data))
		case ".css":
			if m := cssRE.FindString(string(data)); m != "" {
				t.Errorf("%s: %q: a stylesheet must not load anything", name, m)
			}
		case ".js":
			if name == "assets/"+render.SearchName {
				continue // data: lesson text, which may quote URLs
			}
			if m := jsRE.FindString(string(data)); m != "" {
				t.Errorf("%s: %q: the script must not load anything", name, m)
			}
		}
	}
}

func checkPage(t *testing.T, name, page string) {
	for _, tag := range tagRE.FindAllStringSubmatch(page, -1) {
		for _, a := range attrRE.FindAllStringSubmatch(tag[2], -1) {
			url := strings.Trim(a[2], `"'`)
			if !render.IsExternal(url) {
				continue
			}
			if strings.EqualFold(tag[1], "a") && a[1] == "href" && strings.Contains(tag[2], `rel="external`) {
				continue
			}
			t.Errorf("%s: <%s %s=%q>: external URL", name, tag[1], a[1], url)
		}
	}
}

// TestCheckPage makes sure that checkPage finds what it must.
func TestCheckPage(t *testing.T) {
	for _, page := range []string{
		`<script src="https://cdn.example/x.js"></script>`,
		`<link rel="stylesheet" href="//fonts.example/css">`,
		`<img src='http://x/y.png'>`,
		`<a href="https://go.dev/">go</a>`,
	} {
		ft := &testing.T{}
		checkPage(ft, "x.html", page)
		if !ft.Failed() {
			t.Errorf("checkPage accepted %s", page)
		}
	}
	ok := &testing.T{}
	checkPage(ok, "x.html", `<a href="https://go.dev/" rel="external noopener">go</a><a href="#线程"><script src="assets/bingfa.js">`)
	if ok.Failed() {
		t.Errorf("checkPage refused a page without external resources")
	}
}

// TestWrite writes the course without running it and checks the site's
// layout.
func TestWrite(t *testing.T) {
	t.Parallel() // independent: it only reads the written course
	w := writtenSite(t)
	ls, dir, site := w.ls, w.dir, w.site
	want := []string{"index.html", "assets/style.css", "assets/bingfa.js", "assets/code.css", "assets/search-index.js"}
	for _, l := range ls {
		want = append(want, l.Name+".html")
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if len(site.Files) != len(want) {
		t.Errorf("wrote %d files %q, want %d", len(site.Files), site.Files, len(want))
	}
}

// BenchmarkRenderCourse renders the whole course as export --no-run does
// (without writing files).
func BenchmarkRenderCourse(b *testing.B) {
	ls := course(b)
	for b.Loop() {
		if _, err := Render(ls, nil, render.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
