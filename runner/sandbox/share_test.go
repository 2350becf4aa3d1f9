package sandbox

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// roleEnv makes the test binary, run as a program in a sandbox, play a
// role (see playRole) instead of running the tests.
const roleEnv = "BINGFA_SANDBOX_TEST_ROLE"

// fixedPort is the port every server of these tests listens on.
const fixedPort = "18080"

// playRole plays role: "serve" listens on 127.0.0.1:fixedPort, says
// "ready" (unless $QUIET is set), and answers one connection with $TAG; "dial" prints what
// that port answers.
func playRole(role string) int {
	addr := "127.0.0.1:" + fixedPort
	switch role {
	case "serve":
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			fmt.Println(err)
			return 1
		}
		if os.Getenv("QUIET") == "" {
			fmt.Println("ready")
		}
		c, err := ln.Accept()
		if err != nil {
			fmt.Println(err)
			return 1
		}
		fmt.Fprintln(c, os.Getenv("TAG"))
		c.Close()
		return 0
	case "dial":
		c, err := net.Dial("tcp", addr)
		if err != nil {
			fmt.Println(err)
			return 1
		}
		b, _ := io.ReadAll(c)
		fmt.Print(string(b))
		return 0
	}
	return 2
}

// A run is a program started in a sandbox, its output read as it comes.
type run struct {
	cmd   *exec.Cmd
	box   *Box
	lines chan string
	all   strings.Builder
}

// start starts cmd in a sandbox with o.
func start(t *testing.T, cmd *exec.Cmd, o Options) *run {
	t.Helper()
	if !Enabled() {
		t.Skipf("no sandbox here: %v", Why())
	}
	b, err := Wrap(cmd, o)
	if err != nil {
		t.Fatal(err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = pw, pw
	r := &run{cmd: cmd, box: b, lines: make(chan string, 100)}
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	go func() {
		defer close(r.lines)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			r.lines <- sc.Text()
		}
		pr.Close()
	}()
	return r
}

// await waits for the line want, and fails the test if the output ends
// first.
func (r *run) await(t *testing.T, want string) {
	t.Helper()
	for line := range r.lines {
		r.all.WriteString(line + "\n")
		if line == want {
			return
		}
	}
	t.Fatalf("the program ended before it printed %q; output:\n%s", want, r.all.String())
}

// end waits for the program and returns its output and result.
func (r *run) end(t *testing.T) (string, *Result) {
	t.Helper()
	for line := range r.lines {
		r.all.WriteString(line + "\n")
	}
	_ = r.cmd.Wait()
	res, err := r.box.Result()
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, r.all.String())
	}
	return r.all.String(), res
}

func roleCmd(t *testing.T, role, tag string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = []string{roleEnv + "=" + role, "TAG=" + tag, "HOME=" + Dir, "TMPDIR=" + Dir}
	return cmd
}

// TestShareLoopback: two shares, run at once, each a server on the same
// fixed port and a guest that connects to it: each guest reaches its own
// server, and neither takes the port of the host, which this test holds.
func TestShareLoopback(t *testing.T) {
	if ln, err := net.Listen("tcp", "127.0.0.1:"+fixedPort); err == nil {
		defer ln.Close() // taken on the host: the sandboxes must not need it
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, tag := range []string{"one", "two"} {
		wg.Go(func() {
			sh, err := NewShare(exe)
			if err != nil {
				t.Error(err)
				return
			}
			defer sh.Close()
			srv := start(t, roleCmd(t, "serve", tag), Options{Share: sh})
			srv.await(t, "ready")
			out, r := start(t, roleCmd(t, "dial", ""), Options{Share: sh}).end(t)
			if out != tag+"\n" || r.Exit != 0 || r.Unavailable != "" {
				t.Errorf("share %s: the guest printed %q, result %+v", tag, out, r)
			}
			sout, sr := srv.end(t)
			if sr.Exit != 0 || sr.Leftover != 0 {
				t.Errorf("share %s: the server's result %+v; output:\n%s", tag, sr, sout)
			}
		})
	}
	wg.Wait()
}

// TestShareGuest: a guest sees the host's /tmp and processes, gets its
// own signals, and, when its stand-in is killed, is killed with its
// process group; the host's sandbox ends with nothing left.
func TestShareGuest(t *testing.T) {
	sh, err := NewShare("/bin/sh")
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	srv := start(t, shCmd("echo host > /tmp/host; echo ready; exec sleep 300"), Options{Share: sh})
	srv.await(t, "ready")

	out, r := start(t, shCmd("cat /tmp/host; echo procs=$(ls /proc | grep -c '^[0-9]'); kill -TERM $$"), Options{Share: sh}).end(t)
	if !strings.HasPrefix(out, "host\n") || r.Signal != "terminated" {
		t.Errorf("guest: output %q, result %+v", out, r)
	}
	// The init, the host's parent, sleep, the guest's parent, sh, ls and
	// grep at least.
	procs := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(out, "host\n"), "procs="))
	if n, err := strconv.Atoi(procs); err != nil || n < 6 {
		t.Errorf("the guest sees %q processes: not its host's PID namespace", procs)
	}

	if out, r := start(t, shCmd("sleep 300 & echo left"), Options{Share: sh}).end(t); r.Exit != 0 || r.Leftover != 1 {
		t.Errorf("guest that left a process: result %+v; output:\n%s", r, out)
	}

	g := start(t, shCmd("sleep 300 & echo ready; wait"), Options{Share: sh})
	g.await(t, "ready")
	_ = g.cmd.Process.Kill() // the stand-in: as a timeout does
	if out, r := g.end(t); r.Signal != "killed" {
		t.Errorf("guest whose stand-in was killed: result %+v; output:\n%s", r, out)
	}

	_ = srv.box.Signal(syscall.SIGTERM)
	out, r = srv.end(t)
	if r.Signal != "terminated" || r.Leftover != 0 {
		t.Errorf("host: result %+v; output:\n%s", r, out)
	}
}

// TestShareHostGone: a guest whose host's sandbox has ended does not
// run, and says why.
func TestShareHostGone(t *testing.T) {
	sh, err := NewShare("/bin/sh")
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	if _, r := start(t, shCmd("exit 0"), Options{Share: sh}).end(t); r.Exit != 0 {
		t.Fatalf("host: %+v", r)
	}
	out, r := start(t, shCmd("echo ran"), Options{Share: sh}).end(t)
	if strings.Contains(out, "ran") || !strings.Contains(r.Unavailable, "shared sandbox has ended") {
		t.Errorf("a guest after its host's sandbox ended: result %+v, output %q", r, out)
	}
}

// TestShareUnknownGuest: a guest must run one of the share's binaries.
func TestShareUnknownGuest(t *testing.T) {
	sh, err := NewShare("/bin/sh")
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	sh.host()
	if _, err := Wrap(exec.Command("/bin/true"), Options{Share: sh}); err == nil {
		t.Error("a guest running a binary the share does not show was wrapped")
	}
}

func shCmd(script string) *exec.Cmd {
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + Dir, "TMPDIR=" + Dir}
	return cmd
}

// TestReadyPort: a server that prints nothing is ready once it listens:
// OnReady is called then, and its guest reaches it.
func TestReadyPort(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	sh, err := NewShare(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	ready := make(chan struct{})
	cmd := roleCmd(t, "serve", "quiet")
	cmd.Env = append(cmd.Env, "QUIET=1")
	port, _ := strconv.Atoi(fixedPort)
	srv := start(t, cmd, Options{Share: sh, ReadyPort: port, OnReady: func() { close(ready) }})
	<-ready // the test's own time limit bounds the wait
	out, r := start(t, roleCmd(t, "dial", ""), Options{Share: sh}).end(t)
	if out != "quiet\n" || r.Exit != 0 {
		t.Errorf("the guest printed %q, result %+v", out, r)
	}
	if out, r := srv.end(t); out != "" || r.Exit != 0 {
		t.Errorf("the server printed %q, result %+v", out, r)
	}
}

// TestListening: Listening sees a listening socket of this process's
// network namespace, and only while it listens.
func TestListening(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if !Listening(port) {
		t.Errorf("port %d listens, Listening says no", port)
	}
	ln.Close()
	if Listening(port) {
		t.Errorf("port %d was closed, Listening says it listens", port)
	}
}
