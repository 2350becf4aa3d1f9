package main

import (
	"fmt"
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
				count.Store(count.Load() + 1) // 每一步都是原子的，合起来却不是
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count.Load(), 2*n)
	fmt.Printf("丢失了更新：%t\n", count.Load() != 2*n)
}
