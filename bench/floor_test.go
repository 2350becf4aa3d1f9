package main

import (
	"testing"
	"time"
)

func TestFloorOf(t *testing.T) {
	const ms = time.Millisecond
	prog := func(serial bool, runs int) *program { return &program{Serial: serial, Runs: runs} }
	for _, tc := range []struct {
		name  string
		costs []cost
		cpus  int
		want  time.Duration
	}{
		{"serial blocks add up", []cost{{prog(true, 0), 300 * ms, 300 * ms}, {prog(true, 1), 200 * ms, 0}}, 2, 500 * ms},
		{"sleepers take the longest", []cost{{prog(false, 0), 5000 * ms, 10 * ms}, {prog(false, 0), 2500 * ms, 10 * ms}}, 2, 5000 * ms},
		{"busy programs share the CPUs", []cost{{prog(false, 0), 1000 * ms, 1000 * ms}, {prog(false, 0), 1000 * ms, 1000 * ms}, {prog(false, 0), 1000 * ms, 2000 * ms}}, 2, 2000 * ms},
		{"runs=N counts N times", []cost{{prog(false, 10), 100 * ms, 100 * ms}, {prog(true, 3), 100 * ms, 100 * ms}}, 2, 300*ms + 500*ms},
		{"both phases", []cost{{prog(true, 0), 400 * ms, 400 * ms}, {prog(false, 0), 900 * ms, 0}}, 2, 1300 * ms},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := floorOf(tc.costs, tc.cpus); got != tc.want {
				t.Errorf("floorOf = %v, want %v", got, tc.want)
			}
		})
	}
}
