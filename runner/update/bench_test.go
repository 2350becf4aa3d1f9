package update

import (
	"fmt"
	"strings"
	"testing"

	"bingfa/runner/lesson"
)

// BenchmarkOutputs brings up to date an output block of 500 lines with
// placeholders, of which every tenth line changed.
func BenchmarkOutputs(b *testing.B) {
	var exp, act strings.Builder
	for i := range 500 {
		fmt.Fprintf(&exp, "worker {{int}} step %d took {{duration}}\n", i)
		word := "took"
		if i%10 == 0 {
			word = "needed"
		}
		fmt.Fprintf(&act, "worker %d step %d %s %dms\n", i%7, i, word, i%13)
	}
	src := "```go\npackage main\n```\n\n```output\n" + exp.String() + "```\n"
	l, err := lesson.Parse("bench.md", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	actual := map[string]string{"block-1": act.String()}
	for b.Loop() {
		if _, err := Outputs(l, actual, nil); err != nil {
			b.Fatal(err)
		}
	}
}
