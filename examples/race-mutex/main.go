package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 1_000_000
	var (
		mu    sync.Mutex // 保护 count：读写 count 之前必须先拿到它
		count int
	)

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				mu.Lock()
				count++ // 同一时刻只有一个 goroutine 能执行到这里
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count, 2*n)
}
