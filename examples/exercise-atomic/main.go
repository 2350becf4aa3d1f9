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
				// 读出旧值，算出新值，只有当 count 仍是旧值时才写入；否则说明别人抢先改了，重来。
				// （这里直接写 count.Add(1) 也可以；CompareAndSwap 适用于任何“读出、计算、写回”。）
				for {
					old := count.Load()
					runtime.Gosched() // 另一个 goroutine 照样会插进来，但它的修改不会被覆盖
					if count.CompareAndSwap(old, old+1) {
						break
					}
				}
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count.Load(), 2*n)
	fmt.Printf("丢失了更新：%t\n", count.Load() != 2*n)
}
