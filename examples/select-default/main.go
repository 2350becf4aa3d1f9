package main

import "fmt"

func main() {
	queue := make(chan int, 2)

	// 非阻塞的发送：队列满了就丢弃，而不是等。
	for i := 1; i <= 3; i++ {
		select {
		case queue <- i:
			fmt.Println("放入", i)
		default:
			fmt.Println("队列满了，丢弃", i)
		}
	}

	// 非阻塞的接收：没有就算了。
	for range 3 {
		select {
		case v := <-queue:
			fmt.Println("取出", v)
		default:
			fmt.Println("队列空了")
		}
	}
}
