package serve

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// A guard refuses requests that do not come from the server's own pages:
// a Host that is not one of the server's addresses (DNS rebinding), and an
// Origin or fetch site of another site (cross-site requests).
type guard struct {
	port string
}

// newGuard returns the guard of a server listening on addr (host:port, the
// address actually bound), which must be a loopback address.
func newGuard(addr string) (*guard, error) {
	if err := loopbackOnly(addr); err != nil {
		return nil, err
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	return &guard{port: port}, nil
}

// newToken returns 128 random bits in hex.
func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// hostOK reports whether hostport names this server: a loopback address or
// localhost with the server's port. Names other than localhost are
// refused, whatever they resolve to.
func (g *guard) hostOK(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil || port != g.port {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// originOK reports whether the request's Origin, if any, is this server,
// and whether the browser says it comes from another site. Following a
// link from elsewhere to a page (a GET navigation) is allowed: it runs
// nothing, and the other site cannot read the page.
func (g *guard) originOK(r *http.Request) bool {
	navigation := r.Method == http.MethodGet && r.Header.Get("Sec-Fetch-Mode") == "navigate" &&
		!strings.HasPrefix(r.URL.Path, "/api/")
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		if !navigation {
			return false
		}
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Scheme == "http" && u.Path == "" && g.hostOK(u.Host)
}

// wrap refuses requests with a foreign Host or Origin before h sees them.
func (g *guard) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !g.hostOK(r.Host) {
			http.Error(w, "bingfa: refused: unknown Host "+r.Host, http.StatusMisdirectedRequest)
			return
		}
		if !g.originOK(r) {
			http.Error(w, "bingfa: refused: cross-site request", http.StatusForbidden)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// loopbackOnly refuses an address to listen on that is not a loopback
// address (or localhost): the server runs code as whoever starts it.
func loopbackOnly(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); strings.EqualFold(host, "localhost") || ip != nil && ip.IsLoopback() {
		return nil
	}
	if port == "" || port == "0" {
		port = "8080"
	}
	return fmt.Errorf("bingfa: serve listens on loopback only, not on %q: the server runs code as you, for whoever can reach it.\n"+
		"To read from another machine, serve on loopback here and forward the port over SSH from there:\n"+
		"\tssh -L %s:127.0.0.1:%s THIS-HOST\n"+
		"then open there, in a browser, the link that bingfa serve prints here", addr, port, port)
}
