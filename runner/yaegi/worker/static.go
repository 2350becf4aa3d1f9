package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"

	"bingfa/runner/route/static"
	"bingfa/runner/yaegi/protocol"
)

// serveStatic is the static check's process (see package protocol): it
// answers requests from standard input, each in a goroutine of its own,
// until the end of its input, then stops its go lists and returns.
func serveStatic() int {
	in := bufio.NewReader(os.Stdin)
	dec := json.NewDecoder(in)
	var cfg protocol.StaticConfig
	if err := dec.Decode(&cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bingfa's static check: bad configuration:", err)
		return 2
	}
	c := static.New(static.Config{GoFlags: cfg.GoFlags, GoEnv: cfg.GoEnv, WorkDir: workDir(cfg.WorkDir), ExportsFile: cfg.ExportsFile})
	out := json.NewEncoder(os.Stdout)
	var mu sync.Mutex
	answer := func(a protocol.StaticAnswer) {
		mu.Lock()
		defer mu.Unlock()
		_ = out.Encode(a)
	}
	var wg sync.WaitGroup
	for {
		var req protocol.StaticRequest
		if err := dec.Decode(&req); err != nil {
			break // the end of the input: bingfa closed it, or ended
		}
		wg.Go(func() { answer(serveRequest(c, req)) })
	}
	c.Close() // kills the go lists under way: the requests waiting fail
	wg.Wait()
	return 0
}

// serveRequest answers one request.
func serveRequest(c *static.Checker, req protocol.StaticRequest) protocol.StaticAnswer {
	ctx := context.Background()
	if req.Background {
		ctx = static.Background(ctx)
	}
	a := protocol.StaticAnswer{ID: req.ID}
	switch req.Op {
	case protocol.OpCheck:
		f := c.Check([]byte(req.Source))
		a.Yaegi, a.Reason, a.Line = f.Yaegi, f.Reason, f.Line
	case protocol.OpPreload:
		srcs := make([][]byte, len(req.Sources))
		for i, s := range req.Sources {
			srcs[i] = []byte(s)
		}
		c.Preload(ctx, srcs)
	case protocol.OpWarm:
		c.WarmWait(ctx)
	default:
		a.Err = fmt.Sprintf("unknown operation %q", req.Op)
	}
	return a
}

// workDir returns a function that makes a directory for one go list's
// temporary files under dir, or nil for go's default.
func workDir(dir string) func() (string, error) {
	if dir == "" {
		return nil
	}
	return func() (string, error) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		return os.MkdirTemp(dir, "golist-")
	}
}
