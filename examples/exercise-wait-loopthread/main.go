package main

import (
	"fmt"
	"sync"
	"time"
)

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
	wg.Go(func() { loop("LoopThread") }) // 启动并登记
	wg.Wait()                            // 等它结束
	fmt.Println("thread MainThread ended.")
}
