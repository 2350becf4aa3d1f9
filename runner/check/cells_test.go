package check_test

import (
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// TestDependsOn lists the cells each cell of testdata/pass-cells.md uses.
func TestDependsOn(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata/pass-cells.md"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"block-1": "",
		"block-2": "block-1",         // norm2 uses square
		"block-3": "",                // not a cell
		"block-4": "block-1 block-2", // point, norm2, calls
		"block-5": "block-2",         // its own square; point and norm2
		"block-6": "block-2 block-5", // point; square as redefined
	}
	l := ls[0]
	deps := check.DependsOn(l)
	for _, b := range l.Blocks {
		var names []string
		for _, d := range deps[b] {
			names = append(names, d.Name)
		}
		if got := strings.Join(names, " "); got != want[b.Name] {
			t.Errorf("%s depends on %q, want %q", b.Name, got, want[b.Name])
		}
	}
}
