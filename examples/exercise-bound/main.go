package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// 数据库最多接受 4 个连接。
const maxConns = 4

var open, most atomic.Int32

// query 打开一个连接，查询 100ms，再关闭。
func query(id int) int {
	n := open.Add(1)
	defer open.Add(-1)
	// 记下最大值：比已知的最大值大，就用 CompareAndSwap 换上去（失败说明别人刚改过，重读再试）。
	for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
	}
	time.Sleep(100 * time.Millisecond)
	return id * 10
}

func main() {
	sem := make(chan struct{}, maxConns)
	results := make([]int, 20)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = query(i)
		})
	}
	wg.Wait()

	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println("20 个查询的结果之和：", sum)
	fmt.Println("同时打开的连接最多", most.Load(), "个，没有超过", maxConns, "个：", most.Load() <= maxConns)
}
