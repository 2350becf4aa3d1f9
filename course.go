package main

import (
	"os"
	"path/filepath"

	"bingfa/lessons"
	"bingfa/runner/lesson"
)

// courseOf reads the course metadata (the front matter of README.md) of
// the course at paths: the embedded course when there are none, else the
// directory of the first path (the path itself when it is a directory).
func courseOf(paths []string) (lesson.Course, error) {
	if len(paths) == 0 {
		return lesson.ReadCourse(lessons.FS, ".")
	}
	dir := paths[0]
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	return lesson.ReadCourse(os.DirFS(dir), ".")
}
