package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCloneLessons: a directory is a clone of bingfa when its go.mod
// names module bingfa and it has a lessons directory.
func TestCloneLessons(t *testing.T) {
	cases := []struct {
		name, gomod string
		lessons     bool
		want        bool
	}{
		{"clone", "module bingfa\n\ngo 1.26\n", true, true},
		{"quoted", "// a comment\nmodule \"bingfa\"\n", true, true},
		{"other module", "module example.com/bingfa\n", true, false},
		{"no lessons", "module bingfa\n", false, false},
		{"no go.mod", "", true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if c.gomod != "" {
				if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(c.gomod), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if c.lessons {
				if err := os.Mkdir(filepath.Join(dir, "lessons"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			got := cloneLessons(dir)
			if want := map[bool]string{true: filepath.Join(dir, "lessons"), false: ""}[c.want]; got != want {
				t.Errorf("cloneLessons = %q, want %q", got, want)
			}
		})
	}
}
