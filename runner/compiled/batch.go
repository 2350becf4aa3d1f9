package compiled

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
)

// modulePath is the module programs are built in. Positions do not show
// it: each program's source starts with a //line directive (see named).
const modulePath = "bingfa.build"

// buildFlags returns the go build flags of p.
func buildFlags(p *engine.Program) []string { return BuildFlags(p.Race) }

// BuildFlags returns the flags with which programs are built, with or
// without the race detector. -ldflags=-w leaves out the DWARF tables,
// which only debuggers read (stack traces and race reports come from the
// runtime's own tables): linking is most of a build of a small program,
// and a quarter of a link is writing them. A go command that compiles
// standard packages with these flags and BuildEnv (go list -export, say)
// fills the build cache with what go build will want: on a cold cache,
// the standard library is compiled once, not twice.
func BuildFlags(race bool) []string {
	if race {
		return []string{"-trimpath", "-ldflags=-w", "-race"}
	}
	return []string{"-trimpath", "-ldflags=-w"}
}

// builds returns the build of each program, starting one batch build for
// those neither cached nor already being built. Unless ctx is marked
// engine.Background, the builds are urgent: they go before background
// ones (see priority.go).
func (e *Engine) builds(ctx context.Context, ps []*engine.Program) []*build {
	urgent := !engine.IsBackground(ctx)
	out, groups := e.plan(ps, urgent)
	for _, jobs := range groups {
		e.batches.Add(1)
		go func() {
			defer e.batches.Done()
			e.batch(e.life, jobs)
			if urgent {
				e.calmed()
			}
		}()
	}
	return out
}

// plan returns the build of each program: cached, known broken, already
// being built, or new. New builds are registered as being built and
// returned as jobs grouped by build flags, in the order of ps; the caller
// must run them with batch. Urgent builds are counted until the caller
// calls calmed, one per group, and take their programs out of the
// background builds that have not started. Programs are hashed, looked
// up in the cache and parsed before the engine's lock is taken.
func (e *Engine) plan(ps []*engine.Program, urgent bool) ([]*build, [][]job) {
	out := make([]*build, len(ps))
	tool, err := e.cache.tool(e.goCmd)
	keys, bins, diags := make([]string, len(ps)), make([]entry, len(ps)), make([][]engine.Diag, len(ps))
	for i, p := range ps {
		if err != nil {
			out[i] = failed(engine.Failuref(engine.Broken, "%v", err))
			continue
		}
		keys[i] = e.cache.key(tool, buildFlags(p), buildInput(p))
		if bins[i], _ = e.cache.lookup(keys[i]); bins[i].bin == "" {
			diags[i] = precheck(p)
		}
	}
	var byRace [2][]job // the build flags differ only by -race
	add := func(j job) {
		r := 0
		if j.p.Race {
			r = 1
		}
		byRace[r] = append(byRace[r], j)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, p := range ps {
		switch b, key := e.known(keys[i]), keys[i]; {
		case out[i] != nil:
		case b != nil && urgent && b.step != nil && !b.step.started:
			out[i] = b
			add(e.takeOut(b, key))
		case b != nil && urgent && b.waitsIn() && !e.raise(b.step):
			// Its background build may not be raised: build it now,
			// beside it (the flight stays the background build's).
			out[i] = &build{done: make(chan struct{})}
			add(job{key: key, p: p, b: out[i]})
		case b != nil:
			out[i] = b
		case bins[i].bin != "":
			out[i] = &build{done: closed(), bin: bins[i].bin, cached: true, dispatched: bins[i].dispatched}
		case diags[i] != nil:
			out[i] = failed(&engine.BuildError{Diags: diags[i]})
			e.remember(key, out[i])
		default:
			out[i] = &build{done: make(chan struct{})}
			e.flight[key] = out[i]
			add(job{key: key, p: p, b: out[i]})
		}
	}
	groups := slices.DeleteFunc(byRace[:], func(g []job) bool { return len(g) == 0 })
	if urgent {
		e.urgent += len(groups)
	}
	return out, groups
}

// known returns the build of key if it is being built or known not to
// compile; otherwise nil. e.mu must be held.
func (e *Engine) known(key string) *build {
	if b, ok := e.flight[key]; ok {
		return b
	}
	return e.broken[key]
}

// remember keeps a program that did not compile, so that it is not built
// again. e.mu must be held.
func (e *Engine) remember(key string, b *build) {
	if len(e.broken) >= maxBroken {
		clear(e.broken)
	}
	e.broken[key] = b
}

// A job is one program of a batch build.
type job struct {
	key string
	p   *engine.Program
	b   *build
}

func (j job) dir() string { return "p" + j.key }

func closed() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

func failed(err error) *build { return &build{done: closed(), err: err} }

// batch builds jobs (all with the same flags) in one go build invocation
// and finishes each job's build. It runs for the engine's lifetime, not
// the request that started it: other requests may wait for the same
// binaries.
func (e *Engine) batch(ctx context.Context, jobs []job) {
	if len(jobs) == 0 {
		return
	}
	start := time.Now()
	res := e.buildJobs(ctx, jobs)
	e.finish(jobs, res, time.Since(start))
}

// finish finishes each job's build with its result.
func (e *Engine) finish(jobs []job, res []jobResult, took time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, j := range jobs {
		j.b.took = took
		j.b.bin, j.b.err, j.b.dispatched = res[i].bin, res[i].err, res[i].dispatched
		if e.flight[j.key] == j.b {
			delete(e.flight, j.key)
		}
		if _, ok := j.b.err.(*engine.BuildError); ok {
			e.remember(j.key, j.b)
		}
		close(j.b.done)
	}
}

// A jobResult is a job's binary in the cache, or why there is none.
type jobResult struct {
	bin        string
	err        error
	dispatched bool // bin is a dispatcher's link
}

// buildJobs builds jobs with go build and returns each job's result. A
// program that fails to load (a go:embed pattern without files, an
// unknown import) stops go build from building any of the others: the
// programs that got neither a binary nor a message of their own are built
// again without it, or, when no program was blamed, in halves, so that
// one broken program never fails the others.
func (e *Engine) buildJobs(ctx context.Context, jobs []job) []jobResult {
	res := e.goBuild(ctx, jobs)
	if res.work != "" {
		defer os.RemoveAll(res.work)
	}
	out := make([]jobResult, len(jobs))
	var again []int
	for i, j := range jobs {
		out[i].bin, out[i].err = res.result(j)
		if out[i].err != nil && !res.blames(j) && !res.aborted && len(jobs) > 1 {
			again = append(again, i)
		}
	}
	if len(again) == 0 {
		return out
	}
	var parts [][]int
	if len(again) < len(jobs) {
		parts = [][]int{again}
	} else {
		parts = [][]int{again[:len(again)/2], again[len(again)/2:]}
	}
	for _, part := range parts {
		sub := make([]job, len(part))
		for k, i := range part {
			sub[k] = jobs[i]
		}
		for k, r := range e.buildJobs(ctx, sub) {
			out[part[k]] = r
		}
	}
	return out
}

// buildResult is what one go build invocation produced.
type buildResult struct {
	e       *Engine
	work    string              // the work directory, removed by the caller
	diags   map[string][]diag   // by program directory
	other   map[string][]string // messages without a position, by directory
	failed  error               // the whole build failed (no diagnostics)
	aborted bool                // ... because it was stopped (timeout, cancel)
}

// goBuild writes the programs into a fresh module and builds them all.
func (e *Engine) goBuild(ctx context.Context, jobs []job) *buildResult {
	r := &buildResult{e: e}
	work, err := e.cache.workDir()
	if err != nil {
		r.failed = engine.Failuref(engine.Broken, "cannot create a build directory: %v", err)
		return r
	}
	r.work = work
	if err := writeModule(work, jobs); err != nil {
		r.failed = engine.Failuref(engine.Broken, "cannot write programs: %v", err)
		return r
	}
	var pkgs []string
	for _, j := range jobs {
		pkgs = append(pkgs, "./"+j.dir())
	}
	e.goCommand(ctx, r, pkgs, jobs[0].p.Race)
	return r
}

// goCommand runs go build of pkgs, packages of the module in r.work,
// into r.work/out, and reads its messages into r.
func (e *Engine) goCommand(ctx context.Context, r *buildResult, pkgs []string, race bool) {
	work := r.work
	args := append([]string{"build", "-json", "-o", filepath.Join(work, "out") + string(filepath.Separator)}, BuildFlags(race)...)
	args = append(args, pkgs...)
	tmp := filepath.Join(work, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		r.failed = engine.Failuref(engine.Broken, "cannot create a build directory: %v", err)
		return
	}
	cmd := exec.Command(e.goCmd, args...)
	cmd.Dir = work
	// go build's own temporary files (GOTMPDIR), and those of the C
	// compiler of race builds (TMPDIR), go into the work directory, which
	// is removed after the build, even one that is interrupted, and swept
	// at start when a killed bingfa left it (see cache.trim): nothing is
	// left in the user's TMPDIR.
	cmd.Env = append(BuildEnv(race), "GOTMPDIR="+tmp, "TMPDIR="+tmp)
	if !engine.IsBackground(ctx) {
		defer e.firstBuild(ctx, race)()
	}
	ctx, cancel := withTimeout(ctx)
	defer cancel()
	cfg := proc.Config{Timeout: 10 * time.Minute, MaxOutput: 4 << 20, Split: true}
	if s := stepOf(ctx); s != nil {
		cfg.Started = e.lowPriority(cmd, s)
	}
	out := proc.Run(ctx, cmd, cfg)
	var text string
	r.diags, r.other, text = parseBuild(out.Text(engine.Stdout))
	if out.Err != nil || (out.Exit != 0 && len(r.diags) == 0 && len(r.other) == 0) {
		r.failed = engine.Failuref(engine.Broken, "go build failed: %v\n%s%s", out.Err, out.Text(engine.Stderr), text)
		r.aborted = out.Err != nil
	}
}

// blames reports whether go build gave a message about j's own program.
func (r *buildResult) blames(j job) bool {
	return len(r.diags[j.dir()]) > 0 || len(r.other[j.dir()]) > 0
}

// result returns j's binary, moved into the cache, or why there is none.
func (r *buildResult) result(j job) (string, error) {
	if ds := r.diags[j.dir()]; len(ds) > 0 || len(r.other[j.dir()]) > 0 {
		return "", r.buildError(j, ds)
	}
	built := filepath.Join(r.work, "out", j.dir())
	if _, err := os.Stat(built); r.work == "" || err != nil {
		if r.failed != nil {
			return "", r.failed
		}
		return "", engine.Failuref(engine.Broken, "go build produced no binary for %s", j.p.ID)
	}
	return r.e.cache.store(j.key, built)
}

// buildError maps a program's compiler messages to its lesson.
func (r *buildResult) buildError(j job, ds []diag) *engine.BuildError {
	be := &engine.BuildError{}
	for _, d := range ds {
		be.Diags = append(be.Diags, d.at(j.p))
	}
	for _, msg := range r.other[j.dir()] {
		be.Diags = append(be.Diags, engine.Diag{Path: j.p.Path, Line: j.p.Line, Msg: msg})
	}
	return be
}

// writeModule writes go.mod and each program's main.go into work.
func writeModule(work string, jobs []job) error {
	var srcs [][]byte
	for _, j := range jobs {
		srcs = append(srcs, j.p.Source)
	}
	if err := writeGoMod(work, modulePath, needed(srcs...)); err != nil {
		return err
	}
	for _, j := range jobs {
		dir := filepath.Join(work, j.dir())
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		for name, src := range sources(j.p) {
			if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
				return err
			}
		}
		if embeds(j.p) {
			if err := writeFiles(dir, j.p.Files); err != nil {
				return err
			}
		}
	}
	return nil
}

// withoutConstraints blanks the build constraints (//go:build, // +build)
// before the package clause: a block is one program that is always meant
// to be built, as go run file.go builds it, and "//go:build ignore" at the
// top of an example must not make its package empty. Lines are kept, so
// positions do not move.
func withoutConstraints(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	changed := false
	for i, l := range lines {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte("package ")) {
			break
		}
		if bytes.HasPrefix(t, []byte("//go:build")) || bytes.HasPrefix(t, []byte("// +build")) {
			lines[i] = []byte("//\n")
			changed = true
		}
	}
	if !changed {
		return src
	}
	return bytes.Join(lines, nil)
}

// BuildEnv returns the environment of go build: the user's, with settings
// that could break or slow a build of the programs overridden. Modules
// come from the module cache only (GOPROXY=off; see modules.go), and with
// GOFLAGS empty go build neither rewrites the build module's go.mod and
// go.sum, which are complete (-mod=readonly, the default), nor makes the
// files it may extract into the cache writable (-modcacherw). The race
// detector needs cgo; other programs build without it.
func BuildEnv(race bool) []string {
	cgo := "0"
	if race {
		cgo = "1"
	}
	return append(os.Environ(),
		"GOFLAGS=", "GOWORK=off", "GO111MODULE=on", "GOTOOLCHAIN=local",
		"GOPROXY=off", "GOENV=off", "CGO_ENABLED="+cgo)
}
