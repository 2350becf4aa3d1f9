// Command bench measures how fast bingfa checks the course against what a
// Go programmer would otherwise use, and writes docs/BENCH.md.
//
// In one run on one machine it measures:
//
//   - check of the whole course, cold (empty bingfa cache and GOCACHE) and
//     warm;
//   - the same programs as Go testable examples run by go test, cold and
//     warm, against check of exactly those programs;
//   - every program with go run, one after another;
//   - the floor: the programs' own run time, from prebuilt binaries run
//     directly (serial blocks one after another, the rest in parallel by
//     lesson on the machine's CPUs);
//   - the standard library's playable examples through check
//     --engine=auto, against one go build of all of them plus running each
//     binary;
//   - what recording an execution trace costs the blocks with the option
//     trace: each run without and with it.
//
// Usage, from the module root:
//
//	go run ./bench [-o docs/BENCH.md] [-cold=false] [-std=false]
//	go run ./bench -trace-only   # print the trace section only
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"bingfa/runner/proc"
)

func main() {
	proc.BecomeSubreaper() // reap what the programs measured leave behind
	out := flag.String("o", "docs/BENCH.md", "write the report to `FILE` (- for none)")
	cold := flag.Bool("cold", true, "measure cold runs (empty caches; slow)")
	std := flag.Bool("std", true, "measure the standard library's examples")
	onlyTrace := flag.Bool("trace-only", false, "measure only what tracing costs the traced blocks, and print that section of the report instead of writing it")
	flag.Parse()
	b, err := newBench(*cold, *std)
	if err == nil {
		defer b.close()
		b.onlyTrace = *onlyTrace
		err = b.run()
	}
	if err == nil && *onlyTrace {
		var s strings.Builder
		b.writeTraces(&s)
		fmt.Print(s.String())
		return
	}
	if err == nil && *out != "-" {
		err = os.WriteFile(*out, []byte(b.report()), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
