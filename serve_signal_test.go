package main

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"bingfa/runner/compiled"
)

// TestInterruptServe starts bingfa serve, runs a program through its API
// that starts a child and sleeps, sends a stop signal (SIGINT, Ctrl-C, or
// SIGHUP, a closed terminal) while it runs, and checks that bingfa exits,
// that no program is left running and that no scratch directory is left
// in $TMPDIR.
func TestInterruptServe(t *testing.T) {
	t.Parallel() // each its own bingfa, TMPDIR and processes
	if testing.Short() {
		t.Skip("builds bingfa")
	}
	bin := buildBingfa(t, t.TempDir())
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) { interruptServe(t, bin, sig) })
	}
}

func interruptServe(t *testing.T, bin string, sig os.Signal) {
	dir := t.TempDir()
	writeSleepers(t, filepath.Join(dir, "sleepers.md"))
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-engine", "compiled", dir)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, cacheEnv())
	stderr, err := cmd.StderrPipe() // the URL is printed on stderr
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	url, login := serverURL(t, stderr)
	c := signIn(t, login)
	startRun(t, c, url)
	started := waitForSleepers(t, cmd.Process.Pid)
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Errorf("bingfa serve was killed by %v instead of stopping cleanly", ws.Signal())
	}
	for _, p := range started {
		if alive(p.Pid) {
			t.Errorf("process left after %v: %+v", sig, p)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d entries left in TMPDIR after %v, such as %s", len(left), sig, left[0].Name())
	}
}

// buildBingfa returns bingfa built from this checkout, as dir/bingfa: it
// is built once for all the tests of the package (a link of bingfa takes
// seconds), and linked into dir.
func buildBingfa(t *testing.T, dir string) string {
	t.Helper()
	built, err := bingfaOnce()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "bingfa")
	if err := os.Link(built, bin); err != nil {
		if err := copyFile(built, bin); err != nil { // another file system
			t.Fatal(err)
		}
	}
	return bin
}

// bingfaOnce builds bingfa from this checkout into a directory of the
// shared cache (compiled.DefaultCacheDir) kept for this checkout, where
// go build finds it up to date and does not link it again when nothing
// it is built from changed (its build ID says from what; a stale binary
// is linked again): a warm run of the tests links no bingfa, which took
// a third of their processor time. Each test links its own name to the
// binary (a file, kept by its links when another run replaces it).
var bingfaOnce = sync.OnceValues(func() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(compiled.DefaultCacheDir(), "tests", fmt.Sprintf("%x", sha256.Sum256([]byte(wd)))[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	now := time.Now() // used: the cache's trim removes one unused for long
	if err := os.Chtimes(dir, now, now); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "bingfa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// copyFile copies the executable from to the new file to.
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o755)
}

// cacheEnv gives the bingfa under test the cache that the other tests
// use (compiled.DefaultCacheDir): it is content-addressed and checked
// before each use, so a shared one tests what a fresh one would, without
// building the sandbox's init helper, the yaegi worker and the programs
// again for every test (seconds of CPU each).
func cacheEnv() string { return "BINGFA_CACHE=" + compiled.DefaultCacheDir() }

var urlRE = regexp.MustCompile(`(http://127\.0\.0\.1:[0-9]+/)\?token=[0-9a-f]+`)

// serverURL reads the server's first line and returns the server's URL
// and the link it prints, with its login token.
func serverURL(t *testing.T, r io.Reader) (url, login string) {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the server's URL: %v", err)
	}
	m := urlRE.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no URL with a login token in %q", line)
	}
	go io.Copy(io.Discard, r)
	return m[1], m[0]
}

// signIn opens the server's login link, as a browser does, and returns
// the client, which keeps the session cookie.
func signIn(t *testing.T, login string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(login)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("signing in with %s: %s", login, resp.Status)
	}
	return c
}

// startRun asks the server to run the lesson's first block and opens its
// event stream, which starts it; the stream is left open.
func startRun(t *testing.T, c *http.Client, url string) {
	t.Helper()
	body := `{"lesson":"sleepers","block":"block-1"}`
	req, _ := http.NewRequest("POST", url+"api/run", strings.NewReader(body))
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	reply, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("run: %s: %s", resp.Status, reply)
	}
	events := regexp.MustCompile(`"events":"([^"]+)"`).FindSubmatch(reply)
	if events == nil {
		t.Fatalf("no event stream in %s", reply)
	}
	req, _ = http.NewRequest("GET", strings.TrimSuffix(url, "/")+string(events[1]), nil)
	go func() {
		resp, err := c.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
}
