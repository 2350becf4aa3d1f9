// Command shots makes the screenshots of the live reader that the README
// shows, with headless Chromium (Debian's /usr/bin/chromium, or $CHROME):
// the index, a lesson, a block edited so that it fails, and an exercise.
// Run it from the repository's root; it writes docs/shots/*.png, and
// running it again brings them up to date.
//
//	go run ./docs/shots
package main

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/wiring"
	"bingfa/web/serve"
)

// The pages shot, at a laptop's width.
const (
	width, height = 1280, 860
	lessonName    = "01-basics"
	failing       = "cpus"     // a block edited so that its output differs
	exercise      = "exercise" // an exercise of the same lesson
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "shots:", err)
		os.Exit(1)
	}
}

func run() error {
	url, login, stop, err := startServer("lessons")
	if err != nil {
		return err
	}
	defer stop()
	ctx, cancel := browser()
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 10*time.Minute)
	defer cancelTime()
	out := filepath.Join("docs", "shots")
	shoot := func(name string, a chromedp.Action[[]byte]) error {
		png, err := chromedp.Run(ctx, a)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Println("wrote", filepath.Join(out, name))
		return os.WriteFile(filepath.Join(out, name), png, 0o644)
	}
	cell := func(block, sel string) string {
		return fmt.Sprintf(`figure.cell[data-block="%s/%s"] %s`, lessonName, block, sel)
	}
	result := fmt.Sprintf(`document.querySelector('.result[data-block="%s/%s"]')`, lessonName, failing)
	wait := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(5*time.Minute))
	}
	steps := []func() error{
		func() error {
			return chromedp.Do(ctx, chromedp.EmulateViewport(width, height), chromedp.Navigate(url+login), chromedp.WaitVisible("ol.lessons"))
		},
		func() error { return shoot("index.png", chromedp.CaptureScreenshot()) },
		func() error {
			return chromedp.Do(ctx, chromedp.Navigate(url+"/lessons/"+lessonName), chromedp.WaitVisible(cell(failing, "pre.code")))
		},
		func() error { return shoot("lesson.png", chromedp.CaptureScreenshot()) },
		func() error {
			src, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+cell(failing, "textarea")+`').value`))
			if err != nil {
				return err
			}
			edited := strings.Replace(src, "逻辑 CPU 数：", "逻辑 CPU 的个数，", 1)
			return chromedp.Do(ctx,
				chromedp.Click(cell(failing, "pre.code")),
				chromedp.SetValue(cell(failing, "textarea"), edited),
				chromedp.Click(cell(failing, `[data-action="run"]`)),
				wait(result+`.getAttribute("data-verdict") === "fail"`),
				chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); document.querySelector('`+cell(failing, "")+`').scrollIntoView({block: "start"}); window.scrollBy(0, -70)`),
			)
		},
		func() error { return shoot("failing.png", chromedp.CaptureScreenshot()) },
		func() error {
			return chromedp.Do(ctx,
				chromedp.Click(cell(exercise, "button.show-answer")),
				chromedp.Evaluate[chromedp.Void](`document.querySelector('`+cell(exercise, ".cell-controls")+`').scrollIntoView({block: "start"}); window.scrollBy(0, -160)`),
			)
		},
		func() error { return shoot("exercise.png", chromedp.CaptureScreenshot()) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// startServer serves the lessons of dir on a free loopback port; it
// returns the server's URL, the path of its login link and how to stop
// it.
func startServer(dir string) (url, login string, stop func(), err error) {
	lib, err := serve.Dir(dir)
	if err != nil {
		return "", "", nil, err
	}
	course, err := lesson.ReadCourse(os.DirFS(dir), ".")
	if err != nil {
		return "", "", nil, err
	}
	set, err := wiring.New(wiring.Auto, compiled.DefaultCacheDir())
	if err != nil {
		return "", "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		set.Close()
		return "", "", nil, err
	}
	s, err := serve.New(serve.Config{Library: lib, Course: course, Engines: set}, ln.Addr().String())
	if err != nil {
		set.Close()
		ln.Close()
		return "", "", nil, err
	}
	srv := &http.Server{Handler: s.Handler()}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), s.LoginPath("/"), func() { srv.Close(); set.Close() }, nil
}

// browser starts headless Chromium.
func browser() (context.Context, context.CancelFunc) {
	path := cmp.Or(os.Getenv("CHROME"), "/usr/bin/chromium")
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("lang", "zh-CN"))
	ctx, cancelCtx := chromedp.NewContext(actx)
	return ctx, func() { cancelCtx(); cancelAlloc() }
}
