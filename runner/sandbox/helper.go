package sandbox

import (
	"context"
	"embed"
	"errors"
	"os"
	"sync"

	"bingfa/internal/selfbuild"
	"bingfa/internal/spawn"
)

// sources are this package's own files: the init's helper is built from
// them.
//
//go:embed *.go
var sources embed.FS

// The init and the program's parent are started twice per run. bingfa's
// own executable would do (MaybeInit), but its packages take tens of
// milliseconds to initialise (syntax highlighting tables, the
// interpreter's symbols) before main even starts: instead, where the Go
// toolchain is, the sandbox builds once a small program from this
// package's own sources (package selfbuild: kept in bingfa's cache,
// $BINGFA_CACHE/sandbox, with its SHA-256 checked before each use) and
// starts that.
var helper = sync.OnceValue(func() string {
	p, err := buildHelper()
	if err != nil {
		return ""
	}
	return p
})

// initExecutable returns the executable to start as the init: the helper,
// or this process's own executable where it cannot be built.
func initExecutable() (string, error) {
	if p := helper(); p != "" {
		return p, nil
	}
	return os.Executable()
}

// helperCommand is the helper to build: a main that calls MaybeInit, in
// a module with bingfa's path and the packages this one imports.
var helperCommand = sync.OnceValues(func() (*selfbuild.Command, error) {
	files := map[string][]byte{
		"go.mod":  []byte("module bingfa\n\ngo 1.26\n"),
		"main.go": []byte("package main\n\nimport \"bingfa/runner/sandbox\"\n\nfunc main() { sandbox.MaybeInit() }\n"),
	}
	err := errors.Join(selfbuild.Embedded(files, sources, "runner/sandbox"),
		selfbuild.Embedded(files, selfbuild.Sources, "internal/selfbuild"),
		selfbuild.Embedded(files, spawn.Sources, "internal/spawn"))
	return &selfbuild.Command{Dir: "sandbox", Name: "init", Files: files,
		Args: []string{"-trimpath", "-ldflags=-w", "."},
		Env:  []string{"GOFLAGS=", "GOENV=off", "CGO_ENABLED=0"}}, err
})

// buildHelper returns the helper, building it first if it is not in the
// cache or no longer matches its recorded hash.
func buildHelper() (string, error) {
	c, err := helperCommand()
	if err != nil {
		return "", err
	}
	return c.Build(context.Background())
}

// helperEnv is the environment of a helper process (the init, the
// program's parent, the launcher) started with the settings js. Their Go
// runtime runs with one P (GOMAXPROCS=1): they mostly wait, and with more
// Ps each goroutine they start or wake starts an idle P's thread spinning
// for work (BenchmarkRun/limits: 9.3 -> 8.45 ms of CPU a run, the same
// wall time). The program's environment is its own (settings.Env).
func helperEnv(js []byte) []string {
	return []string{initEnv + "=" + string(js), "GOMAXPROCS=1"}
}
