package main

import (
	"fmt"
	"os"
	"sync"
)

var (
	mu      sync.Mutex // 保护 counter：几个 goroutine 可能同时修改它
	counter = 0
)

// work 把 counter 加 10，然后报告自己在哪个进程里。
func work(id int) {
	mu.Lock()
	counter += 10
	mu.Unlock()
	fmt.Printf("工作者 %d（进程 %d）：counter += 10\n", id, os.Getpid())
}

func main() {
	fmt.Printf("main（进程 %d）：启动 3 个工作者\n", os.Getpid())
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go func() { // 工作者是 goroutine，与 main 共享 counter
			defer wg.Done()
			work(id)
		}()
	}
	wg.Wait()
	fmt.Printf("main（进程 %d）：counter = %d\n", os.Getpid(), counter)
}
