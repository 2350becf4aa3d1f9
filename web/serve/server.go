package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/wiring"
)

// Config configures a Server.
type Config struct {
	Library *Library
	Course  lesson.Course // the course's title, blurb and language
	Engines *wiring.Set
	// Running is the number of programs run at once (default: the number
	// of CPUs); Queued the number more that may wait (default 4×Running).
	// A run request beyond both is refused with 429 Too Many Requests.
	Running, Queued int
	// MaxTimeout and MaxOutput bound every run, whatever its block asks
	// (defaults 60s and 1 MiB).
	MaxTimeout time.Duration
	MaxOutput  int64
	// StartTTL is how long a requested run waits for its page to open its
	// event stream before it is dropped and gives its place back (default
	// 5s: a page opens it as soon as the run is admitted).
	StartTTL time.Duration
}

func (c *Config) defaults() {
	if c.Running <= 0 {
		c.Running = runtime.NumCPU()
	}
	if c.Queued <= 0 {
		c.Queued = 4 * c.Running
	}
	if c.MaxTimeout <= 0 {
		c.MaxTimeout = 60 * time.Second
	}
	if c.MaxOutput <= 0 {
		c.MaxOutput = 1 << 20
	}
	if c.StartTTL <= 0 {
		c.StartTTL = 5 * time.Second
	}
}

// A Server serves the live reader of one library.
type Server struct {
	cfg   Config
	guard *guard
	auth  *auth
	lim   *limiter
	runs  *runTable
	pages *pages
	check *check.Checker // runs the blocks
}

// New returns a server for a listener bound to addr (host:port): the
// address requests must name in their Host header.
func New(cfg Config, addr string) (*Server, error) {
	cfg.defaults()
	if cfg.Library == nil || cfg.Engines == nil {
		return nil, errors.New("serve: Config needs a Library and Engines")
	}
	g, err := newGuard(addr)
	if err != nil {
		return nil, err
	}
	pg, err := newPages(cfg.Library, cfg.Course)
	if err != nil {
		return nil, err
	}
	lim := newLimiter(cfg.Running, cfg.Queued)
	return &Server{cfg: cfg, guard: g, auth: newAuth(g.port), lim: lim, runs: newRunTable(lim, cfg.StartTTL), pages: pg,
		check: newChecker(cfg)}, nil
}

// Prebuild builds every block of the library, as background work that
// each reader's run goes ahead of (see check.Checker.Prebuild), so that
// a run of an unedited block starts at once. Serve starts it.
func (s *Server) Prebuild(ctx context.Context) {
	if ls, err := s.cfg.Library.Lessons(); err == nil {
		s.check.Prebuild(ctx, ls)
	}
}

// LoginPath returns path with the current one-time login token: the
// browser that opens it first is signed in (see the package doc).
func (s *Server) LoginPath(path string) string {
	return path + "?token=" + s.auth.loginToken()
}

// OnLogin calls f with each new login token, made when the last one is
// used, so that the owner can sign in another browser.
func (s *Server) OnLogin(f func(path string)) {
	s.auth.mu.Lock()
	defer s.auth.mu.Unlock()
	s.auth.minted = func(t string) { f("/?token=" + t) }
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.pages.index)
	mux.HandleFunc("GET /lessons/{name}", s.pages.lessonOrFile)
	mux.HandleFunc("GET /assets/{file}", s.pages.asset)
	mux.HandleFunc("POST /api/run", s.startRun)
	mux.HandleFunc("GET /api/run/{id}/events", s.events)
	mux.HandleFunc("POST /api/run/{id}/stop", s.stopRun)
	mux.HandleFunc("POST /api/highlight", s.pages.highlight)
	mux.HandleFunc("GET /api/watch", s.watch)
	return s.guard.wrap(s.auth.wrap(mux))
}

// Serve listens on addr, a loopback address, and serves until ctx is
// cancelled, building the library's blocks in the background (Prebuild).
// It writes the link to open, with its one-time login token, to out once
// it listens, and a new link each time one is used.
func Serve(ctx context.Context, cfg Config, addr string, out io.Writer) error {
	if err := loopbackOnly(addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s, err := New(cfg, ln.Addr().String())
	if err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	base := "http://" + ln.Addr().String()
	s.OnLogin(func(path string) {
		fmt.Fprintf(out, "bingfa: a browser signed in; to sign in another one, open %s%s\n", base, path)
	})
	fmt.Fprintf(out, "bingfa: reading the course at %s%s\n", base, s.LoginPath("/"))
	go s.Prebuild(ctx)
	// When ctx is done, the requests' contexts are too: running programs
	// are killed. Serve returns only once their handlers have cleaned up
	// (process groups reaped, scratch directories removed), or after
	// shutdownWait.
	shutdown := make(chan struct{})
	go func() {
		defer close(shutdown)
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), shutdownWait)
		defer cancel()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	<-shutdown
	return nil
}

// shutdownWait bounds how long Serve waits for requests to end once it is
// stopped.
const shutdownWait = 5 * time.Second
