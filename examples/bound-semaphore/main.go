package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	const limit = 3
	sem := make(chan struct{}, limit) // 计数信号量：缓冲里有几个值，就有几个任务在进行

	var inFlight, most atomic.Int32
	var wg sync.WaitGroup
	for job := 1; job <= 6; job++ {
		wg.Go(func() {
			sem <- struct{}{}        // 占一个位置：已经有 3 个在进行时，在这里等
			defer func() { <-sem }() // 做完了，让出位置

			n := inFlight.Add(1)
			// 记下最大值：比已知的最大值大，就用 CompareAndSwap 换上去（失败说明别人刚改过，重读再试）。
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			fmt.Printf("job %d：开始\n", job)
			time.Sleep(20 * time.Millisecond)
			fmt.Printf("job %d：完成\n", job)
			inFlight.Add(-1)
		})
	}
	wg.Wait()
	fmt.Println("同时进行的最多", most.Load(), "个，没有超过", limit, "个：", most.Load() <= limit)
}
