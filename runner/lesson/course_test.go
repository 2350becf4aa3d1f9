package lesson

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadCourse: the course metadata from the front matter of the
// directory's README.md; nothing without one; an error at README.md:1
// for front matter that does not parse, is not closed or is TOML.
func TestReadCourse(t *testing.T) {
	for _, c := range []struct {
		name, readme string
		want         Course
		err          string
	}{
		{"none", "", Course{}, ""},
		{"no front matter", "# 课程\n\n正文。\n", Course{}, ""},
		{"all", "---\ntitle: 我的课\nblurb: ' 一句话。 '\nlang: zh-CN\nauthor: 某人\n---\n\n# 我的课\n", Course{Title: "我的课", Blurb: "一句话。", Lang: "zh-CN"}, ""},
		{"toml", "+++\ntitle = \"A course\"\nlang = \"en\"\n+++\n", Course{}, "course/README.md:1: front matter opened with +++ is TOML"},
		{"unclosed", "---\ntitle: T\n\n# T\n", Course{}, "course/README.md:1: front matter opened with --- is never closed"},
		{"longer delimiter", "-----\ntitle: T\n-----\n\n---\n", Course{Title: "T"}, ""},
		{"bom", "\xef\xbb\xbf---\ntitle: T\n---\n", Course{Title: "T"}, ""},
		{"bad", "---\ntitle: [1, 2\n---\n", Course{}, "course/README.md:1: bad front matter"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{"course/01.md": {Data: []byte("# 一\n")}}
			if c.readme != "" {
				fsys["course/README.md"] = &fstest.MapFile{Data: []byte(c.readme)}
			}
			got, err := ReadCourse(fsys, "course")
			if c.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), c.err) {
					t.Fatalf("err = %v, want %s...", err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Errorf("ReadCourse = %+v, %v; want %+v", got, err, c.want)
			}
		})
	}
}
