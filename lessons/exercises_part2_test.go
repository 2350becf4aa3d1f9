package lessons_test

import (
	"strconv"
	"strings"
	"testing"

	"bingfa/runner/lesson"
)

// firstPart2 is the number of the first lesson beyond the notes: the
// lessons from it on are checked by TestExercisesPart2.
const firstPart2 = 11

// TestExercisesPart2 checks that every lesson numbered 11 and up, beyond
// the notes, has an exercise block. What its exercises must do (the
// reference answer passes, the starting code and the wrong answers fail)
// is TestExercises', which judges every exercise of the course.
func TestExercisesPart2(t *testing.T) {
	ls, _, _, err := parse()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range part2(ls) {
		t.Run(l.Name, func(t *testing.T) {
			for _, b := range l.Blocks {
				if b.Opts.Exercise {
					return
				}
			}
			t.Errorf("%s: a lesson beyond the notes needs an exercise block", l.Path)
		})
	}
}

// part2 returns the lessons whose file name starts with a number of
// firstPart2 or more ("11-channels").
func part2(ls []*lesson.Lesson) []*lesson.Lesson {
	var out []*lesson.Lesson
	for _, l := range ls {
		num, _, _ := strings.Cut(l.Name, "-")
		if n, err := strconv.Atoi(num); err == nil && n >= firstPart2 {
			out = append(out, l)
		}
	}
	return out
}
