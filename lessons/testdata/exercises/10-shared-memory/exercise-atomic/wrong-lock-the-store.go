// A plausible wrong answer: a mutex around the Store. The read and the
// write are still two steps, and the other goroutine gets in between.
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

	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				v := count.Load()
				runtime.Gosched()
				mu.Lock() // wrong: the lock guards the write only, not the read before it
				count.Store(v + 1)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count.Load(), 2*n)
	fmt.Printf("丢失了更新：%t\n", count.Load() != 2*n)
}
