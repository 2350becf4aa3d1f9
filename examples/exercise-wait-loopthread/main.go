package main

import (
	"fmt"
	"sync"
	"time"
)

// loop 数五个数，返回数到了几。
func loop(name string) int {
	fmt.Printf("thread %s is running...\n", name)
	n := 0
	for n < 5 {
		n++
		fmt.Printf("thread %s >>> %d\n", name, n)
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Printf("thread %s ended.\n", name)
	return n
}

func main() {
	fmt.Println("thread MainThread is running...")
	counted := 0 // LoopThread 数到了几
	var wg sync.WaitGroup
	wg.Go(func() { counted = loop("LoopThread") }) // 启动并登记
	wg.Wait()                                      // 等它结束：它写下的 counted，main 此后一定看得到
	fmt.Printf("thread MainThread ended: LoopThread 数到了 %d。\n", counted)
}
