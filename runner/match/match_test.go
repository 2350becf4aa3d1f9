package match

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// Each case matches actual output against expected output and states
// whether it matches and, when it does not, the message (or part of it) the
// failure must carry and the expected line it must point at.
var matchTests = []struct {
	name      string
	want, got string
	opts      Options
	ok        bool
	msg       string // substring of Failure.Msg, or of the soft warning when ok
	line      int    // Failure.Line (expected line), when msg is set
	warnings  int
}{
	// Normalisation.
	{name: "equal", want: "a\nb", got: "a\nb", ok: true},
	{name: "crlf", want: "a\r\nb\r\n", got: "a\nb\n", ok: true},
	{name: "crlf in output", want: "a\nb", got: "a\r\nb\r\n", ok: true},
	{name: "trailing space", want: "a  \nb\t", got: "a\nb   ", ok: true},
	{name: "blank lines at ends", want: "\n\na\nb\n\n", got: "a\nb", ok: true},
	{name: "blank lines in the middle count", want: "a\n\nb", got: "a\nb", msg: `expected an empty line, found "b"`, line: 2},
	{name: "leading space of the first line", want: "  a", got: "a", ok: true},
	{name: "unicode space at the ends, as go test trims", want: "a\n你好", got: "\u00a0\u3000a\n你好\u3000\n", ok: true},
	{name: "unicode space at a line's end", want: "a\nb", got: "a\u00a0\nb", ok: true},
	{name: "unicode space inside a line counts", want: "a b", got: "a\u3000b", msg: `expected " b"`, line: 1},
	{name: "vertical tab at the start of a later line counts", want: "a\nb", got: "a\n\fb", msg: `expected "b"`, line: 2},
	{name: "leading space of later lines counts", want: "a\n  b", got: "a\nb", msg: `expected "  b", found "b"`, line: 2},
	{name: "differs", want: "hello, world", got: "hello, wörld", msg: `expected "orld", found "örld"`, line: 1},
	{name: "missing line", want: "a\nb\nc", got: "a\nb", msg: "the output has no line for this expected line", line: 3},
	{name: "extra line", want: "a", got: "a\nb", msg: "this line of the output is not in the expected output"},
	{name: "empty expected", want: "", got: "", ok: true},
	{name: "empty expected, output", want: "", got: "x", msg: "not in the expected output"},

	// {{any}}.
	{name: "any", want: "took {{any}} to finish", got: "took a while to finish", ok: true},
	{name: "any empty", want: "x{{any}}y", got: "xy", ok: true},
	{name: "any stays in its line", want: "a{{any}}\nc", got: "ab\nb\nc", msg: `expected "c", found "b"`, line: 2},
	{name: "any fails on the literal after it", want: "{{any}} done", got: "all finished", msg: `expected "done", found "finished"`, line: 1},

	// {{int}}, {{float}}, {{duration}}.
	{name: "int", want: "pid {{int}}", got: "pid 4242", ok: true},
	{name: "int negative", want: "n={{int}}", got: "n=-7", ok: true},
	{name: "int not a number", want: "pid {{int}}", got: "pid abc", msg: `{{int}}: expected an integer`, line: 1},
	{name: "int takes all digits", want: "{{int}}5", got: "125", msg: `the line ends where "5" was expected`, line: 1},
	{name: "int is not a float", want: "x={{int}}", got: "x=1.5", msg: `unexpected text ".5"`, line: 1},
	{name: "float", want: "pi={{float}} e={{float}} big={{float}}", got: "pi=3.14 e=2 big=1e+06", ok: true},
	{name: "float inf", want: "{{float}} {{float}}", got: "+Inf NaN", ok: true},
	{name: "float missing", want: "v={{float}}", got: "v=x", msg: "expected a number", line: 1},
	{name: "duration", want: "took {{duration}}", got: "took 1.503ms", ok: true},
	{name: "duration compound", want: "{{duration}} {{duration}} {{duration}}", got: "1h2m3.5s 850µs 0s", ok: true},
	{name: "duration missing unit", want: "took {{duration}}", got: "took 15", msg: "expected a duration", line: 1},

	// {{A..B}}.
	{name: "range int", want: "elapsed {{150..210}}ms", got: "elapsed 180ms", ok: true},
	{name: "range bounds inclusive", want: "{{150..210}} {{150..210}}", got: "150 210", ok: true},
	{name: "range out", want: "elapsed {{150..210}}ms", got: "elapsed 250ms", msg: "{{150..210}}: 250 is out of range", line: 1},
	{name: "range int rejects float", want: "{{1..2}}", got: "1.5", msg: "1.5 is not an integer", line: 1},
	{name: "range float", want: "ratio {{0.9..2.1}}", got: "ratio 1.87", ok: true},
	{name: "range float out", want: "ratio {{0.9..2.1}}", got: "ratio 0.5", msg: "0.5 is out of range", line: 1},
	{name: "range negative", want: "{{-5..-1}}", got: "-3", ok: true},

	// Named values.
	{name: "named same", want: "Process ({{int:parent}}) start...\nI ({{int:parent}}) just created a child process ({{int:child}}).\nI am child process ({{int:child}}) and my parent is {{int:parent}}.",
		got: "Process (876) start...\nI (876) just created a child process (877).\nI am child process (877) and my parent is 876.", ok: true},
	{name: "named changes", want: "parent {{int:parent}}\nparent again {{int:parent}}", got: "parent 876\nparent again 877",
		msg: `{{int:parent}} is "876" elsewhere in the output, but here it is "877"`, line: 2},
	{name: "two names, one value", want: "I am child process ({{int:child}}) and my parent is {{int:parent}}.", got: "I am child process (877) and my parent is 877.",
		msg: `{{int:parent}} and the name child are both "877": different names must be different values`, line: 1},
	{name: "named any", want: "hello {{any:who}}\nbye {{any:who}}", got: "hello Ada\nbye Ada", ok: true},
	{name: "named range", want: "{{1..9:n}} and {{1..9:n}}", got: "4 and 4", ok: true},
	{name: "named backtracks", want: "{{any:a}}-{{any:b}}\n{{any:b}}", got: "x-y-z\ny-z", ok: true},

	// {{...}}.
	{name: "many", want: "start\n{{...}}\nend", got: "start\n1\n2\n3\nend", ok: true},
	{name: "many none", want: "start\n{{...}}\nend", got: "start\nend", ok: true},
	{name: "many at end", want: "panic: boom\n\ngoroutine 1 [running]:\n{{...}}", got: "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/main.go:5 +0x25", ok: true},
	{name: "many still needs the rest", want: "start\n{{...}}\nend", got: "start\n1\n2", msg: "the output has no line for this expected line", line: 3},

	// {{"text"}}.
	{name: "literal braces", want: `{{"{{"}}.Name}}`, got: "{{.Name}}", ok: true},
	{name: "literal with quote", want: `say {{"\"hi\""}}`, got: `say "hi"`, ok: true},
	{name: "literal closing braces inside", want: `{{"}}"}}`, got: "}}", ok: true},

	// {{soft}}.
	{name: "soft matches", want: "start\n{{soft}}used {{1..2}} cores\nend", got: "start\nused 2 cores\nend", ok: true},
	{name: "soft mismatch warns", want: "start\n{{soft}}used more than one core: true\nend", got: "start\nused more than one core: false\nend", ok: true, warnings: 1, msg: "soft line did not match"},
	{name: "soft missing warns", want: "a\n{{soft}}b", got: "a", ok: true, warnings: 1},
	{name: "soft does not excuse hard lines", want: "start\n{{soft}}x\nend", got: "start\ny\nfinish", msg: `expected "end", found "finish"`, line: 3},

	// Unordered.
	{name: "unordered", want: "a\nb\nc", got: "c\na\nb", opts: Options{Unordered: true}, ok: true},
	{name: "unordered counts", want: "a\na\nb", got: "a\nb\nb", opts: Options{Unordered: true}, msg: "no line of the output matches", line: 2},
	{name: "unordered placeholders", want: "worker {{int:a}} done\nworker {{int:b}} done", got: "worker 2 done\nworker 1 done", opts: Options{Unordered: true}, ok: true},
	{name: "unordered extra", want: "a\nb", got: "b\na\nc", opts: Options{Unordered: true}, msg: "not in the expected output"},
	{name: "unordered many allows extra", want: "a\n{{...}}", got: "x\na\ny", opts: Options{Unordered: true}, ok: true},
	{name: "unordered many similar lines", want: workers(300, "") + "all done", got: workers(300, "done") + "all done", opts: Options{Unordered: true}, ok: true},
	{name: "unordered one wrong among many", want: workers(299, "") + "all done\nworker 1 done job 8", got: workers(300, "done") + "all done",
		opts: Options{Unordered: true}, msg: "no line of the output matches", line: 301},
	{name: "unordered soft line matching nothing", want: "{{soft}}w{{int}} late\na", got: "a", opts: Options{Unordered: true}, ok: true, msg: "soft line did not match", warnings: 1},
	{name: "ordered rejects reorder", want: "a\nb", got: "b\na", msg: `expected "a", found "b"`, line: 1},

	// order-by.
	{name: "order-by interleave", want: "start\nw1: a\nw1: b\nw2: a\nw2: b\ndone", got: "start\nw2: a\nw1: a\nw2: b\nw1: b\ndone",
		opts: Options{OrderBy: regexp.MustCompile(`^(w\d+):`)}, ok: true},
	{name: "order-by reorder within key", want: "start\nw1: a\nw1: b\nw2: a\ndone", got: "start\nw1: b\nw2: a\nw1: a\ndone",
		opts: Options{OrderBy: regexp.MustCompile(`^(w\d+):`)}, msg: `expected "a", found "b"`, line: 2},
	{name: "order-by barrier keeps place", want: "start\nw1: a\nw2: a\ndone", got: "start\nw1: a\ndone\nw2: a",
		opts: Options{OrderBy: regexp.MustCompile(`^(w\d+):`)}, msg: "the output has no line for this expected line", line: 3},
	{name: "order-by barrier count", want: "start\nw1: a", got: "w1: a", opts: Options{OrderBy: regexp.MustCompile(`^(w\d+):`)},
		msg: "expected 1 lines without an order-by key"},
	{name: "order-by placeholders", want: "w1: {{int:x}}\nw2: {{int:y}}", got: "w2: 5\nw1: 4", opts: Options{OrderBy: regexp.MustCompile(`^(w\d+):`)}, ok: true},
}

// workers returns n lines "worker {{int}} done job {{int}}", or with
// actual numbers (job = 7 * worker) in reverse order when actual is set.
func workers(n int, actual string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if actual != "" {
			fmt.Fprintf(&b, "worker %d done job %d\n", n-i, 7*(n-i))
		} else {
			b.WriteString("worker {{int}} done job {{int}}\n")
		}
	}
	return b.String()
}

func TestMatch(t *testing.T) {
	for _, tt := range matchTests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compile(tt.want, tt.opts)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			r := p.Match(tt.got)
			if r.OK != tt.ok {
				t.Fatalf("OK = %v, want %v; failure:\n%v", r.OK, tt.ok, r.Failure)
			}
			if len(r.Warnings) != tt.warnings {
				t.Errorf("got %d warnings, want %d: %v", len(r.Warnings), tt.warnings, r.Warnings)
			}
			if tt.ok {
				if tt.msg != "" && !strings.Contains(r.Warnings[0].Msg, tt.msg) {
					t.Errorf("warning %q does not contain %q", r.Warnings[0].Msg, tt.msg)
				}
				return
			}
			if !strings.Contains(r.Failure.Msg, tt.msg) {
				t.Errorf("failure message %q does not contain %q", r.Failure.Msg, tt.msg)
			}
			if tt.line != 0 && r.Failure.Line != tt.line {
				t.Errorf("failure at expected line %d, want %d (%v)", r.Failure.Line, tt.line, r.Failure)
			}
		})
	}
}

var syntaxTests = []struct {
	want string
	msg  string
	col  int
}{
	{"{{nope}}", "unknown placeholder {{nope}}", 1},
	{"x {{int", "unclosed placeholder", 3},
	{"a\nb {{...}}", "{{...}} must be alone on its line", 3},
	{"a {{soft}}b", "{{soft}} must start the line", 3},
	{"{{int:}}", "bad name in {{int:}}", 1},
	{"{{int:9x}}", "bad name", 1},
	{"{{5..1}}", "empty range in {{5..1}}", 1},
	{"{{1..x}}", "unknown placeholder", 1},
	{`{{"unterminated}}`, "bad literal", 1},
	{"{{soft}}ok {{float:}}", "bad name", 12},
}

func TestSyntaxErrors(t *testing.T) {
	for _, tt := range syntaxTests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Compile(tt.want, Options{})
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("Compile(%q) = %v, want a *SyntaxError", tt.want, err)
			}
			if !strings.Contains(se.Msg, tt.msg) || se.Col != tt.col {
				t.Errorf("got %v (col %d), want %q at col %d", se, se.Col, tt.msg, tt.col)
			}
		})
	}
	if _, err := Compile("a\n{{...}}", Options{OrderBy: regexp.MustCompile(`(x)`)}); err == nil {
		t.Error("{{...}} with order-by compiled")
	}
}

func TestBudget(t *testing.T) {
	want := strings.Repeat("{{any}}{{any}}{{any}}{{any}}x", 6)
	p, err := Compile(want+"\n"+want, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Match(strings.Repeat("y", 400) + "\n" + strings.Repeat("y", 400))
	if r.OK || !strings.Contains(r.Failure.Msg, "too many alignments") {
		t.Errorf("got %+v, want a budget failure", r.Failure)
	}
}

func TestValues(t *testing.T) {
	p, _ := Compile("{{int:a}} {{any:b}}", Options{})
	r := p.Match("12 hello there")
	if !r.OK || r.Values["a"] != "12" || r.Values["b"] != "hello there" {
		t.Errorf("got %+v", r)
	}
}

// TestDisplay checks that lines that match on their own are shown as the
// actual text they matched, and the others as written.
func TestDisplay(t *testing.T) {
	for _, c := range []struct {
		name, expected, actual, want string
		opts                         Options
	}{
		{"placeholders become context", "pid {{int}}\nhello\nbye", "pid 42\nhallo\nbye", "pid 42\nhello\nbye", Options{}},
		{"missing line stays", "a {{int}}\nb\nc", "a 1\nc", "a 1\nb\nc", Options{}},
		{"dots stay", "start\n{{...}}\nend {{int}}", "start\nx\ny\nend 9", "start\n{{...}}\nend 9", Options{}},
		{"unordered", "w{{int}} done\nall", "all\nw2 done", "w2 done\nall", Options{Unordered: true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := Compile(c.expected, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Display(c.actual); got != c.want {
				t.Errorf("Display = %q, want %q", got, c.want)
			}
		})
	}
}
