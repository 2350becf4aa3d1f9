package compiled

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bingfa/runner/engine"
)

// The one-link dispatcher: most of a build of a new small program is
// linking it, so that a cold check of many new blocks spends its time
// linking one binary per block. A dispatcher is one binary for many
// blocks: each block (one that dispatchable accepts) is compiled as a
// package of its own, its package clause renamed to one that carries
// dispatchToken (its func main kept, called by a function the dispatcher
// adds), behind one generated main; one go build, one link.
//
// Each block's binary is a hard link to the dispatcher, in the cache
// under the block's key (see cache.storeLinks): the dispatcher runs the
// block whose key is the base name of its own executable. A block sees
// what it would see in a build of its own: its os.Args and environment
// are untouched, and os.Executable (or /proc/self/exe), which it may
// re-execute, names the same link, so the child runs the same block.
//
// What a block shows of its build — its type names (%T, %#v, error
// messages), the frames of a panic or a fatal error — names the renamed
// package, hence the token. A run of a dispatched block is trusted only
// if its output (and the files it must write) do not hold the token and
// it exited with status 0 by itself (see trusted): any other run's
// output is thrown away, the block is built alone, as without the
// dispatcher, and run again (Run). The output of a dispatched run is
// held until it ends, to be thrown away or passed on.
//
// Only Prepare with a context that is not background uses dispatchers
// (check's builds; a server's background builds keep chunked builds,
// whose runs show their output as it comes), and only for at least
// dispatchMin new programs that dispatchable accepts, built in
// dispatchers of growing size (dispatchChunks).

// dispatchToken is in the package name of every dispatched block, and in
// nothing else: a program's output that holds it shows its build.
const dispatchToken = "bingfadispatch"

// dispatchMain is the function the dispatcher adds to each block's
// package, which calls its main.
const dispatchMain = "BingfadispatchMain"

// DefaultDispatchMin is the least number of new programs that a Prepare
// builds with dispatchers (see SetDispatch).
const DefaultDispatchMin = 8

// SetDispatch has Prepare build new programs with dispatchers when at
// least min of them can be (0: never). The default is
// DefaultDispatchMin, or $BINGFA_DISPATCH when set: "off" or a number.
func (e *Engine) SetDispatch(min int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.dispatchMin = min
}

// dispatchFromEnv returns the dispatch threshold that $BINGFA_DISPATCH
// sets, or DefaultDispatchMin.
func dispatchFromEnv() int {
	v := os.Getenv("BINGFA_DISPATCH")
	if v == "off" {
		return 0
	}
	var n int
	if _, err := fmt.Sscan(v, &n); err == nil && n >= 0 {
		return n
	}
	return DefaultDispatchMin
}

// dispatchSteps splits jobs, in order, into the steps of a Prepare: when
// at least the engine's threshold of them can be dispatched, those are
// built in dispatchers of growing size (the first small, so that the
// first programs can start soon) and the others in chunks as usual.
func (e *Engine) dispatchSteps(jobs []job, bg bool) (dispatched [][]job, rest []job) {
	e.mu.Lock()
	min := e.dispatchMin
	e.mu.Unlock()
	if bg || min == 0 || len(jobs) < min || jobs[0].p.Race {
		return nil, jobs
	}
	var yes []job
	for _, j := range jobs {
		if dispatchable(j.p) {
			yes = append(yes, j)
		} else {
			rest = append(rest, j)
		}
	}
	if len(yes) < min {
		return nil, jobs
	}
	return dispatchChunks(yes), rest
}

// firstDispatch is the size of the first dispatcher of a Prepare; each
// next one is four times as large, up to maxDispatch.
const firstDispatch, maxDispatch = 8, 256

// dispatchChunks splits jobs into dispatchers of growing size.
func dispatchChunks(jobs []job) [][]job {
	var cs [][]job
	for n := firstDispatch; len(jobs) > 0; n = min(4*n, maxDispatch) {
		k := min(n, len(jobs))
		if len(jobs)-k < k/2 {
			k = len(jobs) // no small dispatcher last
		}
		cs = append(cs, jobs[:k])
		jobs = jobs[k:]
	}
	return cs
}

// dispatchBatch builds jobs into one dispatcher and finishes their
// builds. Jobs whose programs do not compile there are built as usual
// (batch), for the messages of their own build; the others into a
// dispatcher again, once. When the dispatcher cannot be built at all,
// every job is built as usual.
func (e *Engine) dispatchBatch(ctx context.Context, jobs []job) {
	for try := 0; len(jobs) > 1 && try < 2; try++ {
		start := time.Now()
		res, blamed := e.buildDispatcher(ctx, jobs)
		if res == nil && blamed == nil {
			break
		}
		if res != nil {
			e.finish(jobs, res, time.Since(start))
			return
		}
		var others []job
		for i, j := range jobs {
			if !blamed[i] {
				others = append(others, j)
			}
		}
		var own []job
		for i, j := range jobs {
			if blamed[i] {
				own = append(own, j)
			}
		}
		e.batch(ctx, own)
		jobs = others
	}
	e.batch(ctx, jobs)
}

// buildDispatcher builds one dispatcher of jobs and returns each job's
// result, or, when it could not be built, which jobs go build blamed
// (nil when none).
func (e *Engine) buildDispatcher(ctx context.Context, jobs []job) ([]jobResult, []bool) {
	r := &buildResult{e: e}
	work, err := e.cache.workDir()
	if err != nil {
		return nil, nil
	}
	defer os.RemoveAll(work)
	r.work = work
	if err := writeDispatcher(work, jobs); err != nil {
		return nil, nil
	}
	e.goCommand(ctx, r, []string{"./" + dispatchToken}, false)
	built := filepath.Join(work, "out", dispatchToken)
	if _, err := os.Stat(built); err != nil {
		var blamed []bool
		for i := range jobs {
			if len(r.diags[dispatchDir(i)]) > 0 || len(r.other[dispatchDir(i)]) > 0 {
				if blamed == nil {
					blamed = make([]bool, len(jobs))
				}
				blamed[i] = true
			}
		}
		return nil, blamed
	}
	keys := make([]string, len(jobs))
	for i, j := range jobs {
		keys[i] = j.key
	}
	bins, err := e.cache.storeLinks(keys, built)
	if err != nil {
		return nil, nil
	}
	res := make([]jobResult, len(jobs))
	for i := range jobs {
		res[i] = jobResult{bin: bins[i], dispatched: true}
	}
	return res, nil
}

// dispatchDir is the directory, and the package name, of the i'th block
// of a dispatcher.
func dispatchDir(i int) string { return fmt.Sprintf("%s%d", dispatchToken, i) }

// writeDispatcher writes the module of a dispatcher of jobs into work:
// each block's package, and the dispatcher's main package.
func writeDispatcher(work string, jobs []job) error {
	if err := writeGoMod(work, modulePath, nil); err != nil {
		return err
	}
	for i, j := range jobs {
		dir := filepath.Join(work, dispatchDir(i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		src, err := renamed(withoutConstraints(j.p.Source), dispatchDir(i))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), named(j.p, src), 0o644); err != nil {
			return err
		}
		call := fmt.Sprintf("package %s\n\nfunc %s() { main() }\n", dispatchDir(i), dispatchMain)
		if err := os.WriteFile(filepath.Join(dir, dispatchToken+".go"), []byte(call), 0o644); err != nil {
			return err
		}
	}
	dir := filepath.Join(work, dispatchToken)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.go"), dispatcherMain(jobs), 0o644)
}

// renamed returns src, a package main, with its package clause naming
// pkg: nothing else moves.
func renamed(src []byte, pkg string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.PackageClauseOnly)
	if err != nil {
		return nil, err
	}
	at := fset.Position(f.Name.Pos()).Offset
	out := append([]byte(nil), src[:at]...)
	out = append(out, pkg...)
	return append(out, src[at+len(f.Name.Name):]...), nil
}

// dispatcherMain returns the dispatcher's main package: it runs the block
// named by its executable's base name.
func dispatcherMain(jobs []job) []byte {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"os\"\n\n")
	for i := range jobs {
		fmt.Fprintf(&b, "\tb%d %q\n", i, modulePath+"/"+dispatchDir(i))
	}
	b.WriteString(`)

func main() {
	name, _ := os.Executable()
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			name = name[i+1:]
			break
		}
	}
	switch name {
`)
	for i, j := range jobs {
		fmt.Fprintf(&b, "\tcase %q:\n\t\tb%d.%s()\n", j.key, i, dispatchMain)
	}
	fmt.Fprintf(&b, `	default:
		os.Stderr.WriteString(%q + name + "\n")
		os.Exit(2)
	}
}
`, dispatchToken+": no block is named ")
	return []byte(b.String())
}

// trusted reports whether the run of a dispatched block shows what a
// build of its own would: it exited by itself with status 0, and neither
// its output nor the files it wrote hold the token.
func trusted(out *engine.Outcome) bool {
	if out.Err != nil || out.Exit != 0 || out.Signal != "" {
		return false
	}
	for _, ev := range out.Events {
		if holdsToken(ev.Data) {
			return false
		}
	}
	for _, f := range out.Files {
		if holdsToken(f.Data) {
			return false
		}
	}
	return true
}

func holdsToken(b []byte) bool {
	return strings.Contains(strings.ToLower(string(b)), dispatchToken)
}
