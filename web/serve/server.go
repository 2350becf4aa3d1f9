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
	"bingfa/runner/wiring"
)

// Config configures a Server.
type Config struct {
	Library *Library
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
	// event stream before it is dropped (default 30s).
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
		c.StartTTL = 30 * time.Second
	}
}

// A Server serves the live reader of one library.
type Server struct {
	cfg   Config
	guard *guard
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
	pg, err := newPages(cfg.Library, g.token)
	if err != nil {
		return nil, err
	}
	lim := newLimiter(cfg.Running, cfg.Queued)
	return &Server{cfg: cfg, guard: g, lim: lim, runs: newRunTable(lim, cfg.StartTTL), pages: pg,
		check: newChecker(cfg)}, nil
}

// Token returns the session token that pages embed and the run API
// requires.
func (s *Server) Token() string { return s.guard.token }

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.pages.index)
	mux.HandleFunc("GET /lessons/{name}", s.pages.lessonOrFile)
	mux.HandleFunc("GET /assets/{file}", s.pages.asset)
	mux.HandleFunc("POST /api/run", s.token(s.startRun))
	mux.HandleFunc("GET /api/run/{id}/events", s.token(s.events))
	mux.HandleFunc("POST /api/run/{id}/stop", s.token(s.stopRun))
	mux.HandleFunc("POST /api/highlight", s.token(s.pages.highlight))
	mux.HandleFunc("GET /api/watch", s.watch)
	return s.guard.wrap(mux)
}

// token refuses requests without the session token.
func (s *Server) token(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.guard.tokenOK(r) {
			http.Error(w, "bingfa: missing or wrong session token; reload the page", http.StatusForbidden)
			return
		}
		h(w, r)
	}
}

// Serve listens on addr and serves until ctx is cancelled. It writes the
// URL to open to out once it listens.
func Serve(ctx context.Context, cfg Config, addr string, out io.Writer) error {
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
	if s.guard.any {
		fmt.Fprintf(out, "bingfa: warning: listening on %s, beyond loopback: whoever can reach it can run programs on this machine\n", ln.Addr())
	}
	fmt.Fprintf(out, "bingfa: reading the course at http://%s/\n", browsable(ln.Addr().String()))
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

// browsable returns addr with an unspecified host (0.0.0.0, ::) replaced
// by 127.0.0.1, for a URL to print.
func browsable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}
