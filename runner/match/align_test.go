package match

import (
	"fmt"
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

// Each case carries the placeholders of an expected line over to the
// actual line that replaces it.
var carryTests = []struct{ expected, actual, want string }{
	{"I ({{int:parent}}) created child ({{int:child}}); status 0.", "I (10557) made child (10561); status 0.", "I ({{int:parent}}) made child ({{int:child}}); status 0."},
	{"took {{duration}} in all", "took 1.5ms overall", "took {{duration}} overall"},
	{"pid {{int}}", "pid abc", "pid abc"},
	{"{{any}}: done", "x: finished", "{{any}}: finished"},
	{"n={{1..5}}", "n=9", "n=9"},
	{"a {{int}} b {{int}}", "a 1 b 2 c", "a {{int}} b {{int}} c"},
	{"{x{{int}}", "{{7", `{{"{{"}}7`},
	{"x {{int}}", "{ 7", `{ {{int}}`},
	{"{{int}} {{...}}", "1 {{x}}", `1 {{"{{"}}x}}`},
	{"{{...}}", "z", "z"},
	{"{{soft}}fast {{int}}", "slow 3", "slow 3"},
}

func TestCarry(t *testing.T) {
	for _, tt := range carryTests {
		got := Carry(tt.expected, tt.actual)
		if got != tt.want {
			t.Errorf("Carry(%q, %q) = %q, want %q", tt.expected, tt.actual, got, tt.want)
		}
		if p, err := Compile(got, Options{}); err != nil || !p.Match(tt.actual).OK {
			t.Errorf("Carry(%q, %q) = %q does not match the actual line (%v)", tt.expected, tt.actual, got, err)
		}
	}
}

func TestAlignReplaces(t *testing.T) {
	p, err := Compile("a\nold 1\nold 2\nc\nend", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]int
	for _, e := range p.Align("a\nnew 1\nnew 2\nnew 3\nc") {
		if e.Line == 0 {
			got = append(got, [2]int{e.Actual, e.Replaces})
		}
	}
	want := [][2]int{{2, 2}, {3, 3}, {4, 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("actual lines and the lines they replace: %v, want %v", got, want)
	}
}

// FuzzCarry checks that Carry always writes a valid expected line that
// matches the actual line (when the expected line names no values, which
// Carry does not check).
func FuzzCarry(f *testing.F) {
	for _, tt := range carryTests {
		f.Add(tt.expected, tt.actual)
	}
	f.Fuzz(func(t *testing.T, expected, actual string) {
		if strings.ContainsAny(expected+actual, "\r\n") || strings.Contains(expected, ":") {
			return
		}
		actual = strings.TrimRight(actual, " \t")
		got := Carry(expected, actual)
		p, err := Compile(got, Options{})
		if err != nil {
			t.Fatalf("Carry(%q, %q) = %q: %v", expected, actual, got, err)
		}
		if r := p.Match(actual); !r.OK {
			t.Fatalf("Carry(%q, %q) = %q does not match: %v", expected, actual, got, r.Failure)
		}
	})
}
