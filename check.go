package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bingfa/lessons"
	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
	"bingfa/runner/report"
	"bingfa/runner/shard"
	"bingfa/runner/wiring"
)

// checkCmd builds and runs every block of the given lessons and compares
// their output with the expected output.
func checkCmd(args []string) error {
	fs := newFlags("check", "usage: bingfa check [flags] [PATH...]\n\nPATH is a lesson file or a directory of lessons; default: the embedded course.\n\n")
	verbose := fs.Bool("v", false, "print every block with its engine and how long its program ran")
	runRE := fs.String("run", "", "check only blocks whose `lesson/name` matches this regular expression")
	jsonOut := fs.String("json", "", "write a JSON report to `FILE`")
	junitOut := fs.String("junit", "", "write a JUnit XML report to `FILE`, one test case per block")
	shardSpec := fs.String("shard", "", "check only shard `K/N` of the lessons; lessons with format errors are reported by shard 1 (see docs/ci.md)")
	shardTimes := fs.String("shard-times", "", "balance the shards by the run times in this JSON `REPORT` (every shard must get the same file)")
	jobs := fs.Int("j", 0, "run at most `N` programs at once (builds not counted; default: as many as CPUs, and more while CPUs are idle)")
	mode := fs.String("engine", envOr("BINGFA_ENGINE", wiring.Auto), "`ENGINE`: auto, compiled, yaegi or both (default $BINGFA_ENGINE or auto)")
	color := fs.String("color", "auto", report.ColorUsage)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	colors, err := report.ChooseColors(*color, os.Stdout)
	if err != nil {
		return err
	}
	if err := checkPaths(fs.Args()); err != nil {
		return err
	}
	for _, out := range []string{*jsonOut, *junitOut} {
		if err := writable(out); err != nil {
			return err
		}
	}
	ls, loadErr := loadLessons(fs.Args()) // format errors are reported with the results
	if broken := (lesson.ErrorList)(nil); loadErr != nil && !errors.As(loadErr, &broken) {
		return loadErr
	}
	ls, first, err := pickShard(*shardSpec, *shardTimes, ls)
	if err != nil {
		return err
	}
	if !first {
		loadErr = nil // broken lessons belong to no shard's hash: shard 1 reports them
	}
	for _, out := range []string{*jsonOut, *junitOut} {
		if err := notALesson(out, ls); err != nil {
			return err
		}
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
	course, _ := courseOf(fs.Args()) // the report's language; a bad README is reported by export and serve
	term := report.NewTerminal(os.Stdout, report.IsTerminal(os.Stdout), *verbose).WithLang(msg.Parse(course.Lang)).WithOrder(ls).WithColors(colors)
	cfg.Observer = term
	ctx, stop := interruptible()
	defer stop()
	rep, err := check.New(cfg).CheckLoaded(ctx, ls, loadErr)
	if err != nil {
		return err
	}
	term.Summary(rep)
	if err := writeReports(rep, *jsonOut, *junitOut); err != nil {
		return err
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
// Markdown file: --json FILE and --junit FILE must never overwrite a lesson.
func notALesson(out string, ls []*lesson.Lesson) error {
	if out == "" {
		return nil
	}
	if strings.EqualFold(filepath.Ext(out), ".md") {
		return fmt.Errorf("%s: refusing to write a report over a Markdown file", out)
	}
	abs, _ := filepath.Abs(out)
	for _, l := range ls {
		if p, _ := filepath.Abs(l.Path); p == abs {
			return fmt.Errorf("%s: refusing to overwrite a lesson", out)
		}
	}
	return nil
}

// writeReports writes the JSON and JUnit reports that were asked for and,
// when run by GitHub Actions, the failures as workflow annotations.
func writeReports(rep *check.Report, jsonOut, junitOut string) error {
	doc := report.Doc(rep)
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		if err := report.WriteAnnotations(os.Stdout, doc); err != nil {
			return err
		}
	}
	if jsonOut != "" {
		if err := writeFile(jsonOut, doc.Write); err != nil {
			return err
		}
	}
	if junitOut != "" {
		return writeFile(junitOut, func(w io.Writer) error { return report.WriteJUnit(w, doc) })
	}
	return nil
}

// pickShard returns the lessons of ls on shard spec ("K/N"), all of them
// when spec is empty, and whether this is the first shard (the one that
// reports lessons that could not be parsed).
func pickShard(spec, timesFile string, ls []*lesson.Lesson) (picked []*lesson.Lesson, first bool, err error) {
	if spec == "" {
		return ls, true, nil
	}
	sp, err := shard.Parse(spec)
	if err != nil {
		return nil, false, err
	}
	var times shard.Times
	if timesFile != "" {
		doc, err := readReport(timesFile)
		if err != nil {
			return nil, false, err
		}
		times = doc.LessonTimes()
	}
	return sp.Pick(ls, times), sp.K == 1, nil
}

// writeFile writes a file with write, through os.Create.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
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
