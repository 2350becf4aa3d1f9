package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int)

	// 三个生产者，各自算出一段数的平方和，发送给 results。
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			for i := w*10 + 1; i <= w*10+10; i++ {
				results <- i * i
			}
		})
	}

	// 谁来关闭 results？不能是某一个生产者：别的生产者可能还在发送。
	// 交给一个专门的 goroutine：等三个生产者都结束，再关闭。
	go func() {
		wg.Wait()
		close(results)
	}()

	total, count := 0, 0
	for v := range results {
		total += v
		count++
	}
	fmt.Println("收到", count, "个数，和为", total)
}
