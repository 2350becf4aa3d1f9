package render

import (
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"bingfa/runner/lesson"
)

// rewriteLessonLinks points links between lessons at the lessons' pages:
// a relative link to NAME.md, with or without a #fragment, whose NAME is
// one of ls becomes that lesson's URL (NAME.html in the export,
// /lessons/NAME on the live page). Authors link lesson files, which also
// works when the Markdown is read on a forge; other links are left alone.
func rewriteLessonLinks(doc ast.Node, ls []*lesson.Lesson, url func(*lesson.Lesson) string) {
	byName := make(map[string]*lesson.Lesson, len(ls))
	for _, l := range ls {
		byName[l.Name] = l
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		link, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if dest, ok := linkTarget(string(link.Destination), byName, url); ok {
			link.Destination = []byte(dest)
		}
		return ast.WalkContinue, nil
	})
}

// linkTarget returns the page URL of a link to a lesson file, and whether
// dest is one.
func linkTarget(dest string, byName map[string]*lesson.Lesson, url func(*lesson.Lesson) string) (string, bool) {
	if IsExternal(dest) || strings.HasPrefix(dest, "/") {
		return "", false
	}
	file, frag, _ := strings.Cut(dest, "#")
	if !strings.HasSuffix(file, ".md") {
		return "", false
	}
	l, ok := byName[strings.TrimSuffix(path.Base(file), ".md")]
	if !ok {
		return "", false
	}
	if frag != "" {
		return url(l) + "#" + frag, true
	}
	return url(l), true
}
