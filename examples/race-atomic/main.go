package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 1_000_000
	var count atomic.Int64 // 只能通过原子操作读写的整数

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				count.Add(1) // 读出、加 1、写回作为一个不可分割的操作完成
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count.Load(), 2*n)
}
