package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

const budget = 100 // 内存预算：100 MB

func main() {
	sem := semaphore.NewWeighted(budget)
	sizes := []int64{60, 30, 50, 20, 70, 10} // 每个任务要占用的内存（MB）

	var inUse, peak atomic.Int64
	var wg sync.WaitGroup
	for i, size := range sizes {
		wg.Go(func() {
			// 预算不够就等别人释放；ctx 被取消时不再等，返回错误。
			if err := sem.Acquire(context.Background(), size); err != nil {
				fmt.Println(err)
				return
			}
			defer sem.Release(size)

			n := inUse.Add(size)
			for m := peak.Load(); n > m && !peak.CompareAndSwap(m, n); m = peak.Load() {
			}
			time.Sleep(20 * time.Millisecond)
			inUse.Add(-size)
			fmt.Printf("任务 %d（%d MB）：完成\n", i, size)
		})
	}
	wg.Wait()
	fmt.Println("同时占用的内存最多", peak.Load(), "MB，没有超过预算：", peak.Load() <= budget)

	// 比整个预算还大的请求永远等不到：给 Acquire 一个有期限的 ctx。
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	fmt.Println("要 150 MB：", sem.Acquire(ctx, 150))
	// TryAcquire 不等：拿得到就拿，拿不到立即返回 false。
	fmt.Println("TryAcquire：", sem.TryAcquire(budget), sem.TryAcquire(1))
}
