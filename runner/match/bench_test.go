package match

import (
	"strings"
	"testing"
)

// The worst case of issue 15: {{any}}, a 100 KB literal and Z, against
// one line of 1 MB that the literal's start matches almost everywhere. It
// once took minutes of CPU within the step budget; the literal after
// {{any}} is now searched for, not compared at every column, and the
// failure says what differs.
func BenchmarkAnyBeforeLongLiteral(b *testing.B) {
	benchmarkMiss(b, "{{any}}"+strings.Repeat("a", 100<<10)+"Z", false)
}

// Two {{any}} before the same literal search the line again for every
// text the first can take: the budget of work stops the match, and this
// is what reaching it costs.
func BenchmarkWorkBound(b *testing.B) {
	benchmarkMiss(b, "{{any}}{{any}}"+strings.Repeat("a", 100<<10)+"Z", true)
}

// benchmarkMiss matches expected against a 1 MB line of "a"s, which it
// does not match: with the budget failure when bound is set, with another
// failure otherwise.
func benchmarkMiss(b *testing.B, expected string, bound bool) {
	p, err := Compile(expected, Options{})
	if err != nil {
		b.Fatal(err)
	}
	actual := strings.Repeat("a", 1<<20)
	b.SetBytes(int64(len(actual)))
	for b.Loop() {
		r := p.Match(actual)
		if r.OK || strings.Contains(r.Failure.Msg, "too many alignments") != bound {
			b.Fatalf("got %v", r.Failure)
		}
	}
}
