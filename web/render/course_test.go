package render

import (
	"bytes"
	"strings"
	"testing"

	"bingfa/runner/lesson"
)

// TestCourse: the index page and the lesson pages carry the course's
// title, blurb and language; bingfa's own blurb only when the course
// gives neither a title nor a blurb.
func TestCourse(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		cfg  Config
		want []string
		not  []string
	}{
		{"default", Config{}, []string{`<html lang="zh-CN">`, "<title>" + DefaultTitle + "</title>", DefaultBlurb}, nil},
		{"course", Config{Title: "My course", Blurb: "One sentence.", Lang: "en"},
			[]string{`<html lang="en">`, "<title>My course</title>", `<p class="lede">One sentence.</p>`}, []string{DefaultBlurb}},
		{"title only", Config{Title: "我的课"}, []string{"<title>我的课</title>"}, []string{DefaultBlurb, `class="lede"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := New(c.cfg)
			if err != nil {
				t.Fatal(err)
			}
			var ix, page bytes.Buffer
			if err := r.WriteIndex(&ix, r.Index(ls, nil)); err != nil {
				t.Fatal(err)
			}
			p, err := r.Page(ls, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.WritePage(&page, p); err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(ix.String(), w) {
					t.Errorf("index page has no %s", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(ix.String(), w) {
					t.Errorf("index page has %s", w)
				}
			}
			lang := `<html lang="` + r.Config().Lang + `">`
			if !strings.Contains(page.String(), lang) || !strings.Contains(page.String(), r.Config().Title+"</title>") {
				t.Errorf("lesson page without %s or the course title %s", lang, r.Config().Title)
			}
		})
	}
}
