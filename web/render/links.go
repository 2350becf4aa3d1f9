package render

import (
	"path"
	"strings"

	"bingfa/runner/lesson"
)

// Links between lessons lead to the lessons' pages: a relative link to
// NAME.md, with or without a #fragment, whose NAME is a lesson of the
// course becomes that lesson's URL (NAME.html in the export,
// /lessons/NAME on the live page). Authors link lesson files, which also
// works when the Markdown is read on a forge; other links are left alone.
// The page's node renderer asks linkTarget for each link.

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
