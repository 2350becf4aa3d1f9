// A plausible wrong answer: CompareAndSwap, but without the retry loop.
// When another goroutine got in between, the swap fails and the increment
// is lost: no data race, and still not 2 million.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 1_000_000
	var count atomic.Int64

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				old := count.Load()
				runtime.Gosched()
				count.CompareAndSwap(old, old+1) // wrong: when it fails, the increment is dropped
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count.Load(), 2*n)
	fmt.Printf("丢失了更新：%t\n", count.Load() != 2*n)
}
