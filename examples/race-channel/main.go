package main

import (
	"fmt"
	"sync"
)

func main() {
	const n = 1_000_000
	inc := make(chan int, 1024) // 增量通过 channel 发给 count 的主人
	total := make(chan int)

	// count 只属于这个 goroutine：别人看不到它，只能给它发消息。
	go func() {
		count := 0
		for d := range inc {
			count += d
		}
		total <- count
	}()

	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range n {
				inc <- 1
			}
		}()
	}
	wg.Wait()
	close(inc) // 不会再有增量了：主人的 for range 循环随之结束

	fmt.Printf("count = %d（期望 %d）\n", <-total, 2*n)
}
