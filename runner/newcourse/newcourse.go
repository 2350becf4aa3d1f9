// Package newcourse writes a new course: a directory that bingfa check,
// serve and export work on as it is.
//
// A new course holds:
//
//	README.md           the course's front matter (title, blurb, lang) and the commands to use
//	01-goroutines.md    a lesson: a program, its expected output, an exercise
//	answers/sum.go      the exercise's answer, which check runs
//
// The words in them are Chinese, the language of bingfa's course; the
// title is the one given.
package newcourse

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed template
var files embed.FS

// Write creates the course in dir, titled title; dir is how the README's
// commands name it. dir must not exist, or be empty. It returns the files
// written, relative to dir.
func Write(dir, title string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s: not empty; bingfa new writes a course into a new directory", dir)
	}
	data := map[string]string{"Title": title, "Dir": dir}
	var written []string
	err := fs.WalkDir(files, "template", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := strings.TrimSuffix(strings.TrimPrefix(p, "template/"), ".tmpl")
		text, err := render(p, data)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		written = append(written, name)
		return os.WriteFile(out, text, 0o644)
	})
	return written, err
}

// render fills in the template file p. Its actions are written «...», so
// that a lesson's own {{placeholders}} are left alone.
func render(p string, data map[string]string) ([]byte, error) {
	src, err := fs.ReadFile(files, p)
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{"yaml": yamlString}
	t, err := template.New(p).Delims("«", "»").Funcs(funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = t.Execute(&b, data)
	return b.Bytes(), err
}

// yamlString quotes s as a YAML scalar (a JSON string is one).
func yamlString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
