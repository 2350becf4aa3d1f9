package serve

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
)

// An auth makes the server its owner's alone, as Jupyter does: whoever
// starts the server is given a link with a one-time login token (printed
// on the terminal), and the browser that opens it exchanges it for a
// session cookie (HttpOnly, SameSite=Strict), which every other request
// must carry. Nothing the server sends to a request without the cookie
// lets it run code: no page, no token, no event stream.
type auth struct {
	cookie  string // the cookie's name: one per port, so that two servers do not clash
	session string // the cookie's value, 128 random bits, for the server's life

	mu    sync.Mutex
	login string // the current one-time login token
	// minted is told of each new login token, made when the last one was
	// used (Serve prints the link for another browser).
	minted func(token string)
}

func newAuth(port string) *auth {
	return &auth{cookie: "bingfa-" + port, session: newToken(), login: newToken()}
}

// loginToken returns the current one-time login token.
func (a *auth) loginToken() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.login
}

// redeem reports whether t is the current login token, and if so uses it
// up: a new one is made, and minted told of it.
func (a *auth) redeem(t string) bool {
	a.mu.Lock()
	if t == "" || subtle.ConstantTimeCompare([]byte(t), []byte(a.login)) != 1 {
		a.mu.Unlock()
		return false
	}
	a.login = newToken()
	next, minted := a.login, a.minted
	a.mu.Unlock()
	if minted != nil {
		minted(next)
	}
	return true
}

// signedIn reports whether r carries the session cookie.
func (a *auth) signedIn(r *http.Request) bool {
	c, err := r.Cookie(a.cookie)
	return err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(a.session)) == 1
}

// wrap lets through only the requests of a signed-in browser. A GET of a
// page with ?token= signs the browser in (the token is used up) and
// redirects to the page without the token, so that it stays neither in
// the address bar nor in the history.
func (a *auth) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet && !api {
			a.signIn(w, r, t)
			return
		}
		if !a.signedIn(r) {
			refuse(w, api)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// signIn handles a GET with a login token: a browser that is already
// signed in, or that brings the current token, is sent on to the page.
func (a *auth) signIn(w http.ResponseWriter, r *http.Request, t string) {
	w.Header().Set("Cache-Control", "no-store")
	if !a.signedIn(r) {
		if !a.redeem(t) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusForbidden)
			w.Write([]byte(usedPage))
			return
		}
		http.SetCookie(w, &http.Cookie{Name: a.cookie, Value: a.session, Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	http.Redirect(w, r, localPath(r.URL.EscapedPath()), http.StatusSeeOther)
}

// localPath returns p as a path of this server: never "//host/...", which
// a browser would take for another server.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}

// refuse answers a request of a browser that is not signed in: a page
// that says how to sign in, or, for the API, a plain error.
func refuse(w http.ResponseWriter, api bool) {
	w.Header().Set("Cache-Control", "no-store")
	if api {
		http.Error(w, "bingfa: not signed in: open the link that bingfa serve printed", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	w.Write([]byte(signInPage))
}

// The pages shown to a browser that is not signed in. They hold no
// secret.
const (
	signInPage = pageHead + `<h1>请用终端里打印的链接打开</h1>
<p>这个服务器会运行代码，只为启动它的人服务。请打开 <code>bingfa serve</code> 在终端里打印的链接（带 <code>?token=</code>），浏览器就会登录。</p>
<p lang="en">This server runs code and serves only whoever started it: open the link (with <code>?token=</code>) that <code>bingfa serve</code> printed on its terminal.</p>
</body></html>
`
	usedPage = pageHead + `<h1>这个链接无效或已经用过了</h1>
<p>每个登录链接只能用一次。<code>bingfa serve</code> 在终端里打印了一个新链接，可以让另一个浏览器登录；也可以重新启动它。</p>
<p lang="en">This link is wrong or used up: each sign-in link works once. <code>bingfa serve</code> has printed a new one on its terminal for another browser; or restart it.</p>
</body></html>
`
	pageHead = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bingfa: 请登录</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.6">
`
)
