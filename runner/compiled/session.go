package compiled

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/proc"
	"bingfa/runner/sandbox"
)

// stopGrace is how long a server may take to shut down once it is sent
// its stop signal; then it is killed.
const stopGrace = 5 * time.Second

// session runs client p against its server (p.Server): the server
// starts, the client runs once the server is ready (it printed its
// readiness text, and a socket listens on its port=), and the server is
// then sent its stop signal, and killed if it does not end within
// stopGrace. Both see PORT, the server's port= or else a free port, in
// their environment (unless env= sets it). The outcome is the client's,
// with the server's.
//
// Both run in one sandbox (sandbox.Share), with a loopback interface of
// their own: a port the program chooses collides with no other run. Where
// the server runs unconfined (sandbox=off, or no sandbox here), so does
// the client, and both have the host's network.
func (e *Engine) session(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	srv, client, shared := sessionPrograms(p)
	bs, failed := e.buildSession(ctx, &srv, &client)
	if failed != nil {
		return failed
	}
	w := newServerWatch(&srv, shared)
	srv.Signal = "" // sent by w once the client is done, not when ready
	share, closeShare, err := shareHook(shared, bs[1].bin)
	if err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "cannot share a sandbox: %v", err)}
	}
	defer closeShare()
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan *engine.Outcome, 1)
	go func() { done <- e.exec(sctx, bs[0].bin, &srv, nil, w.hook, w.portHook, share) }()
	if !shared && srv.Port > 0 {
		go w.pollPort(sctx)
	}
	for _, c := range []chan struct{}{w.isReady, w.portReady} {
		select {
		case <-c:
		case so := <-done:
			return &engine.Outcome{Engine: e.Name(), Exit: -1, Server: so,
				Err: fmt.Errorf("not run: the server %s ended before it was ready (%s)", srv.ID, readiness(&srv))}
		case <-ctx.Done():
			cancel()
			return &engine.Outcome{Engine: e.Name(), Exit: -1, Server: <-done,
				Err: engine.Failuref(engine.Canceled, "stopped: %v", context.Cause(ctx))}
		}
	}
	out := e.exec(ctx, bs[1].bin, &client, emit, share)
	out.Engine, out.Build, out.Cached = e.Name(), bs[1].took, bs[1].cached
	w.stop()
	select {
	case out.Server = <-done:
	case <-time.After(stopGrace):
		cancel()
		out.Server = <-done
	}
	return out
}

// sessionPrograms returns the server and the client of client p's
// session as they run, and whether they share a sandbox.
func sessionPrograms(p *engine.Program) (srv, client engine.Program, shared bool) {
	srv, client = *p.Server, *p
	srv.Timeout += p.Timeout + stopGrace // it serves while the client runs
	client.Unconfined = client.Unconfined || srv.Unconfined
	shared = proc.Sandbox(&srv) != nil && !client.Unconfined
	if !shared {
		srv.HostNet, client.HostNet = true, true
	}
	if port := sessionPort(&srv); port != "" {
		srv.Env = append([]string{"PORT=" + port}, srv.Env...) // env= wins
		client.Env = append([]string{"PORT=" + port}, client.Env...)
	}
	return srv, client, shared
}

// buildSession builds the server and the client; when either cannot be
// built, it returns the client's outcome that says so.
func (e *Engine) buildSession(ctx context.Context, srv, client *engine.Program) ([]*build, *engine.Outcome) {
	ps := []*engine.Program{srv, client}
	bs := e.builds(ctx, ps)
	for i, b := range bs {
		err := b.wait(ctx)
		if err == nil && b.dispatched {
			// A dispatcher's run cannot be taken back once its server
			// or client has seen it: they run builds of their own.
			b = e.buildAlone(ctx, ps[i])
			bs[i], err = b, b.wait(ctx)
		}
		if err != nil {
			return nil, &engine.Outcome{Engine: e.Name(), Exit: -1, Err: err}
		}
		if b.err == nil {
			continue
		}
		if i == 0 {
			return nil, &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "the server %s does not compile:\n%v", srv.ID, b.err)}
		}
		return nil, &engine.Outcome{Engine: e.Name(), Exit: -1, Err: b.err, Build: b.took}
	}
	return bs, nil
}

// shareHook returns the hook that puts the server and the client (whose
// binary is guest) in one sandbox when they share one, and the function
// that ends the share once both have run.
func shareHook(shared bool, guest string) (hook func(*proc.Config), end func(), err error) {
	if !shared {
		return func(*proc.Config) {}, func() {}, nil
	}
	sh, err := sandbox.NewShare(guest)
	if err != nil {
		return nil, nil, err
	}
	hook = func(cfg *proc.Config) {
		if cfg.Sandbox != nil {
			cfg.Sandbox.Share = sh
		}
	}
	return hook, func() { sh.Close() }, nil
}

// sessionPort returns the PORT of a session with server srv: its port=,
// or a free port.
func sessionPort(srv *engine.Program) string {
	if srv.Port > 0 {
		return strconv.Itoa(srv.Port)
	}
	port, _ := freePort()
	return port
}

// readiness says what the server srv was to do to be ready.
func readiness(srv *engine.Program) string {
	var what []string
	if srv.Ready != "" {
		what = append(what, fmt.Sprintf("print %q", srv.Ready))
	}
	if srv.Port > 0 {
		what = append(what, fmt.Sprintf("listen on port %d", srv.Port))
	}
	return strings.Join(what, ", then ")
}

// freePort returns a TCP port of the host's loopback interface that is
// free now, for the session's PORT: in a shared sandbox, any port is
// free; unconfined, this one likely stays so.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	return port, err
}

// stopSignal returns the signal that stops a server: its signal=, or
// SIGINT.
func stopSignal(name string) syscall.Signal {
	if s, ok := signals[name]; ok {
		return s
	}
	return syscall.SIGINT
}

// A serverWatch sees a server's readiness text and port, and sends it
// its stop signal.
type serverWatch struct {
	ready     string
	isReady   chan struct{} // closed once the output holds ready
	port      int
	shared    bool
	portReady chan struct{} // closed once a socket listens on port
	portOnce  sync.Once
	sig       syscall.Signal

	mu     sync.Mutex
	kill   func(syscall.Signal) // signals the server's group; nil before it started
	done   bool
	closed bool
	tail   string
}

// newServerWatch returns the watch of server srv, which runs in a shared
// sandbox or not.
func newServerWatch(srv *engine.Program, shared bool) *serverWatch {
	w := &serverWatch{ready: srv.Ready, isReady: make(chan struct{}), port: srv.Port, shared: shared,
		portReady: make(chan struct{}), sig: stopSignal(srv.Signal)}
	if w.ready == "" {
		w.closed = true
		close(w.isReady)
	}
	if w.port == 0 {
		w.portListens()
	}
	return w
}

func (w *serverWatch) portListens() { w.portOnce.Do(func() { close(w.portReady) }) }

// portHook has the server's sandbox say when its port listens.
func (w *serverWatch) portHook(cfg *proc.Config) {
	if w.port > 0 && w.shared && cfg.Sandbox != nil {
		cfg.Sandbox.ReadyPort, cfg.Sandbox.OnReady = w.port, w.portListens
	}
}

// pollPort watches the host's sockets for the port of an unconfined
// server, once it is ready otherwise, until ctx is done.
func (w *serverWatch) pollPort(ctx context.Context) {
	select {
	case <-w.isReady:
	case <-ctx.Done():
		return
	}
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for !sandbox.Listening(w.port) {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
	w.portListens()
}

// hook makes the run of cfg report to w.
func (w *serverWatch) hook(cfg *proc.Config) {
	emit := cfg.Emit
	cfg.Emit = func(ev engine.Event) {
		if emit != nil {
			emit(ev)
		}
		w.watch(ev)
	}
	cfg.Started = func(kill func(syscall.Signal)) {
		w.mu.Lock()
		w.kill = kill
		w.mu.Unlock()
	}
	cfg.Stopped = func() {
		w.mu.Lock()
		w.done = true
		w.mu.Unlock()
	}
}

func (w *serverWatch) watch(ev engine.Event) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	text := w.tail + string(ev.Data)
	if strings.Contains(text, w.ready) {
		w.closed = true
		close(w.isReady)
		return
	}
	if keep := len(w.ready) - 1; len(text) > keep {
		text = text[len(text)-keep:]
	}
	w.tail = text
}

// stop sends the server its stop signal, unless it has ended.
func (w *serverWatch) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done && w.kill != nil {
		w.kill(w.sig)
	}
}
