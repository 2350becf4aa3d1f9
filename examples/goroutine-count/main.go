package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Printf("开始时：%d 个 goroutine\n", runtime.NumGoroutine())

	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			<-release // 等待放行
		})
	}
	fmt.Printf("启动 3 个之后：%d 个\n", runtime.NumGoroutine())

	close(release) // 放行全部三个
	wg.Wait()
	// Wait 返回只说明三个函数都已返回；它们的 goroutine 可能还没有完全退出。
	fmt.Printf("Wait 返回之后：%d 个\n", runtime.NumGoroutine())
}
