package serve

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestGuard checks that requests naming another host, coming from another
// site, or running code without the session token are refused.
func TestGuard(t *testing.T) {
	ts := newTestServer(t, Config{})
	hostport := strings.TrimPrefix(ts.URL, "http://")
	_, port, _ := strings.Cut(hostport, ":")
	token := ts.s.Token()
	wrong := []byte(token)
	wrong[0] ^= 1
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
		{"cross site form post", "POST", "/api/run", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "X-Bingfa-Token": token}, 403},
		{"run without token", "POST", "/api/run", "", nil, 403},
		{"run with wrong token", "POST", "/api/run", "", map[string]string{"X-Bingfa-Token": string(wrong)}, 403},
		{"run with token", "POST", "/api/run", "", map[string]string{"X-Bingfa-Token": token}, 200},
		{"run with token, cross origin", "POST", "/api/run", "", map[string]string{"X-Bingfa-Token": token, "Origin": "http://evil.example"}, 403},
		{"stop without token", "POST", "/api/run/x/stop", "", nil, 403},
		{"events without token", "GET", "/api/run/x/events", "", nil, 403},
		{"highlight without token", "POST", "/api/highlight", "", nil, 403},
		{"run with GET", "GET", "/api/run", "", map[string]string{"X-Bingfa-Token": token}, 405},
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

// TestGuardNonLoopback checks the Host rule of a server listening beyond
// loopback: IP addresses with its port are accepted, names are not.
func TestGuardNonLoopback(t *testing.T) {
	g, err := newGuard("0.0.0.0:8080")
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]bool{
		"192.168.1.2:8080": true, "127.0.0.1:8080": true, "[::1]:8080": true, "localhost:8080": true,
		"192.168.1.2:80": false, "evil.example:8080": false, "192.168.1.2": false,
	} {
		if got := g.hostOK(host); got != want {
			t.Errorf("hostOK(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestTokenInPage checks that pages carry the session token.
func TestTokenInPage(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, path := range []string{"/", "/lessons/live"} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), `<meta name="bingfa-token" content="`+ts.s.Token()+`">`) {
			t.Errorf("%s: no session token in the page", path)
		}
		if !strings.Contains(string(b), `/assets/live.js`) {
			t.Errorf("%s: the page does not load live.js", path)
		}
		if path != "/" && !strings.Contains(string(b), `<script type="application/json" id="bingfa-blocks">{"live/builds":{"builds":true,"runs":false`) {
			t.Errorf("%s: no block data for the live script", path)
		}
	}
}
