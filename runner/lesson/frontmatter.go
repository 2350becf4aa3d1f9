package lesson

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

// splitFrontMatter finds the front matter at the start of body (a file
// without its byte order mark): when the first line is three or more
// '-' and nothing else, the YAML lines up to the next line equal to it.
// It returns that YAML (nil when body has no front matter) and the offset
// in body just past the closing line, where the Markdown starts. An
// unclosed front matter block, which would swallow the whole file, and
// front matter between "+++" lines (TOML, which lessons do not use) are
// errors of line 1.
func splitFrontMatter(body []byte) (yaml []byte, end int, err error) {
	first := lineAt(body, 0)
	if len(first) < 3 || strings.Trim(string(first), string(first[0])) != "" || (first[0] != '-' && first[0] != '+') {
		return nil, 0, nil
	}
	if first[0] == '+' {
		return nil, 0, fmt.Errorf("front matter opened with %s is TOML: write it in YAML, between two --- lines", first)
	}
	start := lineEnd(body, 0)
	for off := start; off < len(body); off = lineEnd(body, off) {
		if bytes.Equal(lineAt(body, off), first) {
			return body[start:off:off], lineEnd(body, off), nil
		}
	}
	return nil, 0, fmt.Errorf("front matter opened with %s is never closed", first)
}

var frontMatterKeys = map[string]bool{"title": true, "order": true, "summary": true, "lang": true}

// frontMatter reads title, order, summary and lang from the front matter, if any.
// Keys of other tools (date, tags, weight...) are ignored, so that lessons
// written for a site generator check as they are; a key that looks like a
// misspelling of a known one is an error, so that typos do not go
// unnoticed. Keys are taken in the order of their lines, so that errors
// are too. src is the YAML between the front matter's lines, nil when
// the lesson has none.
func (ps *parseState) frontMatter(src []byte) {
	if src == nil {
		return
	}
	var m map[string]any
	if err := yaml.Unmarshal(src, &m); err != nil {
		ps.errorf(ps.yamlLine(err), 0, "bad front matter: %s", yamlMessage(err))
		return
	}
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(ps.keyLine(a)-ps.keyLine(b), strings.Compare(a, b)) })
	for _, k := range keys {
		v := m[k]
		if !frontMatterKeys[k] {
			if known := Nearest(k, []string{"order", "summary", "title"}); known != "" {
				ps.errorf(ps.keyLine(k), 0, "unknown front matter key %q: did you mean %s?", k, known)
			}
			continue
		}
		if err := ps.setMeta(k, v); err != nil {
			ps.errorf(ps.keyLine(k), 0, "front matter %s: %v", k, err)
		}
	}
}

func (ps *parseState) setMeta(k string, v any) error {
	switch k {
	case "order":
		n, ok := v.(int)
		if !ok {
			return fmt.Errorf("want a whole number, got %v", v)
		}
		ps.l.Order = n
	default:
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want text, got %v", v)
		}
		switch k {
		case "title":
			ps.l.Title = strings.TrimSpace(s)
		case "lang":
			ps.l.Lang = strings.TrimSpace(s)
		default:
			ps.l.Summary = strings.TrimSpace(s)
		}
	}
	return nil
}

// keyLine returns the line of the front matter key k (1 if not found).
func (ps *parseState) keyLine(k string) int {
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(k) + `\s*[:=]`)
	body := bytes.TrimPrefix(ps.src, bom)
	for i, line := range strings.Split(string(body), "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 1
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// yamlLine returns the lesson line of a YAML error, whose own line
// numbers count from the first line after the opening delimiter.
func (ps *parseState) yamlLine(err error) int {
	m := yamlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	n, _ := strconv.Atoi(m[1])
	return n + 1
}

// yamlMessage returns a decoder's error as one line, without the line
// numbers that the caller has turned into a lesson position.
func yamlMessage(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	s = strings.TrimPrefix(s, "unmarshal errors:")
	s = yamlLineRE.ReplaceAllString(s, "")
	var parts []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.Trim(p, " \t:"); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// describe fills in the title and summary from the document when the front
// matter does not give them: the first heading and the first paragraph.
func (ps *parseState) describe(doc ast.Node, src []byte) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindHeading:
			if ps.l.Title == "" {
				ps.l.Title = PlainText(n, src)
			}
		case ast.KindParagraph:
			if ps.l.Summary == "" {
				ps.l.Summary = PlainText(n, src)
			}
		}
	}
	if ps.l.Title == "" {
		ps.l.Title = ps.l.Name
	}
}

// PlainText returns the text of n and its descendants without markup.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			b.Write(v)
			if (t.SoftLineBreak() || t.HardLineBreak()) && !endsWide(b.String()) {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// endsWide reports whether s ends with a CJK character, after which a line
// break joins lines without a space.
func endsWide(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= 0x2E80 && r != utf8.RuneError
}

// EditDistance returns the Levenshtein distance between a and b, in
// runes: how far a misspelt name is from a known one.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
