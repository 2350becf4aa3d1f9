// A plausible wrong answer: block each goroutine in a read from a pipe,
// expecting a blocking read to hold a thread. Go's pipes are non-blocking
// and registered with the netpoller: a goroutine waiting on one is parked,
// and its thread goes on running other goroutines.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

func threads() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "Threads:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				panic(err)
			}
			return n
		}
	}
	panic("/proc/self/status 中没有 Threads: 一行")
}

func main() {
	const n = 20
	var started sync.WaitGroup
	for range n {
		started.Add(1)
		r, w, err := os.Pipe()
		if err != nil {
			panic(err)
		}
		go func() {
			started.Done()
			buf := make([]byte, 1)
			r.Read(buf) // nobody writes: waits on the netpoller, not in a thread
			w.Close()
		}()
	}
	started.Wait()

	t := threads()
	fmt.Printf("%d 个 goroutine 都在睡眠\n", n)
	fmt.Printf("线程数：%d\n", t)
	fmt.Printf("线程数不少于 %d：%t\n", n, t >= n)
}
