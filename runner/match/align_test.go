package match

import (
	"regexp"
	"strings"
	"testing"
)

// Each case aligns expected output with actual output; want is the
// expected output brought up to date: kept expected lines as written, and
// actual lines in place of the others.
var alignTests = []struct {
	name          string
	expected, got string
	opts          Options
	want          string
}{
	{name: "equal", expected: "a\nb", got: "a\nb", want: "a\nb"},
	{name: "changed line", expected: "a\nb\nc", got: "a\nB\nc", want: "a\nB\nc"},
	{name: "placeholders kept", expected: "pid {{int}}\nstart\nend {{duration}}", got: "pid 42\nstarted\nend 3ms", want: "pid {{int}}\nstarted\nend {{duration}}"},
	{name: "line added", expected: "a\nc", got: "a\nb\nc", want: "a\nb\nc"},
	{name: "line removed", expected: "a\nb\nc", got: "a\nc", want: "a\nc"},
	{name: "many kept", expected: "start\n{{...}}\nend", got: "start\nx\ny\nend\nmore", want: "start\n{{...}}\nend\nmore"},
	{name: "many kept when empty", expected: "a\n{{...}}", got: "b", want: "b\n{{...}}"},
	{name: "soft kept", expected: "a\n{{soft}}fast\nc", got: "a\nslow\nc", want: "a\n{{soft}}fast\nc"},
	{name: "empty expected", expected: "", got: "x\ny", want: "x\ny"},
	{name: "empty actual", expected: "x\n{{int}}", got: "", want: ""},
	{name: "blank line in the middle", expected: "a\n\nb", got: "a\n\nB", want: "a\n\nB"},
	{name: "leading blank lines counted", expected: "\n\na\nb", got: "a\nc", want: "a\nc"},
	{name: "unordered", expected: "x {{int}}\nb\na", got: "a\nc\nx 1", opts: Options{Unordered: true}, want: "x {{int}}\na\nc"},
	{name: "unordered literal first", expected: "{{any}}\nb", got: "b\nz", opts: Options{Unordered: true}, want: "{{any}}\nb"},
	{name: "unordered many", expected: "a\n{{...}}", got: "a\nq\nr", opts: Options{Unordered: true}, want: "a\n{{...}}"},
	{name: "order-by", expected: "w1: a\nw2: b", got: "w2: b\nw1: A", opts: Options{OrderBy: regexp.MustCompile(`^(w\d+):`)}, want: "w2: b\nw1: A"},
}

func TestAlign(t *testing.T) {
	for _, tt := range alignTests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compile(tt.expected, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			exp := strings.Split(tt.expected, "\n")
			act := strings.Split(tt.got, "\n")
			var out []string
			for _, e := range p.Align(tt.got) {
				if e.Line > 0 {
					out = append(out, exp[e.Line-1])
				} else {
					out = append(out, act[e.Actual-1])
				}
			}
			if got := strings.Join(out, "\n"); got != tt.want {
				t.Errorf("Align:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	for _, s := range []string{"{{int}}", "a {{ b", "{{...}}", "{{soft}}x", `{{"{{"}}`, "}}{{{"} {
		p, err := Compile(Escape(s), Options{})
		if err != nil {
			t.Fatalf("Escape(%q) = %q: %v", s, Escape(s), err)
		}
		if r := p.Match(s); !r.OK {
			t.Errorf("Escape(%q) = %q does not match itself: %v", s, Escape(s), r.Failure)
		}
	}
}
