package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"
)

// startLesson is served beside the course: an edited block of it never
// is in any cache. hello passes yaegi's static check; host does not (it
// imports runtime), so it always runs compiled.
const startLesson = "# bench\n\n```go name=hello\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n```\n\n```output\nhello\n```\n\n" +
	"```go name=host\npackage main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumCPU() > 0)\n}\n```\n\n```output\ntrue\n```\n"

// A server is a bingfa serve started for a measurement.
type server struct {
	cmd     *exec.Cmd
	base    string // http://127.0.0.1:port
	client  *http.Client
	started time.Time
	lines   chan string // its standard error, line by line
}

var urlRE = regexp.MustCompile(`(http://127\.0\.0\.1:[0-9]+)(/\?token=[0-9a-f]+)`)

// startServer starts name args in dir with env (a bingfa serve on
// 127.0.0.1:0) and waits (up to limit) for its page to answer; it returns
// the server, when its address was printed and when the page answered,
// counted from the start.
func startServer(dir string, env []string, limit time.Duration, name string, args ...string) (*server, time.Duration, time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // go run and its child
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, 0, 0, err
	}
	jar, _ := cookiejar.New(nil)
	s := &server{cmd: cmd, client: &http.Client{Jar: jar}, lines: make(chan string, 100), started: time.Now()}
	if err := cmd.Start(); err != nil {
		return nil, 0, 0, err
	}
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			select {
			case s.lines <- sc.Text():
			default: // nobody reads any more
			}
		}
	}()
	timeout := time.After(limit)
	var login string
	for login == "" {
		select {
		case l, ok := <-s.lines:
			if !ok {
				s.stop()
				return nil, 0, 0, fmt.Errorf("%s ended before serving", name)
			}
			if m := urlRE.FindStringSubmatch(l); m != nil {
				s.base, login = m[1], m[2]
			}
		case <-timeout:
			s.stop()
			return nil, 0, 0, fmt.Errorf("%s printed no address in %v", name, limit)
		}
	}
	listening := time.Since(s.started)
	resp, err := s.client.Get(s.base + login)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("first page: %s", resp.Status)
		}
	}
	if err != nil {
		s.stop()
		return nil, 0, 0, err
	}
	return s, listening, time.Since(s.started), nil
}

// stop interrupts the server and its process group, and waits for it.
func (s *server) stop() {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGINT)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

// A runTiming is what one run through the page's API took.
type runTiming struct {
	first  time.Duration // from the request to the first output
	engine string
}

// run runs block of lesson with code through the API, as a page does,
// and returns when its first output came and which engine ran it.
func (s *server) run(lesson, block, code string) (runTiming, error) {
	body, _ := json.Marshal(map[string]any{"lesson": lesson, "block": block, "code": code})
	start := time.Now()
	resp, err := s.client.Post(s.base+"/api/run", "application/json", bytes.NewReader(body))
	if err != nil {
		return runTiming{}, err
	}
	var rep struct{ Events string }
	err = json.NewDecoder(resp.Body).Decode(&rep)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		return runTiming{}, fmt.Errorf("run %s/%s: %s %v", lesson, block, resp.Status, err)
	}
	resp, err = s.client.Get(s.base + rep.Events)
	if err != nil {
		return runTiming{}, err
	}
	defer resp.Body.Close()
	var t runTiming
	sc := bufio.NewScanner(resp.Body)
	event := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: ") && event == "output" && t.first == 0:
			t.first = time.Since(start)
		case strings.HasPrefix(line, "data: ") && event == "start":
			var st struct{ Engine string }
			_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &st)
			t.engine = st.Engine
		case strings.HasPrefix(line, "data: ") && event == "done":
			if t.first == 0 {
				return t, fmt.Errorf("run %s/%s printed nothing: %s", lesson, block, line)
			}
			return t, nil
		}
	}
	return t, fmt.Errorf("run %s/%s: the stream ended without done", lesson, block)
}

// edited returns the code of startLesson's block, edited so that no cache
// has it.
func edited(block string) string {
	stamp := fmt.Sprintf("// edited %d\n", time.Now().UnixNano())
	if block == "host" {
		return stamp + "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumCPU() > 0)\n}\n"
	}
	return stamp + "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n"
}

// courseCopy copies the course into dir, with startLesson beside it.
func courseCopy(dir string) error {
	if err := os.CopyFS(dir, os.DirFS("lessons")); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "zz-bench.md"), []byte(startLesson), 0o644)
}

// start measures what a reader waits for: the first page of a fresh
// clone under go run (empty GOCACHE and bingfa cache, the module cache
// filled), and the first runs of edited blocks on a server started a
// second earlier, with the course's background build and the
// interpreter's build running.
func (b *bench) start() error {
	if b.cold {
		if err := b.freshClone(); err != nil {
			return err
		}
	}
	dir := b.path("start", "lessons")
	if err := courseCopy(dir); err != nil {
		return err
	}
	env := []string{"BINGFA_CACHE=" + b.path("start", "cache")}
	s, _, page, err := startServer(".", env, time.Minute, b.bingfa, "serve", "-addr", "127.0.0.1:0", dir)
	if err != nil {
		return err
	}
	defer s.stop()
	b.record("page-bin", "bingfa serve (built): first page", page)
	time.Sleep(time.Until(s.started.Add(time.Second)))
	t, err := s.run("zz-bench", "host", edited("host"))
	if err != nil {
		return err
	}
	b.record("first-compiled", "edited compiled block, 1 s after start: first output", t.first)
	t, err = s.run("zz-bench", "hello", edited("hello"))
	if err != nil {
		return err
	}
	b.record("first-interp", fmt.Sprintf("edited yaegi-eligible block, first after start (ran %s): first output", t.engine), t.first)
	// Once the worker is built, edited blocks run in it.
	deadline := time.Now().Add(10 * time.Minute)
	for t.engine != "yaegi" {
		if time.Now().After(deadline) {
			return fmt.Errorf("the interpreter was not ready after 10 minutes")
		}
		time.Sleep(500 * time.Millisecond)
		if t, err = s.run("zz-bench", "hello", edited("hello")); err != nil {
			return err
		}
	}
	b.record("worker-ready", "the interpreter ready, from the server's start", time.Since(s.started))
	var firsts []time.Duration
	for range 7 {
		time.Sleep(100 * time.Millisecond) // the pool's worker is replaced
		if t, err = s.run("zz-bench", "hello", edited("hello")); err != nil {
			return err
		}
		firsts = append(firsts, t.first)
	}
	slices.Sort(firsts)
	b.record("warm-interp", "edited yaegi-eligible block, warm: first output (median of 7)", firsts[len(firsts)/2])
	return nil
}

// freshClone measures go run . of a fresh copy of the checkout's HEAD,
// with empty caches, offline, to its first page.
func (b *bench) freshClone() error {
	dir := b.path("clone")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	archive := exec.Command("sh", "-c", "git archive HEAD | tar -x -C "+dir)
	if out, err := archive.CombinedOutput(); err != nil {
		return fmt.Errorf("git archive: %v\n%s", err, out)
	}
	env := append(b.coldEnv("clone"), "GOPROXY=off", "GOFLAGS=")
	s, listening, page, err := startServer(dir, env, 10*time.Minute, "go", "run", ".", "serve", "-addr", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.stop()
	b.record("clone-listen", "fresh clone, go run . serve, cold: listening", listening)
	b.record("clone-page", "fresh clone, go run . serve, cold: first page", page)
	return nil
}
