package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFiles checks what the server serves: pages, the files next to the
// lessons and the assets, and nothing else, however the path is written.
func TestFiles(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	tests := []struct {
		path   string
		status int // 0: anything but 200
		has    string
	}{
		{"/", 200, "在线运行"},
		{"/lessons/live", 200, `data-block="live/hello"`},
		{"/lessons/picture.txt", 200, "a file next to the lessons"},
		{"/lessons/live.md", 200, "# 在线运行"},
		{"/assets/style.css", 200, ""},
		{"/assets/code.css", 200, ""},
		{"/assets/bingfa.js", 200, ""},
		{"/assets/live.js", 200, "EventSource"},
		{"/assets/live.css", 200, ""},
		{"/assets/search-index.js", 200, "BINGFA_SEARCH"},
		{"/lessons/nope", 404, ""},
		{"/lessons/../secret.txt", 0, ""},
		{"/lessons/..%2fsecret.txt", 0, ""},
		{"/lessons/%2e%2e%2fsecret.txt", 0, ""},
		{"/lessons/..%5csecret.txt", 0, ""},
		{"/lessons/%2fetc%2fpasswd", 0, ""},
		{"/lessons/..", 0, ""},
		{"/lessons/.", 0, ""},
		{"/assets/..%2fserver.go", 0, ""},
		{"/assets/%2e%2e%2f%2e%2e%2fserve.go", 0, ""},
		{"/../secret.txt", 0, ""},
		{"/testdata/secret.txt", 0, ""},
		{"/secret.txt", 0, ""},
		{"/static/live.js", 0, ""},
		{"/server.go", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body, csp := rawGet(t, ts, tt.path)
			switch {
			case tt.status == 0 && status == http.StatusOK:
				t.Errorf("status 200, want a refusal")
			case tt.status != 0 && status != tt.status:
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if strings.Contains(body, "not to be served") {
				t.Errorf("served a file outside the lesson directory")
			}
			if strings.HasPrefix(tt.path, "/lessons/") && status == 200 && !strings.Contains(tt.path, "live") && !strings.Contains(csp, "sandbox") {
				t.Errorf("a file served without a sandbox policy: %q", csp)
			}
			if !strings.Contains(body, tt.has) {
				t.Errorf("body lacks %q", tt.has)
			}
		})
	}
}

// rawGet sends a GET with the path exactly as written (no cleaning by
// the client), signed in, and returns the status, the body and the
// Content-Security-Policy header.
func rawGet(t *testing.T, ts *testServer, path string) (int, string, string) {
	t.Helper()
	host := strings.TrimPrefix(ts.URL, "http://")
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cookie := ts.s.auth.cookie + "=" + ts.s.auth.session // signed in
	io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nCookie: "+cookie+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Content-Security-Policy")
}

// TestSymlinkEscape checks that a symbolic link in the lesson directory
// pointing outside it is not followed, and that no dotfile is served,
// whether named, reached through a link or through a directory.
func TestSymlinkEscape(t *testing.T) {
	t.Parallel() // its own server
	top := t.TempDir()
	dir := filepath.Join(top, "lessons")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile("testdata/lessons/live.md")
	os.WriteFile(filepath.Join(dir, "live.md"), src, 0o644)
	os.WriteFile(filepath.Join(top, "secret.txt"), []byte("not to be served"), 0o644)
	os.WriteFile(filepath.Join(dir, "inside.txt"), []byte("inside"), 0o644)
	if err := os.Symlink("../secret.txt", filepath.Join(dir, "leak.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "abs.txt"))
	os.Symlink("inside.txt", filepath.Join(dir, "near.txt"))
	os.WriteFile(filepath.Join(dir, ".env"), []byte("not to be served"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.md"), []byte("# not to be served\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "config"), []byte("not to be served"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", ".key"), []byte("not to be served"), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "x.txt"), []byte("not to be served: a subdirectory"), 0o644)
	os.Symlink(".env", filepath.Join(dir, "env.txt"))
	os.Symlink(".git/config", filepath.Join(dir, "config.txt"))
	os.Symlink(".git", filepath.Join(dir, "git"))
	lib, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Library: lib})
	for path, want := range map[string]int{
		"/lessons/leak.txt": 404, "/lessons/abs.txt": 404, "/lessons/near.txt": 200,
		"/lessons/.env": 404, "/lessons/.hidden.md": 404, "/lessons/.hidden": 404, "/lessons/.git%2fconfig": 404,
		"/lessons/sub%2f.key": 404, "/lessons/sub%2fx.txt": 404, "/lessons/env.txt": 404, "/lessons/config.txt": 404,
		"/lessons/git%2fconfig": 404, "/lessons/git": 404,
	} {
		status, body, _ := rawGet(t, ts, path)
		if status != want || strings.Contains(body, "not to be served") {
			t.Errorf("%s: status %d, want %d; body %q", path, status, want, body)
		}
	}
}
