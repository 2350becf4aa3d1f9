package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"

	"bingfa/runner/lesson"
)

// Import returns the lesson made from the Go notebook data (read from
// file name, for messages), checked by the lesson parser:
//
//   - the notebook's title (metadata "title"), when it has one, becomes
//     the front matter title;
//   - Markdown cells are prose, as written, but for their go fences,
//     which are marked nobuild (code shown in a notebook's prose is not
//     run); raw cells are left out, and so are the cells Export adds
//     after a block (role "expected");
//   - a code cell becomes a go block. GoNB's commands (lines beginning
//     with % or !, or //gonb:%) are left out, %% too: a notebook cell's
//     statements are the body of its main wherever they are. A cell with a package clause is a complete
//     program. Any other cell is a notebook cell (option cell), which
//     sees the declarations of the cells before it, as in GoNB: its
//     func main, if it has one, gives its statements. A cell written by
//     Export keeps the info string it had (metadata "bingfa").
//   - the cell's saved stream outputs, stdout and stderr in the order
//     saved, become its expected output. A cell without output has no
//     output block, so it is built and not run.
func Import(data []byte, name string) ([]byte, error) {
	var nb Notebook
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("%s: not a Jupyter notebook: %v", name, err)
	}
	if nb.NBFormat != 4 {
		return nil, fmt.Errorf("%s: nbformat %d; only nbformat 4 is read (jupyter nbconvert --to notebook converts)", name, nb.NBFormat)
	}
	if lang := language(nb.Metadata); lang != "" && lang != "go" {
		return nil, fmt.Errorf("%s: a %s notebook, not a Go notebook", name, lang)
	}
	var parts []string
	if title, _ := nb.Metadata["title"].(string); title != "" {
		parts = append(parts, "---\ntitle: "+yamlString(title)+"\n---\n")
	}
	for _, c := range nb.Cells {
		if p := importCell(c); p != "" {
			parts = append(parts, p)
		}
	}
	src := []byte(strings.Join(parts, "\n"))
	lessonPath := strings.TrimSuffix(name, ".ipynb") + ".md"
	_, err := lesson.Parse(lessonPath, src)
	return src, err
}

// language returns the notebook's language, from its kernelspec or its
// language_info; "" when it says none.
func language(meta map[string]any) string {
	ks, _ := meta["kernelspec"].(map[string]any)
	li, _ := meta["language_info"].(map[string]any)
	lang, _ := ks["language"].(string)
	if lang == "" {
		lang, _ = li["name"].(string)
	}
	return strings.ToLower(lang)
}

func importCell(c *Cell) string {
	bf, _ := c.Metadata["bingfa"].(map[string]any)
	switch c.Type {
	case "markdown":
		if bf["role"] == "expected" {
			return ""
		}
		return shownOnly(strings.TrimRight(string(c.Source), "\n")) + "\n"
	case "code":
		info, _ := bf["info"].(string)
		code := importCode(string(c.Source), info)
		if code.text == "" {
			return ""
		}
		s := fenced(code.info, code.text)
		if out := streams(c.Outputs); out != "" {
			s += "\n" + fenced("output", out)
		}
		return s
	}
	return ""
}

type goBlock struct{ info, text string }

// importCode returns the go block of a GoNB cell's code: see Import.
func importCode(src, info string) goBlock {
	var kept []string
	for _, line := range strings.Split(src, "\n") {
		cmd := strings.TrimPrefix(line, "//gonb:")
		if !strings.HasPrefix(cmd, "%") && !strings.HasPrefix(cmd, "!") {
			kept = append(kept, line)
		}
	}
	code := strings.Trim(strings.Join(kept, "\n"), "\n")
	if strings.TrimSpace(code) == "" {
		return goBlock{}
	}
	code += "\n"
	if info != "" {
		if !strings.Contains(" "+info+" ", " cell ") && !hasPackageClause(code) {
			code = "package main\n\n" + code
		}
		return goBlock{info, code}
	}
	if hasPackageClause(code) {
		return goBlock{"go", code}
	}
	return goBlock{"go cell", unwrapMain(code)}
}

func hasPackageClause(code string) bool {
	return slices.ContainsFunc(strings.Split(code, "\n"), func(line string) bool { return strings.HasPrefix(line, "package ") })
}

// unwrapMain replaces the func main of a cell's code, if it declares one,
// by the statements of its body, one tab less indented.
func unwrapMain(code string) string {
	const head = "package main\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", head+code, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return code
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "main" || fn.Recv != nil || fn.Body == nil {
			continue
		}
		off := func(p token.Pos) int { return fset.Position(p).Offset - len(head) }
		start, lbrace, rbrace := off(fn.Pos()), off(fn.Body.Lbrace), off(fn.Body.Rbrace)
		if fn.Doc != nil {
			start = off(fn.Doc.Pos())
		}
		body := strings.Trim(code[lbrace+1:rbrace], "\n")
		var lines []string
		for _, l := range strings.Split(body, "\n") {
			lines = append(lines, strings.TrimPrefix(l, "\t"))
		}
		return strings.TrimLeft(code[:start]+strings.Join(lines, "\n")+code[rbrace+1:], "\n")
	}
	return code
}

// goFence matches the opening line of a go fence in Markdown.
var goFence = regexp.MustCompile("(?m)^( {0,3}(?:```+|~~~+)[ \t]*go)((?:[ \t][^\n]*)?)$")

// shownOnly marks the go fences of a Markdown cell nobuild: code shown
// in a notebook's prose is not run, while in a lesson it would be a
// program. Fences that say norun or nobuild already are left alone.
func shownOnly(md string) string {
	return goFence.ReplaceAllStringFunc(md, func(line string) string {
		m := goFence.FindStringSubmatch(line)
		if opts := strings.Fields(m[2]); slices.Contains(opts, "nobuild") || slices.Contains(opts, "norun") {
			return line
		}
		return m[1] + " nobuild" + m[2]
	})
}

// streams returns the text of a code cell's stream outputs, in order.
func streams(outs []*Output) string {
	var b bytes.Buffer
	for _, o := range outs {
		if o.Type == "stream" {
			b.WriteString(string(o.Text))
		}
	}
	return b.String()
}

// yamlString quotes s for a YAML scalar.
func yamlString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
