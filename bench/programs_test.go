package main

import (
	"testing"

	"bingfa/runner/lesson"
)

// TestExampleLesson: the lesson of the course's programs that can be
// testable examples, which the examples stage checks, is a lesson that
// parses, with one program block per such program.
func TestExampleLesson(t *testing.T) {
	ls, err := lesson.Load([]string{"../lessons"})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := programs(ls)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, p := range ps {
		if p.Example {
			want++
		}
	}
	l, err := lesson.Parse("examples.md", exampleLesson(ps))
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, b := range l.Blocks {
		if b.Output != nil {
			got++
		}
	}
	if want == 0 || got != want {
		t.Errorf("the examples' lesson has %d programs with output, want %d (and more than none)", got, want)
	}
}
