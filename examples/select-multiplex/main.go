package main

import (
	"fmt"
	"time"
)

// source 每隔 every 发送一个数，发完 n 个就关闭 channel。
func source(every time.Duration, n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			time.Sleep(every)
			ch <- i
		}
		close(ch)
	}()
	return ch
}

func main() {
	fast := source(20*time.Millisecond, 4)
	slow := source(50*time.Millisecond, 2)

	// 同时等两个 channel：哪个先有值，就处理哪个。
	for fast != nil || slow != nil {
		select {
		case v, ok := <-fast:
			if !ok {
				fast = nil // 关闭了：设成 nil，这个分支从此不会再被选中
				continue
			}
			fmt.Println("快：", v)
		case v, ok := <-slow:
			if !ok {
				slow = nil
				continue
			}
			fmt.Println("慢：", v)
		}
	}
	fmt.Println("两个都关闭了")
}
