package yaegi

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"

	"bingfa/internal/selfbuild"
	"bingfa/internal/spawn"
	"bingfa/runner/route"
	"bingfa/runner/yaegi/protocol"
)

// sources are the worker's own files and the protocol's: the worker is
// built from them, and from package route/static's (route.StaticSources)
// and those of internal/spawn and internal/selfbuild, which it imports.
//
//go:embed worker/*.go protocol/*.go
var sources embed.FS

// workerCommand is the command the worker is built as (package
// selfbuild): in a module with bingfa's path, so that the embedded
// sources keep their import paths, with bingfa's own build flags, so
// that the standard library they compiled is reused from GOCACHE, and in
// the background: what runs in the foreground goes first.
var workerCommand = sync.OnceValues(func() (*selfbuild.Command, error) {
	files := map[string][]byte{"go.mod": []byte(workerGoMod), "go.sum": []byte(yaegiSums)}
	err := selfbuild.Embedded(files, sources, "runner/yaegi")
	if err == nil {
		err = selfbuild.Embedded(files, route.StaticSources, "runner/route")
	}
	if err == nil { // the static check starts its go lists with it
		err = selfbuild.Embedded(files, spawn.Sources, "internal/spawn")
	}
	if err == nil { // and replaces its file of export data with it
		err = selfbuild.Embedded(files, selfbuild.Sources, "internal/selfbuild")
	}
	return &selfbuild.Command{Dir: "yaegi", Name: "worker", Files: files,
		Args: []string{"./runner/yaegi/worker"}, Env: []string{"GOFLAGS=-mod=readonly"},
		Nice: 10, Check: handshake}, err
})

// A binary is the worker's executable, built once per process in the
// background (and once per machine: it is kept in bingfa's cache under a
// hash of its sources). A build that was stopped, because every engine
// using it was closed, starts again on the next need.
type binary struct {
	mu    sync.Mutex
	cur   *attempt // nil before the first need
	users int      // engines open
}

// An attempt is one build of the worker (or its lookup in the cache).
type attempt struct {
	done   chan struct{} // closed once path or err is set
	path   string
	err    error
	cancel context.CancelFunc
}

// theWorker is this process's worker executable: every engine of the
// process shares it.
var theWorker = &binary{}

// open counts an engine that uses the binary.
func (b *binary) open() {
	b.mu.Lock()
	b.users++
	b.mu.Unlock()
}

// close uncounts an engine; when none is left, a build under way is
// stopped (its go command interrupted) and waited for.
func (b *binary) close() {
	b.mu.Lock()
	b.users--
	a := b.cur
	last := b.users == 0
	b.mu.Unlock()
	if last && a != nil {
		a.cancel()
		<-a.done
	}
}

// start starts building the worker in the background, unless it is built
// or being built, and returns the attempt.
func (b *binary) start() *attempt {
	b.mu.Lock()
	defer b.mu.Unlock()
	if a := b.cur; a != nil && !(a.ended() && errors.Is(a.err, context.Canceled)) {
		return a
	}
	ctx, cancel := context.WithCancel(context.Background())
	a := &attempt{done: make(chan struct{}), cancel: cancel}
	b.cur = a
	go func() {
		a.path, a.err = buildWorker(ctx)
		close(a.done)
	}()
	return a
}

// ready reports whether the worker is built and answers the handshake,
// or is at least in the cache (it is then checked in a few tens of
// milliseconds): a Run need not wait for a build.
func (b *binary) ready() bool {
	if a := b.last(); a != nil && a.ended() && a.err == nil {
		return true
	}
	return cached()
}

// failed returns why the last build failed, or nil (none failed, or
// none ended yet).
func (b *binary) failed() error {
	if a := b.last(); a != nil && a.ended() && !errors.Is(a.err, context.Canceled) {
		return a.err
	}
	return nil
}

// last returns the last attempt, or nil before the first need.
func (b *binary) last() *attempt {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cur
}

// ended reports whether the attempt has ended.
func (a *attempt) ended() bool { return isClosed(a.done) }

// isClosed reports whether ch, which is only ever closed, has been.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// wait starts the build if needed and waits for it, or for ctx.
func (b *binary) wait(ctx context.Context) (string, error) {
	a := b.start()
	select {
	case <-a.done:
		return a.path, a.err
	case <-ctx.Done():
		return "", context.Cause(ctx)
	}
}

// cached reports whether a worker built from these sources is in the
// cache (not yet checked).
func cached() bool {
	c, err := workerCommand()
	return err == nil && c.Cached()
}

// buildWorker returns the worker, building it first if it is not in the
// cache, no longer matches its recorded hash or does not answer the
// handshake.
func buildWorker(ctx context.Context) (string, error) {
	c, err := workerCommand()
	if err != nil {
		return "", err
	}
	return c.Build(ctx)
}

// handshake checks that bin is a worker speaking this protocol.
func handshake(bin string) error {
	out, err := exec.Command(bin, "-protocol").Output()
	if err != nil {
		return fmt.Errorf("the yaegi worker %s does not answer: %v", bin, err)
	}
	if string(out) != protocol.Handshake() {
		return fmt.Errorf("the yaegi worker %s speaks %q, not %q", bin, strings.TrimSpace(string(out)), strings.TrimSpace(protocol.Handshake()))
	}
	return nil
}
