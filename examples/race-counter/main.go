package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 1_000_000
	count := 0 // 两个 goroutine 共享的变量

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				count++ // 读出、加 1、写回：是三步，不是一步
			}
		}()
	}
	wg.Wait()

	fmt.Printf("count = %d（期望 %d）\n", count, 2*n)
	fmt.Printf("丢失了更新：%t\n", count != 2*n)
}
