package yaegi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"bingfa/internal/spawn"
	"bingfa/runner/engine"
	"bingfa/runner/route"
	"bingfa/runner/yaegi/protocol"
)

// ErrNotBuilt is why a Static does not check a program while the worker
// is not built (and it was not asked to wait): the block is compiled,
// and the build has started. Its text is a reason that package msg
// translates (why.pending), as is ErrNoWorker's (why.nointerp).
var ErrNotBuilt = errors.New("the interpreter is still being built")

// ErrNoWorker is why a Static does not check a program once the worker's
// build has failed (Engine.Failed says why).
var ErrNoWorker = errors.New("the interpreter could not be built")

// A Static is the static check (package route/static) as a route.Static,
// run by the worker as a process of its own: one per Static, started on
// first need once the worker is built, unsandboxed (it runs no program,
// only go/types and go list), in its own process group, and killed with
// bingfa (it gets SIGKILL when bingfa dies, and ends at the end of its
// input). Close stops it. It is safe for concurrent use.
type Static struct {
	cfg  protocol.StaticConfig
	wait bool // a check waits for the worker's build

	life context.Context // cancelled by Close
	stop context.CancelFunc

	mu     sync.Mutex
	proc   *staticProc // nil before the first need, or once it ended
	closed bool
}

// NewStatic returns the static check in the worker. Its go list runs
// with cfg's flags and environment (the compiled engine's: see
// static.Config), with go's temporary files under cfg.WorkDir ("" for
// go's default), which Close removes, and keeps where it found export
// data in cfg.ExportsFile ("" for nowhere). With wait, a check waits for
// the worker's build; without, a check before the worker is built fails
// with ErrNotBuilt and starts the build in the background.
func NewStatic(cfg protocol.StaticConfig, wait bool) *Static {
	life, stop := context.WithCancel(context.Background())
	theWorker.open()
	return &Static{cfg: cfg, wait: wait, life: life, stop: stop}
}

// Check implements route.Static.
func (s *Static) Check(ctx context.Context, src []byte) (route.Finding, error) {
	p, err := s.process(ctx, s.wait)
	if err != nil {
		return route.Finding{}, err
	}
	a, err := p.ask(ctx, protocol.StaticRequest{Op: protocol.OpCheck, Source: string(src)})
	if err != nil {
		return route.Finding{}, err
	}
	return route.Finding{Yaegi: a.Yaegi, Reason: a.Reason, Line: a.Line}, nil
}

// Preload implements route.Static. Before the worker is built it does
// nothing: there is nothing to check with yet.
func (s *Static) Preload(ctx context.Context, srcs [][]byte) {
	p, err := s.process(ctx, s.wait)
	if err != nil {
		return
	}
	req := protocol.StaticRequest{Op: protocol.OpPreload, Background: engine.IsBackground(ctx)}
	for _, src := range srcs {
		req.Sources = append(req.Sources, string(src))
	}
	_, _ = p.ask(ctx, req) // a failure is seen again by each check
}

// Warm starts the worker's build if needed and, once it is built, the
// static check's process, which loads the type information of common
// packages in the background. It returns at once.
func (s *Static) Warm() {
	go func() {
		p, err := s.process(s.life, true)
		if err == nil {
			_, _ = p.ask(s.life, protocol.StaticRequest{Op: protocol.OpWarm, Background: true})
		}
	}()
}

// Close stops the process and its go lists: it closes its input, which
// ends it, and kills its process group if it has not ended within a few
// seconds.
func (s *Static) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	p := s.proc
	s.mu.Unlock()
	s.stop()
	if p != nil {
		p.close()
	}
	if s.cfg.WorkDir != "" {
		os.RemoveAll(s.cfg.WorkDir)
	}
	theWorker.close()
}

// errClosed is the error of a check after Close.
var errClosed = errors.New("the static check is closed")

// process returns the static check's process, starting it if needed.
// Unless wait, it fails with ErrNotBuilt while the worker is not built,
// starting the build.
func (s *Static) process(ctx context.Context, wait bool) (*staticProc, error) {
	s.mu.Lock()
	p, closed := s.proc, s.closed
	s.mu.Unlock()
	switch {
	case closed:
		return nil, errClosed
	case p != nil && !p.ended():
		return p, nil
	case !wait && theWorker.failed() != nil:
		return nil, ErrNoWorker
	case !wait && !theWorker.ready():
		theWorker.start()
		return nil, ErrNotBuilt
	}
	exe, err := theWorker.wait(ctx)
	if err != nil {
		return nil, ErrNoWorker
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errClosed
	}
	if s.proc == nil || s.proc.ended() {
		if s.proc, err = startStatic(exe, s.cfg); err != nil {
			s.proc = nil
			return nil, fmt.Errorf("the static check's process: %v", err)
		}
	}
	return s.proc, nil
}

// A staticProc is a running static check's process.
type staticProc struct {
	cmd    *exec.Cmd
	stderr bytes.Buffer  // what it said, for its failure (read after done)
	done   chan struct{} // closed once it has ended
	err    error         // why it ended, set before done is closed

	wmu sync.Mutex // one request written at a time
	in  io.WriteCloser

	mu      sync.Mutex
	next    uint64
	pending map[uint64]chan protocol.StaticAnswer
}

// startStatic starts the worker exe as the static check's process.
func startStatic(exe string, cfg protocol.StaticConfig) (*staticProc, error) {
	cmd := exec.Command(exe, protocol.StaticArg)
	cmd.Env = append(os.Environ(), protocol.WorkerEnv+"=static")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p := &staticProc{cmd: cmd, done: make(chan struct{}), pending: map[uint64]chan protocol.StaticAnswer{}}
	cmd.Stderr = &limitedBuffer{buf: &p.stderr, max: 4 << 10}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := spawn.Start(cmd); err != nil { // dies with bingfa
		return nil, err
	}
	p.in = in
	go p.read(out)
	if err := p.write(cfg); err != nil {
		p.kill()
		return nil, err
	}
	return p, nil
}

// read reads the answers until the process ends, then fails the
// requests still waiting.
func (p *staticProc) read(out io.Reader) {
	dec := json.NewDecoder(bufio.NewReader(out))
	for {
		var a protocol.StaticAnswer
		if err := dec.Decode(&a); err != nil {
			break
		}
		p.mu.Lock()
		ch := p.pending[a.ID]
		delete(p.pending, a.ID)
		p.mu.Unlock()
		if ch != nil {
			ch <- a
		}
	}
	err := p.cmd.Wait()
	p.mu.Lock()
	p.err = fmt.Errorf("the static check's process ended (%v): %s", err, bytes.TrimSpace(p.stderr.Bytes()))
	p.pending = nil
	p.mu.Unlock()
	close(p.done)
}

// ask sends a request and waits for its answer, for ctx, or for the end
// of the process.
func (p *staticProc) ask(ctx context.Context, req protocol.StaticRequest) (protocol.StaticAnswer, error) {
	ch := make(chan protocol.StaticAnswer, 1)
	p.mu.Lock()
	if p.pending == nil {
		p.mu.Unlock()
		<-p.done
		return protocol.StaticAnswer{}, p.err
	}
	p.next++
	req.ID = p.next
	p.pending[req.ID] = ch
	p.mu.Unlock()
	if err := p.write(req); err != nil {
		p.kill() // a process that cannot be written to is of no use
	}
	select {
	case a := <-ch:
		if a.Err != "" {
			return a, errors.New(a.Err)
		}
		return a, nil
	case <-p.done:
		return protocol.StaticAnswer{}, p.err
	case <-ctx.Done():
		p.mu.Lock()
		if p.pending != nil {
			delete(p.pending, req.ID)
		}
		p.mu.Unlock()
		return protocol.StaticAnswer{}, context.Cause(ctx)
	}
}

// write writes one line of JSON to the process.
func (p *staticProc) write(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	p.wmu.Lock()
	defer p.wmu.Unlock()
	_, err = p.in.Write(append(b, '\n'))
	return err
}

// ended reports whether the process has ended.
func (p *staticProc) ended() bool { return isClosed(p.done) }

// staticGrace is how long close waits for the process to end by itself.
const staticGrace = 5 * time.Second

// close ends the process: the end of its input stops its go lists and
// ends it; if it has not ended after staticGrace, its process group is
// killed.
func (p *staticProc) close() {
	p.wmu.Lock()
	p.in.Close()
	p.wmu.Unlock()
	select {
	case <-p.done:
	case <-time.After(staticGrace):
		p.kill()
		<-p.done
	}
}

// kill kills the process's group: it and its go lists.
func (p *staticProc) kill() {
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
}

// A limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	mu  sync.Mutex
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(b[:min(len(b), room)])
	}
	return len(b), nil
}
