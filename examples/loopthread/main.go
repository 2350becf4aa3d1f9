package main

import (
	"fmt"
	"sync"
	"time"
)

// loop 是新 goroutine 要执行的代码。goroutine 没有名字，
// 想在输出里看到名字，只能由启动它的人当参数传进来。
func loop(name string) {
	fmt.Printf("thread %s is running...\n", name)
	for n := 1; n <= 5; n++ {
		fmt.Printf("thread %s >>> %d\n", name, n)
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Printf("thread %s ended.\n", name)
}

func main() {
	fmt.Println("thread MainThread is running...")
	var wg sync.WaitGroup
	wg.Add(1) // 登记一个要等的任务
	go func() {
		defer wg.Done() // 任务结束时注销
		loop("LoopThread")
	}()
	wg.Wait() // 等所有登记的任务结束，相当于 t.join()
	fmt.Println("thread MainThread ended.")
}
