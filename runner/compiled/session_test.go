package compiled

import (
	"context"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"

	"bingfa/runner/engine"
	"bingfa/runner/sandbox"
)

// A server that listens on $FIXED, or else on $PORT, says so unless
// $QUIET is set, answers every request with $TAG, and stops on SIGINT.
const tagServer = `package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	port := os.Getenv("FIXED")
	if port == "" {
		port = os.Getenv("PORT")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, os.Getenv("TAG"))
	})}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go srv.Serve(ln)
	if os.Getenv("QUIET") == "" {
		fmt.Println("listening")
	}
	<-ctx.Done()
	srv.Shutdown(context.Background())
	fmt.Println("stopped")
}
`

// Its client: prints what the server answers.
const tagClient = `package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("FIXED")
	if port == "" {
		port = os.Getenv("PORT")
	}
	resp, err := http.Get("http://127.0.0.1:" + port + "/")
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(string(b))
}
`

// sessionProgram returns a client of a tagServer, both with env; the
// server is ready when it prints "listening", or, with a port, when it
// listens on it (and prints nothing).
func sessionProgram(tag string, unconfined bool, port int, env ...string) *engine.Program {
	srv := program("srv-"+tag, tagServer)
	srv.Ready, srv.Unconfined, srv.Port = "listening", unconfined, port
	if port > 0 {
		srv.Ready, env = "", append(env, "QUIET=1")
	}
	srv.Env = append([]string{"TAG=" + tag}, env...)
	c := program("client-"+tag, tagClient)
	c.Env, c.Server = env, srv
	return c
}

// TestSessions: sessions run at once, each a server and its client; in
// the sandbox, on one fixed port (taken on the host by the test), since
// each session has a network of its own; unconfined (the fallback where
// there is no sandbox), on the free port of $PORT. Each client reaches its
// own server, which is stopped, and nothing is left.
func TestSessions(t *testing.T) {
	t.Parallel()
	free, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	freeN, _ := strconv.Atoi(free)
	cases := []struct {
		name       string
		unconfined bool
		port       int // port=: ready once it listens, printing nothing
		env        []string
	}{
		{"shared-fixed-port", false, 0, []string{"FIXED=18082"}},
		{"shared-port-ready", false, 18082, nil},
		{"unconfined-free-port", true, 0, nil},
		{"unconfined-port-ready", true, freeN, nil},
	}
	e := shared(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !c.unconfined {
				if !sandbox.Enabled() {
					t.Skipf("no sandbox here: %v", sandbox.Why())
				}
				if ln, err := net.Listen("tcp", "127.0.0.1:18082"); err == nil {
					defer ln.Close() // the sessions must not need it
				}
			}
			tags := []string{"one", "two"}
			if c.port > 0 && c.unconfined {
				tags = tags[:1] // the host's port: one session at a time
			}
			wantServer := "listening\nstopped\n"
			if c.port > 0 {
				wantServer = "stopped\n"
			}
			var wg sync.WaitGroup
			for _, tag := range tags {
				wg.Go(func() {
					o := e.Run(context.Background(), sessionProgram(tag, c.unconfined, c.port, c.env...), nil)
					if o.Err != nil || o.Text(engine.Output) != tag+"\n" || o.Leftover != 0 {
						t.Errorf("%s: client err %v, output %q, leftover %d", tag, o.Err, o.Text(engine.Output), o.Leftover)
					}
					if o.Server == nil {
						t.Errorf("%s: no server outcome", tag)
						return
					}
					if s := o.Server; s.Err != nil || s.Text(engine.Output) != wantServer || s.Leftover != 0 {
						t.Errorf("%s: server err %v, output %q, leftover %d", tag, s.Err, s.Text(engine.Output), s.Leftover)
					}
				})
			}
			wg.Wait()
		})
	}
}

// TestSessionServerGone: a server that ends before it is ready fails
// its client, which does not run.
func TestSessionServerGone(t *testing.T) {
	t.Parallel()
	e := shared(t)
	c := sessionProgram("gone", false, 0, "FIXED=not-a-port")
	o := e.Run(context.Background(), c, nil)
	if o.Err == nil || !strings.Contains(o.Err.Error(), `ended before it was ready (print "listening")`) || o.Server == nil {
		t.Fatalf("err %v, server %v", o.Err, o.Server)
	}
	if got := o.Server.Text(engine.Output); !strings.Contains(got, "unknown port") {
		t.Errorf("server output %q", got)
	}
}
