package serve

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// A guard refuses requests that do not come from the server's own pages:
// a Host that is not one of the server's addresses (DNS rebinding), an
// Origin or fetch site of another site (cross-site requests), and, for
// the run API, a missing or wrong session token.
type guard struct {
	token string
	port  string
	// any: the server listens on a non-loopback address; any IP literal
	// (not a name) with the server's port is accepted as Host.
	any bool
}

// newGuard returns the guard of a server listening on addr (host:port, the
// address actually bound).
func newGuard(addr string) (*guard, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	ip := net.ParseIP(host)
	return &guard{token: newToken(), port: port, any: ip == nil || !ip.IsLoopback()}, nil
}

// newToken returns 128 random bits in hex.
func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// hostOK reports whether hostport names this server: a loopback address or
// localhost with the server's port, or, on a server listening beyond
// loopback, any IP address with that port. Names other than localhost are
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
	return ip != nil && (ip.IsLoopback() || g.any)
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

// tokenOK reports whether the request carries the session token, in the
// X-Bingfa-Token header or (for EventSource, which cannot set headers) the
// token query parameter.
func (g *guard) tokenOK(r *http.Request) bool {
	t := r.Header.Get("X-Bingfa-Token")
	if t == "" {
		t = r.URL.Query().Get("token")
	}
	return subtle.ConstantTimeCompare([]byte(t), []byte(g.token)) == 1
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
