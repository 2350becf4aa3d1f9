package update

import (
	"strings"
	"testing"

	"bingfa/runner/lesson"
)

// TestApplyDryRunEscapes checks that the diff that --dry-run prints holds
// no control character raw, whether it comes from the lesson as written
// or from a file name.
func TestApplyDryRunEscapes(t *testing.T) {
	old := "```output\nred \x1b[31m\nold\n```\n"
	ch := &Change{
		Lesson: &lesson.Lesson{Path: "l\x1b]0;x\a.md", Source: []byte(old)},
		New:    []byte(strings.Replace(old, "old", "new \u202e", 1)),
	}
	var out strings.Builder
	if err := Apply(&out, []*Change{ch}, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`red \x1b[31m`, `+new \u202e`, `l\x1b]0;x\x07.md`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the diff lacks %q:\n%s", want, out.String())
		}
	}
	if strings.ContainsAny(out.String(), "\x1b\a\u202e") {
		t.Errorf("a control character printed raw:\n%q", out.String())
	}
}
