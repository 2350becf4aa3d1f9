package yaegi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"bingfa/runner/sandbox"
	"bingfa/runner/yaegi/protocol"
)

// sources are the worker's own files and the protocol's: the worker is
// built from them.
//
//go:embed worker/*.go protocol/*.go
var sources embed.FS

// workerPkg is the worker's package in the module it is built in.
const workerPkg = "./runner/yaegi/worker"

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
	if a := b.cur; a != nil {
		select {
		case <-a.done:
			if !errors.Is(a.err, context.Canceled) {
				return a
			}
		default:
			return a
		}
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
	b.mu.Lock()
	a := b.cur
	b.mu.Unlock()
	if a != nil {
		select {
		case <-a.done:
			if a.err == nil {
				return true
			}
		default:
		}
	}
	return cached()
}

// failed returns why the last build failed, or nil (none failed, or
// none ended yet).
func (b *binary) failed() error {
	b.mu.Lock()
	a := b.cur
	b.mu.Unlock()
	if a == nil {
		return nil
	}
	select {
	case <-a.done:
		if errors.Is(a.err, context.Canceled) {
			return nil
		}
		return a.err
	default:
		return nil
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
	_, key, err := workerSources()
	if err != nil {
		return false
	}
	dir, err := workerDir()
	if err != nil {
		return false
	}
	_, err = os.Stat(filepath.Join(dir, "worker-"+key+".sum"))
	return err == nil
}

// workerDir is where workers are kept: $BINGFA_CACHE/yaegi, or
// bingfa/yaegi in the user's cache directory (or else the temporary
// directory), as package compiled keeps its binaries.
func workerDir() (string, error) {
	if d := os.Getenv("BINGFA_CACHE"); d != "" {
		return filepath.Join(d, "yaegi"), nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return filepath.Join(d, "bingfa", "yaegi"), nil
}

// buildWorker returns the worker built from sources, building it first if
// it is not in the cache, no longer matches its recorded hash or does not
// answer the handshake. Builds in other processes wait on a lock file, and
// then find the worker built.
func buildWorker(ctx context.Context) (string, error) {
	files, key, err := workerSources()
	if err != nil {
		return "", err
	}
	dir, err := workerDir()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "worker-"+key)
	if usable(bin) == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	unlock, err := lock(ctx, filepath.Join(dir, "lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if usable(bin) == nil { // built by another process meanwhile
		return bin, nil
	}
	return bin, build(ctx, dir, files, bin)
}

// build writes files into a new module under dir, builds the worker from
// it into bin, and checks that it answers the handshake.
func build(ctx context.Context, dir string, files map[string][]byte, bin string) error {
	work, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	for name, data := range files {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	out := filepath.Join(work, "worker")
	tmp := filepath.Join(work, "tmp") // go's own, removed with work
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, workerPkg)
	cmd.Dir = work
	// Offline, from the module cache that building bingfa filled; the
	// same flags as go build and go test of bingfa itself, so that the
	// standard library they compiled is reused from GOCACHE.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off", "GO111MODULE=on",
		"GOTOOLCHAIN=local", "GOPROXY=off", "GOTMPDIR="+tmp)
	// Stopped, go and its compilers are interrupted (go then removes its
	// temporary files), and killed if they do not end.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	cmd.WaitDelay = 5 * time.Second
	var msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = &msg, &msg
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("building the yaegi worker: %v", err)
	}
	// A background build: whatever runs in the foreground goes first (the
	// compiler's processes inherit the priority).
	_ = syscall.Setpriority(syscall.PRIO_PGRP, cmd.Process.Pid, 10)
	err = cmd.Wait()
	endGroup(cmd.Process.Pid) // what go left behind: its compilers, its linker
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("building the yaegi worker: %v\n%s", err, msg.Bytes())
	}
	if err := handshake(out); err != nil {
		return err
	}
	sum, err := sandbox.FileSum(out)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out+".sum", []byte(sum+"\n"), 0o444); err != nil {
		return err
	}
	if err := os.Rename(out+".sum", bin+".sum"); err != nil {
		return err
	}
	return os.Rename(out, bin)
}

// workerSources returns the files of the worker's module, and a key
// naming the worker built from them.
func workerSources() (map[string][]byte, string, error) {
	s := sourcesOnce()
	return s.files, s.key, s.err
}

var sourcesOnce = sync.OnceValue(func() (s struct {
	files map[string][]byte
	key   string
	err   error
}) {
	s.files, s.key, s.err = readSources()
	return s
})

// readSources reads the files of the worker's module and computes their
// key.
func readSources() (map[string][]byte, string, error) {
	files := map[string][]byte{"go.mod": []byte(workerGoMod), "go.sum": []byte(yaegiSums)}
	err := fs.WalkDir(sources, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := sources.ReadFile(p)
		files[path.Join("runner/yaegi", p)] = data
		return err
	})
	if err != nil {
		return nil, "", err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version(), runtime.GOOS, runtime.GOARCH, protocol.Version)
	for _, n := range names {
		fmt.Fprintf(h, "%s %d\n", n, len(files[n]))
		h.Write(files[n])
	}
	return files, hex.EncodeToString(h.Sum(nil))[:24], nil
}

// usable returns why bin cannot be used as the worker: missing, not the
// binary whose SHA-256 was recorded, or speaking another protocol.
func usable(bin string) error {
	want, err := os.ReadFile(bin + ".sum")
	if err != nil {
		return err
	}
	got, err := sandbox.FileSum(bin)
	if err != nil {
		return err
	}
	if got != strings.TrimSpace(string(want)) {
		return fmt.Errorf("%s: not the binary that was built", bin)
	}
	return handshake(bin)
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

// endGroup kills what is left of process group pgid and waits (up to a
// few seconds) until it is gone, reaping the members that were reparented
// to this process (a child subreaper).
func endGroup(pgid int) {
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		var ws syscall.WaitStatus
		_, _ = syscall.Wait4(-pgid, &ws, syscall.WNOHANG, nil)
		if syscall.Kill(-pgid, 0) == syscall.ESRCH {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// lock takes an exclusive lock on the file p, waiting for it or for ctx.
func lock(ctx context.Context, p string) (unlock func(), err error) {
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if err != syscall.EWOULDBLOCK {
			f.Close()
			return nil, err
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
