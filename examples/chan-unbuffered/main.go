package main

import (
	"fmt"
	"time"
)

// send 把一个值发进 ch，接收者要过 delay 才来取；返回发送语句花了多长时间。
func send(ch chan string, delay time.Duration) time.Duration {
	go func() {
		time.Sleep(delay) // 接收者先忙别的
		<-ch
	}()
	start := time.Now()
	ch <- "hello"
	return time.Since(start)
}

func main() {
	const delay = 200 * time.Millisecond

	unbuffered := send(make(chan string), delay)
	fmt.Printf("无缓冲：发送用了 %v\n", unbuffered.Round(10*time.Millisecond))
	fmt.Println("无缓冲：发送等到了接收者：", unbuffered >= delay)

	buffered := send(make(chan string, 1), delay)
	fmt.Printf("缓冲为 1：发送用了 %v\n", buffered.Round(10*time.Millisecond))
	fmt.Println("缓冲为 1：发送没有等接收者：", buffered < delay)
}
