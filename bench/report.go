package main

import (
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"
)

// A ratio compares two measurements against a target.
type ratio struct {
	What     string
	Num, Den string // result keys
	Target   string
	OK       func(float64) bool
}

var ratios = []ratio{
	{"warm check ÷ floor", "check-warm", "floor", "≤ 1.15", func(r float64) bool { return r <= 1.15 }},
	{"cold check ÷ cold go test (same programs)", "sub-check-cold", "sub-gotest-cold", "< 1", func(r float64) bool { return r < 1 }},
	{"warm check ÷ warm go test (same programs)", "sub-check-warm", "sub-gotest-warm", "(reported)", nil},
	{"go run one by one ÷ warm check", "gorun-warm", "check-warm", "≥ 5", func(r float64) bool { return r >= 5 }},
	{"go run one by one ÷ floor: about the most any tool can reach", "gorun-warm", "floor", "(bound)", nil},
	{"stdlib: build all + run ÷ check --engine=auto, warm", "std-buildrun-warm", "std-check-warm", "≥ 3", func(r float64) bool { return r >= 3 }},
}

// report returns docs/BENCH.md.
func (b *bench) report() string {
	var s strings.Builder
	s.WriteString("# Benchmarks\n\n")
	s.WriteString("Written by `go run ./bench` (see `bench/main.go`); rerun it to reproduce these figures on your machine. ")
	s.WriteString("All figures come from one run on one machine; these machines are shared and noisy, so read the ratios, not the seconds.\n\n")
	fmt.Fprintf(&s, "- Date: %s\n- Go: %s, %s/%s, %d CPUs\n- Machine: %s\n- Load average (1, 5, 15 min) at the start: %s; at the end: %s\n\n", time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel(), b.loadStart, loadAverage())
	s.WriteString("## Ratios\n\n| comparison | ratio | target | met |\n|---|---|---|---|\n")
	for _, r := range ratios {
		num, den := b.get(r.Num), b.get(r.Den)
		if num == 0 || den == 0 {
			continue
		}
		v := num.Seconds() / den.Seconds()
		met := "–"
		if r.OK != nil {
			met = map[bool]string{true: "yes", false: "**no**"}[r.OK(v)]
		}
		fmt.Fprintf(&s, "| %s | %.2f | %s | %s |\n", r.What, v, r.Target, met)
	}
	s.WriteString("\n## Measurements\n\n| measurement | seconds |\n|---|---|\n")
	for _, r := range b.results {
		fmt.Fprintf(&s, "| %s | %.2f |\n", r.Name, r.Took.Seconds())
	}
	b.writeCosts(&s)
	b.writeTraces(&s)
	b.writeTargets(&s)
	s.WriteString("\n## How each is measured\n\n")
	s.WriteString("- **check**: the `bingfa` binary built from this checkout, `bingfa check lessons`. Warm: its cache filled by a first run, the usual GOCACHE. Cold: an empty bingfa cache and an empty GOCACHE (the standard library is compiled again).\n")
	s.WriteString("- **go test**: every program that can be a testable example (exit status 0, no arguments or environment, does not re-execute itself, no race detector) is written as a package of a generated module with an `Example` that calls its `main` and states the lesson's expected output; `go test -count=1 ./...` of all of them. `check` of a lesson holding exactly those programs is the comparison.\n")
	s.WriteString("- **go run**: `go run ./pNNN` for each program of the course, one after another, after a first pass has filled GOCACHE.\n")
	fmt.Fprintf(&s, "- **floor**: every program built beforehand and run directly, alone, under the same supervision as check, %d times; each counts with its shortest run. ", floorRuns)
	s.WriteString("Serial blocks must run with nothing beside them, so their times add up; the others may all run at once, which takes at least as long as the longest of them, and at least their processor time (user and system, children included) divided among the CPUs. The floor is the sum of the first and the larger of the other two: no scheduler can run the course faster.\n")
	s.WriteString("- **stdlib**: the playable examples of the packages listed in `bench/bench.go`, as lessons (see `runner/goexamples`), through `bingfa check --engine=auto` (second run: what was built is in bingfa's cache, the rest runs in yaegi), against one `go build -o bin/` of all of them with a warm GOCACHE into an empty `bin/` (every binary linked), then running each binary, one per CPU at a time. The same with the binaries already in `bin/`, where go build has nothing to do, is shown too: it is the floor of any tool that runs these programs as processes.\n")
	s.WriteString("- **start**: `bingfa serve` (built beforehand) of a copy of the course with a lesson of two blocks beside it, an empty bingfa cache, the usual GOCACHE; edited blocks are run through the page's API (`POST /api/run`, then its event stream) and timed from the request to their first output. The server starts building the course and the interpreter's worker in the background; a block the interpreter could run runs compiled until the worker is built. **fresh clone**: the checkout's HEAD (`git archive`) in a new directory, `go run . serve` with empty GOCACHE and bingfa cache and `GOPROXY=off` (the module cache filled), timed to the first page answered. **cold build**: `go build .` with an empty GOCACHE, with its actions' times from `-debug-actiongraph`.\n")
	s.WriteString("- **go test**: `go test -count=1 -json ./...` of bingfa itself, once with GOCACHE as the earlier stages left it (warm) and, for cold, with empty GOCACHE and bingfa cache.\n")
	s.WriteString("- **dispatch**: `bingfa check --engine=compiled` of the course and of the standard library's examples, each with an empty bingfa cache and a copy of a GOCACHE that holds only the standard library (new blocks), with chunked builds (`BINGFA_DISPATCH=off`) and with dispatchers (the default; see runner/compiled's dispatch.go); every block's verdict must be the same both ways. The notes give each check's processor time.\n")
	b.writeReading(&s)
	if len(b.notes) > 0 {
		s.WriteString("\n## Notes\n\n")
		for _, n := range b.notes {
			s.WriteString("- " + n + "\n")
		}
	}
	return s.String()
}

// loadAverage returns the machine's load averages (Linux), or "unknown".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], ", ")
	}
	return "unknown"
}

// costliest is how many programs the report lists by their cost.
const costliest = 12

// writeCosts lists the programs that cost the most time alone: they
// decide the floor.
func (b *bench) writeCosts(s *strings.Builder) {
	if len(b.costs) == 0 {
		return
	}
	cs := slices.Clone(b.costs)
	slices.SortStableFunc(cs, func(x, y cost) int { return cmp.Compare(y.wall, x.wall) })
	var wall, serial time.Duration
	for _, c := range b.costs {
		wall += c.wall
		if c.p.Serial {
			serial += c.wall
		}
	}
	fmt.Fprintf(s, "\n## What the programs cost\n\nRun alone (the shortest of %d runs), the course's %d programs take %.2f s one after another, %.2f s of it in serial blocks.", floorRuns, len(b.costs), wall.Seconds(), serial.Seconds())
	if gorun := b.get("gorun-warm"); gorun > wall {
		fmt.Fprintf(s, " go run one by one took %.2f s more: %.0f ms of its own per program.", (gorun - wall).Seconds(), float64((gorun-wall).Milliseconds())/float64(len(b.costs)))
	}
	fmt.Fprintf(s, " The %d that take longest:\n\n", min(costliest, len(cs)))
	s.WriteString("| block | serial | wall s | CPU s |\n|---|---|---|---|\n")
	for _, c := range cs[:min(costliest, len(cs))] {
		serial := ""
		if c.p.Serial {
			serial = "yes"
		}
		fmt.Fprintf(s, "| %s | %s | %.2f | %.2f |\n", c.p.ID, serial, c.wall.Seconds(), c.cpu.Seconds())
	}
}

func cpuModel() string {
	out, err := exec.Command("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// writeReading explains the ratios that the course's programs decide, with
// the figures of this run.
func (b *bench) writeReading(s *strings.Builder) {
	s.WriteString("\n## Reading the ratios\n\n")
	gorun, floor := b.get("gorun-warm"), b.get("floor")
	if gorun > 0 && floor > 0 {
		var serial time.Duration
		for _, c := range b.costs {
			if c.p.Serial {
				serial += time.Duration(max(c.p.Runs, 1)) * c.wall
			}
		}
		fmt.Fprintf(s, "- **go run one by one.** No tool can run the course faster than the floor (within the noise of one run), so none can be much more than go run ÷ floor = %.2f times faster than go run one by one. ", gorun.Seconds()/floor.Seconds())
		fmt.Fprintf(s, "The course's programs spend their time sleeping, waiting for their children and measuring themselves; go run pays all of it, one program after another, plus an overhead of its own that is small once its cache is warm (see *What the programs cost*). ")
		fmt.Fprintf(s, "check pays the serial blocks, which must run alone (%.2f s, %.0f%% of go run's time), and the rest of the floor. A ratio of 5 needs a course whose serial blocks and longest program take less than a fifth of go run's time.\n", serial.Seconds(), 100*serial.Seconds()/gorun.Seconds())
	}
	s.WriteString(readingCold)
}

const readingCold = `- **Cold check and cold go test** both spend most of their time compiling the standard library into an empty GOCACHE. check compiles it once: the export data that routing asks go list for is built with the flags and environment of check's own builds (-trimpath, CGO_ENABLED=0), so go build finds it in the cache. The first programs then start while the others are still being built, and blocks that the interpreter can run start at once.
- **The standard library's examples**: in a second check most examples run in a fresh yaegi worker each (started ahead, in the background) and the rest from bingfa's cache; go build has to link every program again. When the binaries are already linked and up to date, go build does nothing and running them directly is the floor of any tool that runs each example as a process.
`
