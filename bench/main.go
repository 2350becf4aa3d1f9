// Command bench measures how fast bingfa checks the course against what a
// Go programmer would otherwise use, and writes docs/BENCH.md.
//
// In one run on one machine it measures:
//
//   - check of the whole course, cold (empty bingfa cache and GOCACHE) and
//     warm;
//
//   - the same programs as Go testable examples run by go test, cold and
//     warm, against check of exactly those programs;
//
//   - every program with go run, one after another;
//
//   - the floor: the programs' own run time, from prebuilt binaries run
//     directly (serial blocks one after another, the rest in parallel by
//     lesson on the machine's CPUs);
//
//   - the standard library's playable examples through check
//     --engine=auto, against one go build of all of them plus running each
//     binary;
//
//   - what recording an execution trace costs the blocks with the option
//     trace: each run without and with it;
//
//   - what a reader waits for (issue 23's targets): a cold go build of
//     bingfa and where its time goes; the first page of a fresh clone under
//     go run with empty caches; the first output of edited blocks on a
//     server started a second earlier, and of an edited block in the warm
//     interpreter; go test ./... of bingfa itself, warm and cold, and
//     where its time goes;
//
//   - the one-link dispatcher: a check of new blocks (the course's, the
//     standard library's examples) with chunked builds and with
//     dispatchers, whose verdicts must be the same.
//
// Usage, from the module root:
//
//	go run ./bench [-o docs/BENCH.md] [-cold=false] [-std=false] [-only=start,gotest]
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
	only := flag.String("only", "", "run only these comma-separated `STAGES` (build, start, course, examples, gorun, floor, stdlib, gotest, gotestcold, trace, dispatch)")
	flag.Parse()
	var stages map[string]bool
	if *onlyTrace {
		*only = "trace"
	}
	if *only != "" {
		stages = map[string]bool{}
		for _, s := range strings.Split(*only, ",") {
			stages[s] = true
		}
	}
	b, err := newBench(*cold, *std, stages)
	if err == nil {
		b.onlyTrace = *onlyTrace
		err = report(b, *out, *onlyTrace)
		b.close() // before os.Exit, which runs no deferred call
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// report runs b and writes its report to out (none for "-"), or prints
// only the trace section when onlyTrace.
func report(b *bench, out string, onlyTrace bool) error {
	if err := b.run(); err != nil {
		return err
	}
	if onlyTrace {
		var s strings.Builder
		b.writeTraces(&s)
		fmt.Print(s.String())
		return nil
	}
	if out == "-" {
		return nil
	}
	return os.WriteFile(out, []byte(b.report()+handWritten(out)), 0o644)
}

// handMark starts the part of the report written by hand, which a new
// report keeps.
const handMark = "<!-- written by hand: go run ./bench keeps what follows -->"

// handWritten returns the part of the report in file written by hand, or
// "".
func handWritten(file string) string {
	old, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	if i := strings.Index(string(old), handMark); i >= 0 {
		return "\n" + string(old[i:])
	}
	return ""
}
