package lesson

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Course is what a course directory says of itself: the front matter
// of its README.md, which is not a lesson. Every field is optional; a
// directory without README.md, or a README.md without front matter, says
// nothing.
//
//	---
//	title: 我的并发课
//	blurb: 一句话介绍这门课，显示在目录页的标题下面。
//	lang: zh-CN
//	---
//
// title is the course title (pages, the index page, notebooks); blurb
// the sentence under it on the index page; lang the language of the
// course as a BCP 47 tag (the pages' lang attribute, and the language of
// the words bingfa adds to notebooks). Other keys are ignored.
type Course struct {
	Title string `yaml:"title"`
	Blurb string `yaml:"blurb"`
	Lang  string `yaml:"lang"`
}

// ReadCourse reads the course metadata of directory dir of fsys.
func ReadCourse(fsys fs.FS, dir string) (Course, error) {
	name := path.Join(dir, "README.md")
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return Course{}, nil
	}
	if err != nil {
		return Course{}, err
	}
	return parseCourse(name, src)
}

func parseCourse(name string, src []byte) (Course, error) {
	front, _, err := splitFrontMatter(bytes.TrimPrefix(src, bom))
	if err != nil {
		return Course{}, fmt.Errorf("%s:1: %v", name, err)
	}
	var c Course
	if err := yaml.Unmarshal(front, &c); err != nil {
		return Course{}, fmt.Errorf("%s:1: bad front matter: %v", name, err)
	}
	c.Title, c.Blurb, c.Lang = strings.TrimSpace(c.Title), strings.TrimSpace(c.Blurb), strings.TrimSpace(c.Lang)
	return c, nil
}

// CourseRoot returns the root of the course that holds the lesson
// directory dir: the nearest directory at or above it that holds go.mod
// or .git, or dir itself when there is none.
func CourseRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; d = filepath.Dir(d) {
		for _, mark := range []string{"go.mod", ".git"} {
			if _, err := os.Stat(filepath.Join(d, mark)); err == nil {
				return d
			}
		}
		if filepath.Dir(d) == d {
			return abs
		}
	}
}
