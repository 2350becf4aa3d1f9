package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// cloneLessons returns the lesson directory of the clone of bingfa at
// dir: its lessons directory when dir's go.mod says "module bingfa" and
// it has one, so that `go run .` in a clone serves the lessons being
// edited (reloading on change) rather than the copy embedded when the
// binary was built; "" otherwise.
func cloneLessons(dir string) string {
	f, err := os.Open(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	module := ""
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			module = strings.Trim(strings.TrimSpace(rest), `"`)
			break
		}
	}
	if module != "bingfa" {
		return ""
	}
	lessons := filepath.Join(dir, "lessons")
	if info, err := os.Stat(lessons); err != nil || !info.IsDir() {
		return ""
	}
	return lessons
}
