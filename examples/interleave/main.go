package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

// work 是一段纯计算：不睡眠、不做 I/O，只占用 CPU。
func work(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		x = x*31 + i
	}
	return x
}

// 一个任务做 rounds 轮，每轮调用一次 work(chunk)。
const rounds, chunk = 20, 3_000_000

// sums 保存计算结果，免得编译器把计算当成无用代码删掉。
var sums [3]int

// alone 让一个任务单独做完 rounds 轮，返回所用的时间。
func alone() time.Duration {
	start := time.Now()
	for range rounds {
		sums[2] += work(chunk)
	}
	return time.Since(start)
}

// together 让 A、B 两个 goroutine 各做 rounds 轮，每完成一轮就记下自己的名字；
// 返回完成的顺序和所用的时间。
func together() (string, time.Duration) {
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	start := time.Now()
	for i, name := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				sums[i] += work(chunk)
				mu.Lock()
				order = append(order, name)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return strings.Join(order, ""), time.Since(start)
}

// switches 数一数完成顺序中相邻两轮换了人的次数：AAABBA 是 2 次。
func switches(order string) int {
	n := 0
	for i := 1; i < len(order); i++ {
		if order[i] != order[i-1] {
			n++
		}
	}
	return n
}

// experiment 先测基准，再让两个任务一起运行，打印完成顺序和耗时之比。
func experiment() {
	one := alone()
	order, two := together()
	fmt.Println("GOMAXPROCS =", runtime.GOMAXPROCS(0))
	fmt.Printf("完成顺序：%s\n", order)
	fmt.Printf("A、B 交替了 %d 次\n", switches(order))
	fmt.Printf("两个任务的耗时是一个任务的 %.1f 倍\n", float64(two)/float64(one))
}

func main() {
	experiment()
}
