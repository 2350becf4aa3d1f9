package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"bingfa/lessons"
	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/wiring"
)

// checkCmd builds and runs every block of the given lessons and compares
// their output with the expected output.
func checkCmd(args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: bingfa check [flags] [PATH...]\n\nPATH is a lesson file or a directory of lessons; default: the embedded course.\n\n")
		fs.PrintDefaults()
	}
	verbose := fs.Bool("v", false, "print every block with its engine and how long its program ran")
	runRE := fs.String("run", "", "check only blocks whose `lesson/name` matches this regular expression")
	jsonOut := fs.String("json", "", "write a JSON report to `FILE`")
	jobs := fs.Int("j", 0, "run at most `N` programs at once (builds not counted; default: as many as CPUs, and more while CPUs are idle)")
	mode := fs.String("engine", envOr("BINGFA_ENGINE", wiring.Auto), "`ENGINE`: auto, compiled, yaegi or both (default $BINGFA_ENGINE or auto)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	ls, loadErr := loadLessons(fs.Args()) // format errors are reported with the results
	if broken := (lesson.ErrorList)(nil); loadErr != nil && !errors.As(loadErr, &broken) {
		return loadErr
	}
	if err := notALesson(*jsonOut, ls); err != nil {
		return err
	}
	set, err := wiring.New(*mode, compiledCache())
	if err != nil {
		return err
	}
	defer set.Close()
	cfg := set.Config()
	cfg.Jobs = *jobs
	if cfg.Select, err = selectBlocks(*runRE); err != nil {
		return err
	}
	term := report.NewTerminal(os.Stdout, report.IsTerminal(os.Stdout), *verbose)
	cfg.Observer = term
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := check.New(cfg).CheckLoaded(ctx, ls, loadErr)
	if err != nil {
		return err
	}
	term.Summary(rep)
	if *jsonOut != "" {
		if err := writeJSON(*jsonOut, rep); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted")
	}
	if _, failed, _ := rep.Counts(); failed > 0 {
		return errSilent
	}
	return nil
}

// loadLessons reads the lessons at paths, or the embedded course.
func loadLessons(paths []string) ([]*lesson.Lesson, error) {
	if len(paths) == 0 {
		return lesson.LoadFS(lessons.FS, ".")
	}
	return lesson.Load(paths)
}

// notALesson refuses an output file that is one of the lessons or any
// Markdown file: --json FILE must never overwrite a lesson.
func notALesson(out string, ls []*lesson.Lesson) error {
	if out == "" {
		return nil
	}
	if strings.EqualFold(filepath.Ext(out), ".md") {
		return fmt.Errorf("--json %s: refusing to write a JSON report over a Markdown file", out)
	}
	abs, _ := filepath.Abs(out)
	for _, l := range ls {
		if p, _ := filepath.Abs(l.Path); p == abs {
			return fmt.Errorf("--json %s: refusing to overwrite a lesson", out)
		}
	}
	return nil
}

func writeJSON(path string, rep *check.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.WriteJSON(f, rep); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// envOr returns the environment variable key, or def when it is empty.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
