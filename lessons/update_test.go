package lessons_test

import (
	"context"
	"os"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/update"
	"bingfa/runner/wiring"
)

// TestUpdate runs update on the course, as `bingfa update lessons` does.
// The lessons are its golden files: with -update (`go test ./lessons
// -update`) it writes the changes.
// Without, it checks that update leaves a course that passes byte for byte
// as it is: a change it would make is a failure, shown as a diff.
func TestUpdate(t *testing.T) {
	if testing.Short() && !golden.Updating() {
		t.Skip("runs every block of the course")
	}
	ls, err := lesson.Load([]string{"."})
	if err != nil {
		t.Fatal(err)
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir()) // the authority on what a block prints
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	changes, err := update.Plan(context.Background(), check.New(set.Config()), ls, os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range changes {
		for _, note := range ch.Notes {
			t.Error(note)
		}
		switch {
		case !ch.Changed():
		case golden.Updating():
			if err := ch.Write(); err != nil {
				t.Error(err)
			}
			t.Logf("updated %s", ch.Lesson.Path)
		default:
			t.Errorf("update would change %s (run go test ./lessons -update to apply):\n%s", ch.Lesson.Path, ch.Diff())
		}
	}
}
