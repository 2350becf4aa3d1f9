package main

import (
	"fmt"
	"time"
)

// query 模拟一次要花 d 的请求。结果 channel 有一个缓冲位置：
// 即使没有人再等结果，发送者也能放下结果退出，不会永远阻塞。
func query(d time.Duration) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- fmt.Sprintf("用了 %v 的结果", d)
	}()
	return ch
}

// get 最多等 limit。
func get(d, limit time.Duration) {
	select {
	case r := <-query(d):
		fmt.Println("收到：", r)
	case <-time.After(limit):
		fmt.Printf("等了 %v 还没有结果：超时\n", limit)
	}
}

func main() {
	get(10*time.Millisecond, time.Second)
	get(5*time.Second, 200*time.Millisecond)
}
