package serve

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"bingfa/runner/wiring"
)

// TestGuard checks that requests of a signed-in browser that name another
// host or come from another site are refused (TestOwnerOnly checks those
// of a browser that is not signed in).
func TestGuard(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	hostport := strings.TrimPrefix(ts.URL, "http://")
	_, port, _ := strings.Cut(hostport, ":")
	runBody := `{"lesson":"live","block":"builds","code":"package main\n\nfunc main() {}\n"}`
	tests := []struct {
		name   string
		method string
		path   string
		host   string
		header map[string]string
		status int
	}{
		{"page", "GET", "/", "", nil, 200},
		{"localhost", "GET", "/", "localhost:" + port, nil, 200},
		{"rebinding", "GET", "/", "evil.example:" + port, nil, 421},
		{"other port", "GET", "/", "127.0.0.1:1", nil, 421},
		{"no port", "GET", "/", "127.0.0.1", nil, 421},
		{"lan address", "GET", "/", "192.168.1.2:" + port, nil, 421},
		{"same origin", "GET", "/", "", map[string]string{"Origin": ts.URL}, 200},
		{"cross origin", "GET", "/", "", map[string]string{"Origin": "http://evil.example"}, 403},
		{"cross origin, same port", "GET", "/", "", map[string]string{"Origin": "http://evil.example:" + port}, 403},
		{"https origin", "GET", "/", "", map[string]string{"Origin": "https://" + hostport}, 403},
		{"null origin", "GET", "/", "", map[string]string{"Origin": "null"}, 403},
		{"cross site fetch", "GET", "/", "", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"same site fetch", "GET", "/", "", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"link from another site", "GET", "/lessons/live", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, 200},
		{"cross site navigation to the API", "GET", "/api/watch", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, 403},
		{"same site fetch of the API", "GET", "/api/watch", "", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"cross site form post", "POST", "/api/run", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}, 403},
		{"run", "POST", "/api/run", "", nil, 200},
		{"run, cross origin", "POST", "/api/run", "", map[string]string{"Origin": "http://evil.example"}, 403},
		{"run, another port of localhost", "POST", "/api/run", "", map[string]string{"Origin": "http://127.0.0.1:1"}, 403},
		{"run with GET", "GET", "/api/run", "", nil, 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.method == "POST" {
				body = strings.NewReader(runBody)
			}
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, body)
			if tt.host != "" {
				req.Host = tt.host
				// The jar, as a browser, keeps the cookie for the host
				// signed in to; this one is signed in too.
				req.AddCookie(&http.Cookie{Name: ts.s.auth.cookie, Value: ts.s.auth.session})
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
}

// TestLoopbackOnly checks that the server listens on loopback only: any
// other address is refused, with a hint at an SSH tunnel.
func TestLoopbackOnly(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:0": true, "[::1]:8080": true, "127.0.0.2:8080": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:8080": false, "192.168.1.2:8080": false, "example.com:8080": false,
	} {
		err := loopbackOnly(addr)
		if (err == nil) != ok {
			t.Errorf("%s: error %v, want ok %v", addr, err, ok)
		}
		if err != nil && !strings.Contains(err.Error(), "ssh -L 8080:127.0.0.1:8080") {
			t.Errorf("%s: the error suggests no SSH tunnel: %v", addr, err)
		}
	}
	lib, err := Dir("testdata/lessons")
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := Serve(t.Context(), Config{Library: lib, Engines: &wiring.Set{}}, "0.0.0.0:0", &out); err == nil || !strings.Contains(err.Error(), "loopback only") {
		t.Errorf("Serve on 0.0.0.0: %v", err)
	}
}

// TestLivePage checks that pages load the live script and carry the data
// it needs, and no secret: the session is a cookie that scripts cannot
// read.
func TestLivePage(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	for _, path := range []string{"/", "/lessons/live"} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), ts.s.auth.session) || strings.Contains(string(b), ts.s.auth.loginToken()) {
			t.Errorf("%s: the page holds a secret", path)
		}
		if !strings.Contains(string(b), `/assets/live.js`) {
			t.Errorf("%s: the page does not load live.js", path)
		}
		if path != "/" && !strings.Contains(string(b), `<script type="application/json" id="bingfa-blocks">{"live/builds":{"builds":true,"runs":false`) {
			t.Errorf("%s: no block data for the live script", path)
		}
	}
}
