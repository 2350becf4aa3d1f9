package main

import "fmt"

func main() {
	var ch chan int // 零值：nil channel，没有用 make 创建
	fmt.Println("ch == nil：", ch == nil)
	fmt.Println("从 nil channel 接收……")
	<-ch // 永远阻塞
}
