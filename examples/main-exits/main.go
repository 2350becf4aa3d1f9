package main

import (
	"fmt"
	"time"
)

func loop(name string, started chan<- struct{}) {
	fmt.Printf("thread %s is running...\n", name)
	for n := 1; n <= 5; n++ {
		fmt.Printf("thread %s >>> %d\n", name, n)
		if n == 1 {
			close(started) // 告诉 main：我已经开始干活了
		}
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Printf("thread %s ended.\n", name)
}

func main() {
	fmt.Println("thread MainThread is running...")
	started := make(chan struct{})
	go loop("LoopThread", started)
	<-started // 只等它开个头，不等它结束
	fmt.Println("thread MainThread ended.")
	// main 返回，整个程序随之退出：LoopThread 还没做完，也一起消失了。
}
