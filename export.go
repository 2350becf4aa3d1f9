package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/wiring"
	"bingfa/web/export"
	"bingfa/web/notebook"
	"bingfa/web/render"
)

// exportCmd writes the course as a static website, or as Jupyter
// notebooks: the lessons' blocks are run (unless --no-run) and every page
// or notebook shows the real output.
func exportCmd(args []string) error {
	fs := newFlags("export", "usage: bingfa export -o DIR [flags] [PATH...]\n\nPATH is a lesson file or a directory of lessons; default: the embedded course.\nThe site works from file:// and offline: open DIR/index.html.\n\n")
	out := fs.String("o", "", "write the site (or the notebooks) into `DIR` (required)")
	format := fs.String("format", "html", "`FORMAT`: html, a static website, or ipynb, a Jupyter notebook per lesson (GoNB kernel)")
	noRun := fs.Bool("no-run", false, "do not run anything: pages show the expected outputs")
	jobs := fs.Int("j", 0, "run at most `N` programs at once (builds not counted; default: as many as CPUs, and more while CPUs are idle)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *out == "" || (*format != "html" && *format != "ipynb") {
		fs.Usage()
		return errUsage
	}
	ls, err := loadLessons(fs.Args())
	if err != nil {
		return err
	}
	course, err := courseOf(fs.Args())
	if err != nil {
		return err
	}
	start := time.Now()
	var res render.Results
	if !*noRun {
		ctx, stop := interruptible()
		defer stop()
		rep, err := exportCheck(ctx, ls, *jobs)
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted")
		}
		res = render.ResultsOf(rep)
		passed, failed, skipped := rep.Counts()
		fmt.Fprintf(os.Stderr, "export: %d passed, %d failed, %d not run (failures are shown on their pages)\n", passed, failed, skipped)
	}
	if *format == "ipynb" {
		names, err := notebook.Write(*out, ls, res, course.Lang)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "export: wrote %d notebooks to %s in %v\n", len(names), *out, time.Since(start).Round(time.Millisecond))
		return nil
	}
	site, err := export.Write(*out, ls, res, render.Config{Title: course.Title, Blurb: course.Blurb, Lang: course.Lang})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "export: wrote %d files to %s in %v; open %s\n", len(site.Files), *out,
		time.Since(start).Round(time.Millisecond), *out+string(os.PathSeparator)+"index.html")
	return nil
}

// exportCheck runs every block of ls with the checker, reporting progress
// on standard error.
func exportCheck(ctx context.Context, ls []*lesson.Lesson, jobs int) (*check.Report, error) {
	set, err := wiring.New(wiring.Compiled, compiledCache())
	if err != nil {
		return nil, err
	}
	defer set.Close()
	cfg := set.Config()
	cfg.Jobs = jobs
	cfg.Observer = export.NewProgress(os.Stderr)
	return check.New(cfg).Check(ctx, ls), nil
}
