package main

import (
	"fmt"
	"os"

	"bingfa/lessons"
	"bingfa/runner/wiring"
	"bingfa/web/serve"
)

// serveCmd serves the lessons as web pages whose programs can be edited
// and run.
func serveCmd(args []string) error {
	fs := newFlags("serve", "usage: bingfa serve [flags] [PATH]\n\nPATH is a lesson file or a directory of lessons, reloaded when they change; default: ./lessons in a clone of bingfa (go.mod says module bingfa), else the embedded course.\n\n")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `ADDR`, a loopback address (to read from another machine, use an SSH tunnel)")
	mode := fs.String("engine", wiring.Auto, "`ENGINE`: auto, compiled, yaegi or both")
	jobs := fs.Int("j", 0, "programs run at once (default: number of CPUs)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 1 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		if dir := cloneLessons("."); dir != "" {
			paths = []string{dir}
			fmt.Fprintf(os.Stderr, "serving %s from disk (a clone of bingfa): pages reload when a lesson changes\n", dir)
		}
	}
	lib := serve.Embedded(lessons.FS)
	if len(paths) == 1 {
		var err error
		if lib, err = serve.Dir(paths[0]); err != nil {
			return err
		}
	}
	if _, err := lib.Lessons(); err != nil {
		return err
	}
	course, err := courseOf(paths)
	if err != nil {
		return err
	}
	set, err := wiring.New(*mode, compiledCache())
	if err != nil {
		return err
	}
	defer set.Close()
	ctx, stop := interruptible()
	defer stop()
	// Before the first request: warm interpreter workers (Serve builds
	// the course in the background).
	set.Warm()
	return portHint(serve.Serve(ctx, serve.Config{Library: lib, Course: course, Engines: set, Running: *jobs}, *addr, os.Stderr), *addr)
}
