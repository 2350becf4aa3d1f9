package main

import (
	"errors"
	"fmt"
	"os"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
	"bingfa/runner/report"
	"bingfa/runner/term"
	"bingfa/runner/wiring"
)

// readCmd reads lessons in the terminal, running their programs in order.
func readCmd(args []string) error {
	fs := newFlags("read", "usage: bingfa read [--all] LESSON...\n\nLESSON is a lesson file, or the name of a lesson of the embedded course (such as 01-basics).\n\n")
	all := fs.Bool("all", false, "run every program without waiting for Enter")
	mode := fs.String("engine", wiring.Auto, "`ENGINE`: auto, compiled, yaegi or both")
	color := fs.String("color", "auto", report.ColorUsage)
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	colors, err := report.ChooseColors(*color, os.Stdout)
	if err != nil {
		return err
	}
	ls, err := readLessons(fs.Args())
	if err != nil {
		return err
	}
	set, err := wiring.New(*mode, compiledCache())
	if err != nil {
		return err
	}
	defer set.Close()
	var paths []string // the course of the first lesson: on disk, or embedded
	if _, err := os.Stat(fs.Arg(0)); err == nil {
		paths = fs.Args()[:1]
	}
	course, _ := courseOf(paths)
	r := &term.Reader{Out: os.Stdout, In: os.Stdin, All: *all, Lang: msg.Parse(course.Lang), Width: report.Width(os.Stdout),
		Color: colors.On, Light: colors.Light,
		Checker: check.New(set.Config())}
	ctx, stop := interruptible()
	defer stop()
	failed := 0
	for _, l := range ls {
		_, f, err := r.Read(ctx, l)
		failed += f
		if errors.Is(err, term.ErrQuit) {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted")
		}
		if err != nil {
			return err
		}
	}
	if failed > 0 {
		return errSilent
	}
	return nil
}

// readLessons loads each argument: a lesson file or directory on disk, or
// the name of an embedded lesson.
func readLessons(args []string) ([]*lesson.Lesson, error) {
	var out []*lesson.Lesson
	for _, a := range args {
		if _, err := os.Stat(a); err == nil {
			ls, err := lesson.Load([]string{a})
			if err != nil {
				return nil, err
			}
			out = append(out, ls...)
			continue
		}
		l, err := embeddedLesson(a)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// embeddedLesson returns the embedded lesson called name.
func embeddedLesson(name string) (*lesson.Lesson, error) {
	ls, err := loadLessons(nil)
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		if l.Name == name {
			return l, nil
		}
	}
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return nil, noLesson(name, names)
}
