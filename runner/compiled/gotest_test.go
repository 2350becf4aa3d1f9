package compiled

import (
	"strings"
	"testing"
)

// TestTestArgs: go test's flags go to the test binary as -test.NAME, as go
// test passes them; build flags go to go test -c.
func TestTestArgs(t *testing.T) {
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
