package serve

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
)

// TestOwnerOnly checks that a client that is not signed in (no cookie, a
// wrong or used-up token) gets nothing that lets it run code: every
// request is refused, no response holds the login token or the session,
// and no response signs it in. A client that opens the printed link can
// run code.
func TestOwnerOnly(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	_, rep := ts.post(t, "hello", code(t, "hello")) // a run the stranger tries to attach to
	used := ts.s.LoginPath("/")
	ts.signIn(t) // uses up that token
	secrets := func() []string { return []string{ts.s.auth.session, ts.s.auth.loginToken()} }

	stranger := ts.Server.Client() // no cookie jar
	runBody := `{"lesson":"live","block":"hello"}`
	for _, tt := range []struct{ method, path, body string }{
		{"GET", "/", ""},
		{"GET", "/lessons/live", ""},
		{"GET", "/lessons/live.md", ""},
		{"GET", "/lessons/picture.txt", ""},
		{"GET", "/assets/live.js", ""},
		{"GET", "/api/watch", ""},
		{"POST", "/api/run", runBody},
		{"GET", rep.Events, ""},
		{"POST", rep.Stop, ""},
		{"POST", "/api/highlight", `{"lesson":"live","block":"hello","code":"x"}`},
		{"GET", "/?token=" + strings.Repeat("0", 32), ""},
		{"GET", "/lessons/live?token=x", ""},
		{"GET", used, ""},
		{"GET", "/api/watch?token=" + ts.s.auth.loginToken(), ""}, // a token signs in only from a page
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(tt.body))
			resp, err := stranger.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("status %s, want 403 Forbidden", resp.Status)
			}
			if c := resp.Header.Get("Set-Cookie"); c != "" {
				t.Errorf("a cookie was set: %s", c)
			}
			for _, s := range secrets() {
				if strings.Contains(string(b), s) {
					t.Errorf("the response holds a secret:\n%s", b)
				}
			}
		})
	}

	// The owner's run was not touched by the stranger's requests.
	ch, closeStream := ts.stream(t, rep)
	defer closeStream()
	var evs []sseEvent
	for ev := range ch {
		evs = append(evs, ev)
	}
	if d := done(t, evs); d.Status != "pass" {
		t.Errorf("the owner's run: %s, problems %v", d.Status, d.Problems)
	}
	if status, _ := ts.post(t, "hello", code(t, "hello")); status != http.StatusOK {
		t.Errorf("the owner cannot run code: status %d", status)
	}
}

// TestSignIn checks the exchange of the one-time login token for the
// session cookie: the cookie's attributes, the redirect to the page
// without the token, and the next token, given to OnLogin, with which a
// second browser signs in.
func TestSignIn(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	var mu sync.Mutex
	var next string
	ts.s.OnLogin(func(path string) { mu.Lock(); next = path; mu.Unlock() })
	noRedirect := &http.Client{Transport: ts.Server.Client().Transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	login := ts.s.LoginPath("/lessons/live")
	resp, err := noRedirect.Get(ts.URL + login)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/lessons/live" {
		t.Errorf("sign in: %s to %q, want 303 to /lessons/live", resp.Status, resp.Header.Get("Location"))
	}
	cs := resp.Cookies()
	if len(cs) != 1 {
		t.Fatalf("cookies %v, want one", cs)
	}
	c := cs[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" || c.Value != ts.s.auth.session || !strings.HasPrefix(c.Name, "bingfa-") {
		t.Errorf("cookie %s: want HttpOnly, SameSite=Strict, Path=/, the session", c)
	}

	mu.Lock()
	second := next
	mu.Unlock()
	if second == "" || second == "/?token="+strings.TrimPrefix(login, "/lessons/live?token=") {
		t.Fatalf("no new login token after the first was used: %q", second)
	}
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, Transport: ts.Server.Client().Transport}
	for _, tt := range []struct {
		path string
		want int
	}{{login, http.StatusForbidden}, {second, http.StatusOK}} {
		resp, err := browser.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s: %s, want %d", tt.path, resp.Status, tt.want)
		}
	}
	resp, err = browser.Get(ts.URL + "/lessons/live")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the second browser, signed in: %s", resp.Status)
	}
}

// TestLocalPath checks that the redirect after signing in stays on this
// server.
func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/lessons/live": "/lessons/live", "/": "/", "//evil.example/x": "/", `/\evil.example`: "/", "": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
