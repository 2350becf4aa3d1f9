package yaegi_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"bingfa/runner/compiled"
	"bingfa/runner/engine"
)

// benchPrograms are a hello world and a typical lesson block.
var benchPrograms = map[string]string{
	"hello": `package main

import "fmt"

func main() {
	fmt.Println("hello, 并发")
}
`,
	"block": `package main

import (
	"fmt"
	"strings"
	"sync"
)

func worker(id int, jobs <-chan string, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- fmt.Sprintf("worker %d: %s", id, strings.ToUpper(j))
	}
}

func main() {
	jobs := make(chan string)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, jobs, results, &wg)
	}
	for _, w := range []string{"a", "b", "c", "d", "e"} {
		jobs <- w
	}
	close(jobs)
	wg.Wait()
	close(results)
	n := 0
	for range results {
		n++
	}
	fmt.Println(n, "results")
}
`,
}

// BenchmarkEngines runs each program with yaegi (a warm worker, and a
// worker started for the run) and the compiled engine (binary in the
// cache, and built for the run), and reports the time to the first byte
// of output as ms-to-first-byte.
func BenchmarkEngines(b *testing.B) {
	for _, prog := range []string{"hello", "block"} {
		src := benchPrograms[prog]
		b.Run(prog+"/yaegi-warm", func(b *testing.B) {
			e := newEngine(b)
			runBench(b, e, func(int) string { return src }, e.WaitWarm)
		})
		b.Run(prog+"/yaegi-cold", func(b *testing.B) {
			e := newEngine(b)
			e.NoPool()
			runBench(b, e, func(int) string { return src }, nil)
		})
		b.Run(prog+"/compiled-cached", func(b *testing.B) {
			e := compiled.New(b.TempDir())
			b.Cleanup(func() { e.Close() })
			runBench(b, e, func(int) string { return src }, nil)
		})
		b.Run(prog+"/compiled-build", func(b *testing.B) {
			e := compiled.New(b.TempDir())
			b.Cleanup(func() { e.Close() })
			runBench(b, e, func(i int) string { return fmt.Sprintf("%s\n// run %d %d\n", src, i, time.Now().UnixNano()) }, nil)
		})
	}
}

// runBench runs the program source(i) b.N times with e; before each run,
// ready (if not nil) is called with the timer stopped.
func runBench(b *testing.B, e engine.Engine, source func(i int) string, ready func()) {
	ctx := context.Background()
	run := func(i int) time.Duration {
		p := &engine.Program{ID: "bench", Source: []byte(source(i)), Path: "bench.md", Line: 1,
			Timeout: time.Minute, MaxOutput: 1 << 20}
		start := time.Now()
		var first time.Duration
		out := e.Run(ctx, p, func(engine.Event) {
			if first == 0 {
				first = time.Since(start)
			}
		})
		if out.Err != nil || out.Exit != 0 {
			b.Fatalf("run failed: exit %d, %v\n%s", out.Exit, out.Err, out.Text(engine.Output))
		}
		return first
	}
	run(-1) // fill the cache, start the pool
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if ready != nil {
			b.StopTimer()
			ready()
			b.StartTimer()
		}
		total += run(i)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-first-byte")
}

// BenchmarkWorkerStart runs each program in a worker started for the
// run, and reports the wall time and the processor time (user and
// system, of the worker and whatever it waited for) per run: what a
// worker costs from its start to its exit.
func BenchmarkWorkerStart(b *testing.B) {
	for _, prog := range []string{"hello", "block"} {
		src := benchPrograms[prog]
		b.Run(prog, func(b *testing.B) {
			e := newEngine(b)
			e.NoPool()
			ctx := context.Background()
			p := &engine.Program{ID: "bench", Source: []byte(src), Path: "bench.md", Line: 1,
				Timeout: time.Minute, MaxOutput: 1 << 20}
			if out := e.Run(ctx, p, nil); out.Err != nil || out.Exit != 0 {
				b.Fatalf("run failed: exit %d, %v\n%s", out.Exit, out.Err, out.Text(engine.Output))
			}
			before := childCPU(b)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if out := e.Run(ctx, p, nil); out.Err != nil || out.Exit != 0 {
					b.Fatalf("run failed: exit %d, %v", out.Exit, out.Err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64((childCPU(b)-before).Microseconds())/1000/float64(b.N), "cpu-ms/run")
		})
	}
}

// childCPU returns the processor time (user and system) of the
// process's children that have ended and been waited for.
func childCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
