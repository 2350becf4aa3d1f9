package match

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzMatch checks that any expected text compiles or fails with a
// SyntaxError, that matching never panics, and that text without
// placeholders always matches itself, in order, unordered and with
// order-by.
func FuzzMatch(f *testing.F) {
	for _, c := range [][2]string{
		{"hello", "hello"},
		{"pid {{pid:child}} parent {{pid:parent}}", "pid 12 parent 1"},
		{"{{int}} {{float}} {{duration}}", "3 1.5 2ms"},
		{"{{1..10}}\n{{...}}\nend", "5\na\nb\nend"},
		{`{{"{{"}} literal`, "{{ literal"},
		{"{{soft}}maybe\nsure", "sure"},
		{"start\nw1: a\nw2: b\n{{soft}}took {{1..2}}s", "start\nw2: b\nw1: a"},
		{"{{any}} x: {{int}}\n{{soft}}a: {{any}}b", "y x: 3\na: c"},
		{"{{any", "x"},
		{"{{10..1}}", "5"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, expected, actual string) {
		for _, opts := range []Options{{}, {Unordered: true}, {OrderBy: regexp.MustCompile(`^(\w+):`)}} {
			p, err := Compile(expected, opts)
			if err != nil {
				if _, ok := err.(*SyntaxError); !ok {
					t.Fatalf("Compile error is %T, want *SyntaxError: %v", err, err)
				}
				continue
			}
			r := p.Match(actual)
			if r.OK == (r.Failure != nil) {
				t.Fatalf("OK = %v with failure %v", r.OK, r.Failure)
			}
			if strings.Contains(expected, "{{") {
				continue
			}
			if self := p.Match(expected); !self.OK {
				t.Fatalf("%q does not match itself: %v", expected, self.Failure)
			}
		}
	})
}
