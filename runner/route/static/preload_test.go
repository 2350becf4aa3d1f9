package static

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestReaderDoesNotWaitForBackground: while the go list of background
// work (a server's Preload, Warm) is under way, a reader's check does
// not wait for it: it lists the packages it needs itself.
func TestReaderDoesNotWaitForBackground(t *testing.T) {
	cases := map[string]func(c *Checker){
		"preload": func(c *Checker) {
			c.Preload(Background(t.Context()), [][]byte{[]byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n")})
		},
		"warm": func(c *Checker) { c.Warm() },
	}
	for name, background := range cases {
		t.Run(name, func(t *testing.T) {
			r := New(Config{})
			started, release := make(chan bool, 1), make(chan struct{})
			defer close(release)
			r.types.exports.list = func(ctx context.Context, paths []string) ([]byte, error) {
				if !isBackground(ctx) {
					return goList(ctx, paths, Config{})
				}
				started <- true
				<-release // a go list that takes its time
				return nil, errors.New("stopped")
			}
			go background(r)
			<-started
			decided := make(chan Finding)
			go func() {
				decided <- r.Check([]byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n"))
			}()
			select {
			case d := <-decided:
				if !d.Yaegi {
					t.Errorf("decided %q, want a program that passed the static check", d.Reason)
				}
			case <-time.After(2 * time.Minute):
				t.Fatal("the reader's decision waits for the background go list")
			}
		})
	}
}

// TestBackgroundListIsNice: background work's go list (and what it
// starts) runs at nice 19, as background builds do. The go command here
// is a script that waits to be lowered, then says its niceness.
func TestBackgroundListIsNice(t *testing.T) {
	if p, _ := syscall.Getpriority(syscall.PRIO_PROCESS, 0); p == 1 { // 20 - nice
		t.Skip("the test already runs at nice 19")
	}
	stdDir() // with the real go command
	dir := t.TempDir()
	script := "#!/bin/sh\nfor i in $(seq 3000); do [ \"$(nice)\" = 19 ] && break; sleep 0.01; done\nprintf 'fmt\\t%s\\n' \"$(nice)\"\n"
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := goList(Background(t.Context()), []string{"fmt"}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); got != "fmt\t19\n" {
		t.Errorf("go list said %q, want it at nice 19", got)
	}
}

// TestCloseStopsGoList: Close cancels a go list under way (a background
// one is in its own process group, which the end of bingfa would not
// reach) and returns only once it has ended.
func TestCloseStopsGoList(t *testing.T) {
	x := newExports()
	started := make(chan struct{})
	var ended atomic.Bool
	x.list = func(ctx context.Context, paths []string) ([]byte, error) {
		close(started)
		<-ctx.Done()
		ended.Store(true)
		return nil, ctx.Err()
	}
	go x.preload(Background(context.Background()), [][]byte{warmSource})
	<-started
	x.close()
	if !ended.Load() {
		t.Fatal("close returned while a go list was under way")
	}
	if err := x.load(context.Background(), []string{"fmt"}); err == nil {
		t.Error("a go list started after close")
	}
}

// TestConcurrentLoadsShareGoList: loads of the same packages at the same
// time, as when a check routes many programs at once, start one go list,
// which the others wait for, whenever they come: until it ends they find
// it under way, then its packages known. When it fails, its own load
// fails, and the others list the packages again, with one go list.
func TestConcurrentLoadsShareGoList(t *testing.T) {
	for _, fail := range []bool{false, true} {
		t.Run(map[bool]string{false: "succeeds", true: "fails"}[fail], func(t *testing.T) {
			x := newExports()
			var calls atomic.Int32
			release := make(chan struct{})
			x.list = func(ctx context.Context, paths []string) ([]byte, error) {
				if calls.Add(1) == 1 {
					<-release // the first go list takes its time
					if fail {
						return nil, errors.New("stopped")
					}
				}
				return []byte("fmt\t/x/fmt.a\n"), nil
			}
			const n = 8
			errs := make(chan error, n)
			for range n {
				go func() { errs <- x.load(t.Context(), []string{"fmt"}) }()
			}
			for calls.Load() == 0 {
				time.Sleep(time.Millisecond)
			}
			close(release)
			failed := 0
			for range n {
				if err := <-errs; err != nil {
					failed++
				}
			}
			want := int32(1)
			if fail {
				want = 2 // the failed one, then one for all the others
			}
			if got := calls.Load(); got != want {
				t.Errorf("%d go lists for %d loads of the same package, want %d", got, n, want)
			}
			if fail && failed != 1 || !fail && failed != 0 {
				t.Errorf("%d loads failed", failed)
			}
			if x.files["fmt"] != "/x/fmt.a" {
				t.Errorf("fmt's export data = %q", x.files["fmt"])
			}
		})
	}
}
