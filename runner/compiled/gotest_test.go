package compiled

import (
	"context"
	"strings"
	"testing"

	"bingfa/runner/engine"
)

// TestTestArgs: go test's flags go to the test binary as -test.NAME, as go
// test passes them; build flags go to go test -c.
func TestTestArgs(t *testing.T) {
	t.Parallel()
	cases := []struct{ args, build, run string }{
		{"", "", ""},
		{"-v", "", "-test.v=true"},
		{"-count=1 -run=^$ -bench=. -benchtime=100x", "", "-test.count=1 -test.run=^$ -test.bench=. -test.benchtime=100x"},
		{"-run TestFib -short", "", "-test.run TestFib -test.short"},
		{"--v=false -tags=x -race", "-tags=x -race", "-test.v=false"},
		{"-cpu 1,2 -failfast -parallel", "", "-test.cpu 1,2 -test.failfast -test.parallel"},
	}
	for _, c := range cases {
		t.Run(c.args, func(t *testing.T) {
			build, run := testArgs(strings.Fields(c.args))
			wantRun := strings.TrimSpace("-test.paniconexit0 -test.timeout=10m0s " + c.run)
			if got := strings.Join(build, " "); got != c.build {
				t.Errorf("build flags %q, want %q", got, c.build)
			}
			if got := strings.Join(run, " "); got != wantRun {
				t.Errorf("binary's flags %q, want %q", got, wantRun)
			}
		})
	}
}

// TestTestBinaryCached: a test block's test binary is built once and kept
// in the cache; a run of the unchanged block runs it as it is, and a block
// whose test file changed is built again.
func TestTestBinaryCached(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	test := func(want string) *engine.Program {
		p := program("fib", "package main\n\nfunc fib(n int) int { return n }\n\nfunc main() {}\n")
		p.TestName = "main_test.go"
		p.Test = []byte("package main\n\nimport \"testing\"\n\nfunc TestFib(t *testing.T) {\n\tif fib(2) != " + want + " {\n\t\tt.Fatal(\"wrong\")\n\t}\n}\n")
		return p
	}
	ctx := context.Background()
	runs := []struct {
		p      *engine.Program
		exit   int
		cached bool
	}{{test("2"), 0, false}, {test("2"), 0, true}, {test("3"), 1, false}}
	for i, r := range runs {
		out := e.Run(ctx, r.p, nil)
		if out.Err != nil || out.Exit != r.exit || out.Cached != r.cached {
			t.Errorf("run %d: exit %d, cached %v, err %v; want exit %d, cached %v\n%s", i+1, out.Exit, out.Cached, out.Err, r.exit, r.cached, out.Text(engine.Output))
		}
	}
}
