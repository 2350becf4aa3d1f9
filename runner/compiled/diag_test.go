package compiled

import (
	"fmt"
	"testing"
)

// TestParseBuild reads go build -json events as go 1.26 writes them: a
// compile error in a program's own package (positions of its //line
// directive, a continued message), an import that cannot be found and a
// go:embed pattern without files (reported as another package's, at the
// program's directory), and a message without a position.
func TestParseBuild(t *testing.T) {
	t.Parallel()
	events := `{"ImportPath":"bingfa.build/pa","Action":"build-output","Output":"# bingfa.build/pa\n"}
{"ImportPath":"nosuch/pkg","Action":"build-output","Output":"pc/main.go:2:8: package nosuch/pkg is not in std (/usr/local/go/src/nosuch/pkg)\n"}
{"ImportPath":"bingfa.build/pa","Action":"build-output","Output":"main.go:3:15: cannot use x (variable of type int) as string value in argument to f:\n\thave int\n"}
{"ImportPath":"nosuch/pkg","Action":"build-fail"}
{"ImportPath":"bingfa.build/pa","Action":"build-output","Output":"main.go:4:2: declared and not used: y\n"}
{"ImportPath":"bingfa.build/pd","Action":"build-output","Output":"pd/main.go:2:12: pattern nofile: no matching files found\n"}
{"ImportPath":"bingfa.build/pl","Action":"build-output","Output":"# bingfa.build/pl\nlink: something went wrong\n"}
{"ImportPath":"bingfa.build/pa","Action":"build-fail"}
`
	diags, other, text := parseBuild(events)
	want := map[string]string{
		"pa": "[{3 15 cannot use x (variable of type int) as string value in argument to f:\n\thave int} {4 2 declared and not used: y}]",
		"pc": "[{2 8 package nosuch/pkg is not in std (/usr/local/go/src/nosuch/pkg)}]",
		"pd": "[{2 12 pattern nofile: no matching files found}]",
	}
	if len(diags) != len(want) {
		t.Errorf("diagnostics of %d programs, want %d: %v", len(diags), len(want), diags)
	}
	for dir, w := range want {
		if got := fmt.Sprint(diags[dir]); got != w {
			t.Errorf("%s: %s, want %s", dir, got, w)
		}
	}
	if got := fmt.Sprint(other); got != "map[pl:[link: something went wrong]]" {
		t.Errorf("other messages: %s", got)
	}
	if text == "" || text[:len("# bingfa.build/pa\n")] != "# bingfa.build/pa\n" {
		t.Errorf("text output: %q", text)
	}
}
