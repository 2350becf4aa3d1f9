package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestInterruptServe starts bingfa serve, runs a program through its API
// that starts a child and sleeps, sends SIGINT (Ctrl-C) while it runs,
// and checks that bingfa exits, that no program is left running and that
// no scratch directory is left in $TMPDIR.
func TestInterruptServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bingfa")
	}
	dir := t.TempDir()
	bin := buildBingfa(t, dir)
	writeSleepers(t, filepath.Join(dir, "sleepers.md"))
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-engine", "compiled", dir)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "BINGFA_CACHE="+filepath.Join(dir, "cache"))
	stderr, err := cmd.StderrPipe() // the URL is printed on stderr
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	url := serverURL(t, stderr)
	token := pageToken(t, url+"lessons/sleepers")
	startRun(t, url, token)
	started := waitForSleepers(t, cmd.Process.Pid)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	for _, p := range started {
		if alive(p.Pid) {
			t.Errorf("process left after Ctrl-C: %+v", p)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d entries left in TMPDIR after Ctrl-C, such as %s", len(left), left[0].Name())
	}
}

func buildBingfa(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "bingfa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var urlRE = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)

// serverURL reads the server's first line and returns the URL it prints.
func serverURL(t *testing.T, r io.Reader) string {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the server's URL: %v", err)
	}
	u := urlRE.FindString(line)
	if u == "" {
		t.Fatalf("no URL in %q", line)
	}
	go io.Copy(io.Discard, r)
	return u
}

var tokenRE = regexp.MustCompile(`<meta name="bingfa-token" content="([0-9a-f]+)">`)

func pageToken(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	m := tokenRE.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no session token in %s (%s)", url, resp.Status)
	}
	return string(m[1])
}

// startRun asks the server to run the lesson's first block and opens its
// event stream, which starts it; the stream is left open.
func startRun(t *testing.T, url, token string) {
	t.Helper()
	body := `{"lesson":"sleepers","block":"block-1"}`
	req, _ := http.NewRequest("POST", url+"api/run", strings.NewReader(body))
	req.Header.Set("X-Bingfa-Token", token)
	resp, err := http.DefaultClient.Do(req)
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
	req.Header.Set("X-Bingfa-Token", token)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
}
