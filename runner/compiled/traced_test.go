package compiled

import (
	"context"
	"strings"
	"testing"

	"bingfa/runner/engine"
)

// reexec starts itself again, with a channel hand-off in each process:
// two processes, two traces.
const reexec = `package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	if os.Getenv("CHILD") != "" {
		fmt.Println("child")
		os.Exit(0)
	}
	cmd := exec.Command("/proc/self/exe")
	cmd.Env = append(os.Environ(), "CHILD=1")
	cmd.Stdout = os.Stdout
	if err := cmd.Run(); err != nil {
		panic(err)
	}
	fmt.Println("parent")
}
`

// TestTraced runs a traced program that re-executes itself, in the
// sandbox and outside it: each process leaves a trace, read in the order
// they started, and none of the raw trace is left among the outcome's
// files. The same source untraced is
// another binary.
func TestTraced(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	for _, unconfined := range []bool{false, true} {
		p := program("traced", reexec)
		p.Trace, p.Unconfined = true, unconfined
		p.Collect = []string{"missing.txt"}
		o := e.Run(context.Background(), p, nil)
		if o.Err != nil || o.Text(engine.Output) != "child\nparent\n" {
			t.Fatalf("unconfined %v: err %v, output %q", unconfined, o.Err, o.Text(engine.Output))
		}
		if o.TraceErr != nil || len(o.Traces) != 2 {
			t.Fatalf("unconfined %v: %d traces, error %v; want 2", unconfined, len(o.Traces), o.TraceErr)
		}
		for i, tr := range o.Traces {
			if f := tr.Facts(); f.Goroutines != 2 || f.Incomplete {
				t.Errorf("unconfined %v: process %d: facts %+v; want 2 goroutines, complete (os.Exit stops the trace)", unconfined, i+1, f)
			}
		}
		if len(o.Files) != 0 {
			t.Errorf("unconfined %v: files left in the outcome: %v", unconfined, o.Files[0].Path)
		}
	}
	plain := program("plain", reexec)
	if o := e.Run(context.Background(), plain, nil); o.Cached || len(o.Traces) != 0 || strings.TrimSpace(o.Text(engine.Output)) != "child\nparent" {
		t.Errorf("untraced: cached %v (the traced binary?), %d traces, output %q", o.Cached, len(o.Traces), o.Text(engine.Output))
	}
}
