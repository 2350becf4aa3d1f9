package update

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/wiring"
)

// TestPlan runs the cases of testdata/plan/*.txt with the compiled
// engine: the actual outputs are what the blocks print. The section notes
// lists the blocks that are not updated.
func TestPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	files, _ := filepath.Glob("testdata/plan/*.txt")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { set.Close() })
	cfg := set.Config()
	cfg.RunAll = true
	c := check.New(cfg)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			tc := readCase(t, file)
			dir := t.TempDir()
			for _, f := range tc.Files {
				if name, ok := strings.CutPrefix(f.Name, "file "); ok {
					write(t, filepath.Join(dir, name), f.Data)
				}
			}
			path := filepath.Join(dir, "lesson.md")
			write(t, path, tc.source("lesson.md"))
			ls, err := lesson.Load([]string{path})
			if err != nil {
				t.Fatal(err)
			}
			changes, err := Plan(context.Background(), c, ls, os.ReadFile)
			if tc.has("error") {
				tc.check(t, file, nil, trimDir(err, dir))
				return
			}
			if err != nil {
				t.Fatal(trimDir(err, dir))
			}
			var notes []string
			for _, n := range changes[0].Notes {
				notes = append(notes, trimDir(n, dir).Error())
			}
			if got, want := strings.Join(notes, "\n"), strings.TrimSpace(tc.get("notes")); got != want {
				t.Errorf("notes:\n%s\nwant:\n%s", got, want)
			}
			tc.check(t, file, changes[0].New, nil)
			files := map[string]string{}
			for _, fc := range changes[0].Files {
				rel, _ := filepath.Rel(dir, fc.Path)
				files[filepath.ToSlash(rel)] = string(fc.New)
			}
			tc.checkFiles(t, files)
			if err := Apply(&bytes.Buffer{}, changes, false); (err == nil) != (len(notes) == 0) {
				t.Errorf("Apply: error %v, with %d blocks not updated", err, len(notes))
			}
			assertFile(t, path, changes[0].New)
		})
	}
}
