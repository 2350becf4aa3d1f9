package notebook

import (
	"os"
	"path/filepath"

	"bingfa/runner/lesson"
)

// Write writes the notebook of every lesson of ls into dir, creating it
// if needed, as NAME.ipynb (NAME is the lesson's file name without .md),
// and returns the names written.
func Write(dir string, ls []*lesson.Lesson, res Results, lang string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var names []string
	for _, l := range ls {
		data, err := FromLesson(l, res, lang).Marshal()
		if err != nil {
			return nil, err
		}
		name := l.Name + ".ipynb"
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, nil
}
