package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// fetch 模拟一次网络请求：大部分时间都在等待，几乎不占用 CPU。
func fetch(id int, results []string) {
	time.Sleep(100 * time.Millisecond)
	results[id] = fmt.Sprintf("响应 %d", id)
}

func main() {
	const n = 10
	results := make([]string, n)

	start := time.Now()
	var wg sync.WaitGroup
	for id := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fetch(id, results)
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	fmt.Println("GOMAXPROCS =", runtime.GOMAXPROCS(0))
	fmt.Printf("%d 个请求，每个等待 100ms，总共用时 %v\n", n, elapsed.Round(time.Millisecond))
	fmt.Printf("比一个接一个地执行（%v）快得多：%t\n", n*100*time.Millisecond, elapsed < n*100*time.Millisecond/2)
	fmt.Printf("最后一个结果：%s\n", results[n-1])
}
